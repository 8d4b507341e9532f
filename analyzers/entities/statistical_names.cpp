#include "statistical_names.h"

#include "analyzers/entities/nominative.h"
#include "analyzers/entities/tagger.h"
#include "analyzers/text.h"

#include <algorithm>

namespace dateline::entities {

bool tagger_applies(std::string_view language) {
    return language == "ru";
}

void append_tagged_names(std::string_view text, std::string_view language,
                         const std::vector<Word>& words, const std::vector<EntityType>& covered,
                         std::vector<FoundName>& found) {
    if (!tagger_applies(language) || words.empty()) return;
    std::vector<bool> taken(words.size(), false);
    for (std::size_t i = 0; i < words.size(); ++i)
        taken[i] = covered[i] != EntityType::other;
    for (const auto& f : found)
        for (std::size_t i = f.begin; i < f.end; ++i)
            taken[i] = true;
    std::vector<std::size_t> offsets;
    offsets.reserve(words.size());
    for (const auto& w : words)
        offsets.push_back(static_cast<std::size_t>(w.text.data() - text.data()));
    std::vector<std::string_view> written; // sorted: one allocation, not a node per word
    written.reserve(words.size());
    for (const auto& w : words)
        written.push_back(w.text);
    std::sort(written.begin(), written.end());
    const auto is_written = [&](std::string_view w) {
        return std::binary_search(written.begin(), written.end(), w);
    };

    for (const auto& span : tagger::bundled_model().tag(text)) {
        const auto first = std::lower_bound(offsets.begin(), offsets.end(), span.begin);
        const auto last = std::lower_bound(offsets.begin(), offsets.end(), span.end);
        const auto b = static_cast<std::size_t>(first - offsets.begin()),
                   e = static_cast<std::size_t>(last - offsets.begin());
        if (b >= e || std::any_of(taken.begin() + b, taken.begin() + e, [](bool t) { return t; }))
            continue;
        const std::string written_form =
            text::collapse_whitespace(text.substr(span.begin, span.end - span.begin));
        found.push_back({.begin = b,
                         .end = e,
                         .name = nominative(written_form, span.type(), language, is_written),
                         .type = span.type(),
                         .country = ""});
    }
}

} // namespace dateline::entities
