#include "statistical_names.h"

#include "analyzers/entities/nominative.h"
#include "analyzers/entities/tagger.h"
#include "analyzers/text.h"

#include <algorithm>
#include <unordered_map>

namespace dateline::entities {

bool tagger_applies(std::string_view language) {
    return language == "ru";
}

std::vector<TaggedName> tagged_names(std::string_view text, std::string_view language,
                                     const std::vector<Word>& words) {
    std::vector<TaggedName> out;
    if (!tagger_applies(language) || words.empty()) return out;
    std::vector<std::size_t> offsets;
    offsets.reserve(words.size());
    for (const auto& w : words)
        offsets.push_back(static_cast<std::size_t>(w.text.data() - text.data()));
    for (const auto& span : tagger::bundled_model().tag(text)) {
        const auto first = std::lower_bound(offsets.begin(), offsets.end(), span.begin);
        const auto last = std::lower_bound(offsets.begin(), offsets.end(), span.end);
        const auto b = static_cast<std::size_t>(first - offsets.begin()),
                   e = static_cast<std::size_t>(last - offsets.begin());
        if (b < e) out.push_back({b, e, span.begin, span.end, span.type()});
    }
    return out;
}

const TaggedName* enclosing_person(const std::vector<TaggedName>& tagged, std::size_t begin,
                                   std::size_t end) {
    for (const auto& t : tagged)
        if (t.type == EntityType::person && t.begin <= begin && end <= t.end &&
            t.end - t.begin > end - begin)
            return &t;
    return nullptr;
}

bool overruled_by_tagger(const std::vector<TaggedName>& tagged, std::string_view text,
                         const std::vector<Word>& words, std::size_t begin, std::size_t end,
                         EntityType type, bool stem_only) {
    const auto glued = [&](const char* at) {
        return at >= text.data() && at < text.data() + text.size() && *at == '-';
    };
    for (const auto& t : tagged) {
        if (t.begin == begin && t.end == end && stem_only && t.type == EntityType::person &&
            type != EntityType::person)
            return true;
        // A gazetteer person inside a tagged one takes its extent instead (enclosing_person()).
        if (type == EntityType::person || t.begin > begin || end > t.end ||
            t.end - t.begin <= end - begin)
            continue;
        const auto& first = words[begin].text;
        const auto& last = words[end - 1].text;
        if ((begin > t.begin && glued(first.data() - 1)) ||
            (end < t.end && glued(last.data() + last.size())))
            return true;
    }
    return false;
}

void append_tagged_names(std::string_view text, std::string_view language,
                         const std::vector<Word>& words, const std::vector<TaggedName>& tagged,
                         const std::vector<WordSpan>& earlier, std::vector<FoundName>& found) {
    if (tagged.empty()) return;
    std::vector<WordSpan> taken = earlier;
    for (const auto& f : found)
        taken.push_back({f.begin, f.end, f.type, {}});
    // The words as written, sorted (one allocation, not a node per word) on the first question:
    // most articles' names never ask.
    std::vector<std::string_view> written;
    const auto is_written = [&](std::string_view w) {
        if (written.empty()) {
            written.reserve(words.size());
            for (const auto& word : words)
                written.push_back(word.text);
            std::sort(written.begin(), written.end());
        }
        return std::binary_search(written.begin(), written.end(), w);
    };
    // Whether words [b, e) may become a name of this type beside the earlier mentions.
    const auto fits = [&](std::size_t b, std::size_t e, EntityType type) {
        for (const auto& t : taken) {
            if (t.end <= b || e <= t.begin) continue;
            const bool inside = b <= t.begin && t.end <= e && e - b > t.end - t.begin;
            if (!inside || type == EntityType::person) return false;
        }
        return true;
    };

    std::unordered_map<std::string, std::string> nominatives; // by type and written form
    const std::size_t before = found.size();
    for (const auto& t : tagged) {
        if (!fits(t.begin, t.end, t.type)) continue;
        // A nested organization the same as a name already found there is that name.
        if (std::any_of(found.begin() + static_cast<std::ptrdiff_t>(before), found.end(),
                        [&](const FoundName& f) {
                            return f.text_begin == t.text_begin && f.text_end == t.text_end;
                        }))
            continue;
        const std::string written_form =
            text::collapse_whitespace(text.substr(t.text_begin, t.text_end - t.text_begin));
        std::string name;
        if (t.type == EntityType::place && words[t.begin].shape == Shape::lower)
            for (const auto& e : earlier)
                if (e.type == EntityType::place && !e.name.empty() && t.begin <= e.begin &&
                    e.end <= t.end)
                    name = std::string(e.name);
        if (name.empty()) {
            // An article names the same organization or person many times: read each once.
            auto [it, first] =
                nominatives.try_emplace(std::string(1, static_cast<char>(t.type)) + written_form);
            if (first) it->second = nominative(written_form, t.type, language, is_written);
            name = it->second;
        }
        found.push_back({.begin = t.begin,
                         .end = t.end,
                         .name = std::move(name),
                         .type = t.type,
                         .country = "",
                         .text_begin = t.text_begin,
                         .text_end = t.text_end});
    }
}

} // namespace dateline::entities
