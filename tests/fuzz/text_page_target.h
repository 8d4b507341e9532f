// Fuzz target body: one page saved as plain text through extract::extract_text_page (prose runs,
// headline, relative and absolute dates, tag lines, bylines, source lines).
// Contract: an Article or ExtractError. Run by fuzz_text_page and replayed by the unit tests.
#pragma once

#include "indexer/extract/extract.h"

#include <string_view>

namespace dateline::fuzz {

inline void text_page_input(std::string_view bytes) {
    static const extract::PageInfo page = [] {
        extract::PageInfo p;
        p.path = "fuzz.txt";
        p.fetched_at = Timestamp{1616000000, Timestamp::Precision::time}; // resolves "2h ago"
        return p;
    }();
    try {
        extract::Extraction x = extract::extract_text_page(bytes, page);
        (void)x;
    } catch (const extract::ExtractError&) {
    }
}

} // namespace dateline::fuzz
