// Facets on Xapian's built-in classes only: the twin of facets.h for a database with a remote
// shard (served by stock xapian-tcpsrv, which runs no custom MatchSpy and from which a docid list
// of every match would cost a round trip per match). Each facet adds one ValueCountMatchSpy to
// the search's Enquire (which must see every match: check_at_least = the document count); after
// the match, results() turns its merged counts into the same FacetResult as facets.cpp:
//   source, lang   slots source and language; a source's label (the display name of its first
//                  document) kept by remote_cache.h
//   date           slot day (schema::day_value), into the same histogram
//   tag            slot tags (the list of a document's display tags): the spy counts the distinct
//                  lists, and each list's count goes to its tags (each case-folded tag once, by
//                  its first spelling), spellings merged by case-folded tag, shown by the most
//                  common spelling (ties: the first in byte order)
//   person, org, place, site, keyword, tag with tag_type   their list slots (schema::list_slot)
//                  counted the same way; the label of a shown value is the display tag folding to
//                  it in the spelling the tag facet would show (a spy on slot tags of their own
//                  when no tag facet is asked), as facets.cpp labels them
// `missing` is the matches (ValueCountMatchSpy::get_total) less those with a value (for the
// lists: with a value in the list). Every count is exact.
// Trade-off: one slot read per match and facet on each shard, for a spy result that grows with
// the distinct lists among the matches (about one per match, ~100 bytes of tags each, sent by
// each shard). On Reuters over 3 loopback shards the tag facet of "oil" (1,496 matches) took
// 10.6 ms with a spy per slot of the spread layout before it (49 slots in use) and 1.9 ms this
// way (date and source included); a word of 15,435 matches 7.8 ms (1.3 MB of lists).
#pragma once

#include "facets.h"

#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline::query {

class BuiltinFacets {
  public:
    // `names` as validated by make_facet_collector (duplicates already dropped).
    BuiltinFacets(const std::vector<std::string>& names, const FacetOptions& options);
    BuiltinFacets(const BuiltinFacets&) = delete;
    BuiltinFacets& operator=(const BuiltinFacets&) = delete;
    ~BuiltinFacets();

    bool empty() const;
    void attach(Xapian::Enquire& enquire) const; // the spies; they must outlive the get_mset
    // The facets, in the order of `names` (db: for the source labels).
    std::vector<FacetResult> results(const Xapian::Database& db) const;

    struct Facet;

  private:
    std::vector<std::unique_ptr<Facet>> facets_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> label_spy_; // slot tags, when no tag facet is
    FacetOptions options_;
};

} // namespace dateline::query
