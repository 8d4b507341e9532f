#include "place_extents.h"

#include "analyzers/entities/inflection.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace dateline::entities::tagger {
namespace {

// A lower-case word in "-ск-"/"-цк-" plus an adjective's ending: "армянском", "английский".
bool country_adjective(std::string_view word) {
    static constexpr std::array<std::string_view, 12> endings = {
        "ий", "ой", "ая", "ое", "ом", "ого", "ому", "ую", "ие", "их", "им", "ими"};
    if (fold(word) != word) return false;
    return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) {
        if (!word.ends_with(e)) return false;
        const std::string_view stem = word.substr(0, word.size() - e.size());
        return letter_count(stem) >= 4 && (stem.ends_with("ск") || stem.ends_with("цк"));
    });
}

} // namespace

void split_adjective_places(std::span<const Token> line, std::vector<Span>& spans) {
    std::vector<Span> added;
    for (auto& s : spans) {
        if (s.type() != EntityType::place || chains[s.chain].nested) continue;
        const auto first = token_at(line, s.begin);
        if (first == line.end() || first + 1 == line.end() || first->offset != s.begin) continue;
        const Token& name = *(first + 1);
        if (name.offset >= s.end || !country_adjective(first->text) ||
            letter_count(name.text) < 2 || fold(name.text) == name.text)
            continue;
        added.push_back({s.begin, first->offset + first->text.size(), s.chain});
        s.begin = name.offset;
    }
    for (const auto& a : added) {
        const auto at = std::find_if(spans.begin(), spans.end(), [&](const Span& s) {
            return s.begin > a.begin || (s.begin == a.begin && s.end < a.end);
        });
        spans.insert(at, a);
    }
}

} // namespace dateline::entities::tagger
