// One page's libxml2 allocations in a per-thread arena. While a ParseArena lives, every
// xmlMalloc/xmlRealloc/xmlStrdup of the current thread bumps a pointer in large blocks and xmlFree
// of such memory does nothing; when the arena ends, all of it is taken back at once and the
// blocks are kept for the thread's next page. Parsing a page makes tens of thousands of small
// allocations (nodes, names, text, attributes) that all die together with the document: the
// arena replaces that malloc/free churn (a fifth of the extraction's time) and the tree walk of
// xmlFreeDoc (the document may simply be dropped: abandon()).
//
// Contract: the hooks are installed once, at program start, for the whole process; outside an
// arena, and on other threads, they are plain malloc/realloc/free, and memory that libxml2 got
// from plain malloc (before the hooks, or outside an arena) is freed with free(). Nothing
// allocated inside an arena may be used after it ends: the document and every string libxml2
// returned meanwhile (the arena clears libxml2's last-error record, whose strings live in it).
// Arenas do not nest: an inner one is inactive and the outer one owns everything.
#pragma once

#include <libxml/tree.h>

namespace dateline::extract {

class ParseArena {
  public:
    ParseArena();
    ~ParseArena();
    ParseArena(const ParseArena&) = delete;
    ParseArena& operator=(const ParseArena&) = delete;

    // Whether this arena is the one collecting (false for an inner one).
    bool active() const { return owner_; }

    // Drops doc without walking it when this arena holds it, else frees it normally.
    void abandon(xmlDoc* doc);

  private:
    bool owner_;
};

} // namespace dateline::extract
