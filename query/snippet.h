// Snippets: a short passage of an article's text around the query's matches, as plain text runs
// marked highlighted or not, so that each printer chooses its own highlighting (ANSI on a
// terminal, <b>...</b> in JSON and CSV). Built with Xapian::MSet::snippet and the stemmer the
// query parser used, so stemmed matches are highlighted too.
// Trade-off: without SNIPPET_EXHAUSTIVE, Xapian stops at the first window it judges good enough
// instead of scoring every window of the text. The passage is sometimes a little less dense in
// query words, and making it costs about 40% fewer instructions (callgrind, bench-serve's mix on
// Reuters: the snippets were 40% of a search's instructions there, a fixed cost per page
// at any archive size).
#pragma once

#include <cstddef>
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
    std::vector<Run> runs;

    bool empty() const { return runs.empty(); }
    // Concatenated text with `before`/`after` around highlighted runs; `escape_html` escapes
    // & < > " in the text (not in the markers).
    std::string render(std::string_view before, std::string_view after, bool escape_html) const;
};

// The snippet of `text` for the query the mset was produced by; `length` is the number of bytes
// of text to aim for. Elided starts and ends show as "…".
Snippet make_snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length,
                     const Xapian::Stem& stem);

// Parses Xapian's snippet output made with hi_start "\x01" and hi_end "\x02": splits it into runs
// and undoes its HTML escaping. Exposed for tests.
Snippet parse_marked_snippet(std::string_view marked);

} // namespace dateline::query
