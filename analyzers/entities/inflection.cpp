#include "inflection.h"

#include "analyzers/stemmer.h"

#include <algorithm>
#include <map>

namespace dateline::entities {

bool inflects(std::string_view language) {
    return language == "ru" || language == "de";
}

std::string stem_key(std::string_view language, std::string_view key) {
    if (!inflects(language)) return std::string(key);
    // Xapian::Stem handles are not thread-safe (stemmer.h): one per thread and language.
    thread_local std::map<std::string, Xapian::Stem, std::less<>> stems;
    auto it = stems.find(language);
    if (it == stems.end())
        it = stems.emplace(std::string(language), stemming::make_stem(language)).first;
    return it->second(std::string(key));
}

std::size_t letter_count(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool is_inflection(std::string_view key, std::string_view stem) {
    return key.starts_with(stem) && letter_count(key.substr(stem.size())) <= max_ending;
}

void InflectedAliases::add(std::span<const std::string> keys, const AliasTarget& target) {
    if (keys.empty() || keys.size() > max_inflected_words) return;
    std::string phrase;
    for (const auto& key : keys) {
        if (letter_count(key) < min_alias_letters) return;
        const std::string stem = stem_key(language_, key);
        if (stem.empty() || !is_inflection(key, stem)) return;
        if (!phrase.empty()) phrase += ' ';
        phrase += stem;
    }
    auto& list = phrases_[phrase];
    for (const auto& t : list)
        if (t.entity == target.entity) return;
    list.push_back(target);
}

void InflectedAliases::finalize() {
    std::erase_if(phrases_, [](const auto& entry) { return entry.second.size() > 1; });
}

std::span<const AliasTarget> InflectedAliases::find(std::string_view stemmed_phrase) const {
    auto it = phrases_.find(stemmed_phrase);
    if (it == phrases_.end()) return {};
    return it->second;
}

} // namespace dateline::entities
