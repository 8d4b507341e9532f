// Fuzz target body: one HTML page (gzip-compressed bytes are inflated first) through
// extract::extract_html, as the indexer calls it for a page from a file or a WARC record.
// Contract: an Article or ExtractError. Run by fuzz_html and replayed by the unit tests.
#pragma once

#include "indexer/extract/extract.h"

#include <string_view>

namespace dateline::fuzz {

inline void html_input(std::string_view bytes) {
    static const extract::PageInfo page = [] {
        extract::PageInfo p;
        p.path = "fuzz.html";
        p.url = "https://news.example.com/world/story"; // a base for relative links, no date
        p.fetched_at = Timestamp{1616000000, Timestamp::Precision::time};
        return p;
    }();
    try {
        extract::Extraction x = extract::extract_html(bytes, page);
        (void)x;
    } catch (const extract::ExtractError&) {
    }
}

} // namespace dateline::fuzz
