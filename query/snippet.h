// Snippets: a short passage of an article's text around the query's matches, as plain text runs
// marked highlighted or not, so that each printer chooses its own highlighting (ANSI on a
// terminal, <b>...</b> in JSON and CSV). Built with Xapian::MSet::snippet and the stemmer the
// query parser used, so stemmed matches are highlighted too. The entity mentions that lie wholly
// inside the passage come with it, as byte offsets into the passage's plain text (its runs
// concatenated): MSet::snippet copies the passage verbatim from the text it is given (with white
// space collapsed here first), so the passage is found in that text and the mentions' offsets,
// mapped through the collapsing, are moved by where it starts.
// Trade-off: without SNIPPET_EXHAUSTIVE, Xapian stops at the first window it judges good enough
// instead of scoring every window of the text. The passage is sometimes a little less dense in
// query words, and making it costs about 40% fewer instructions (callgrind, bench-serve's mix on
// Reuters: the snippets were 40% of a search's instructions there, a fixed cost per page
// at any archive size).
#pragma once

#include "analyzers/article.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct Snippet {
    struct Run {
        std::string text; // plain text (not HTML-escaped)
        bool highlighted = false;
        friend bool operator==(const Run&, const Run&) = default;
    };
    // An entity mention inside the passage: [start, end) in bytes of text(), which holds `text`.
    struct Mention {
        std::size_t start = 0, end = 0;
        std::string text;
        EntityType type = EntityType::other;
        std::string entity; // the canonical name
        friend bool operator==(const Mention&, const Mention&) = default;
    };
    std::vector<Run> runs;
    std::vector<Mention> mentions; // by start

    bool empty() const { return runs.empty(); }
    std::string text() const; // the runs' text, concatenated
    // Concatenated text with `before`/`after` around highlighted runs; `escape_html` escapes
    // & < > " in the text (not in the markers).
    std::string render(std::string_view before, std::string_view after, bool escape_html) const;
};

// The snippet of `text` for the query the mset was produced by; `length` is the number of bytes
// of text to aim for. Elided starts and ends show as "…". `mentions` are the entity mentions of
// `text` (byte offsets into it, as the article's mentions of that field have them).
Snippet make_snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length,
                     const Xapian::Stem& stem, std::span<const EntityMention> mentions = {});

// Parses Xapian's snippet output made with hi_start "\x01" and hi_end "\x02": splits it into runs
// and undoes its HTML escaping. Exposed for tests.
Snippet parse_marked_snippet(std::string_view marked);

} // namespace dateline::query
