// Test helper for the tagger's span rules (tagger.h): one span per part of a text, passed through
// a rule, read back as the texts of the spans left.
#pragma once

#include "analyzers/entities/tagger.h"

#include <doctest/doctest.h>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::test {

using SpanRule = void (*)(std::span<const entities::tagger::Token>,
                          std::vector<entities::tagger::Span>&);

// The texts of the spans `rule` leaves of one span over each of `parts` (found in `text`, first
// occurrence), all of chain `chain`.
inline std::vector<std::string> spans_after(std::string_view text,
                                            std::vector<std::string_view> parts, SpanRule rule,
                                            std::size_t chain) {
    namespace tg = entities::tagger;
    std::vector<tg::Span> spans;
    for (auto part : parts) {
        const auto at = text.find(part);
        REQUIRE(at != std::string_view::npos);
        spans.push_back({at, at + part.size(), chain});
    }
    rule(tg::tokenize(text), spans);
    std::vector<std::string> out;
    for (const auto& s : spans)
        out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

} // namespace dateline::test
