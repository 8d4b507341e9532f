#include "inflection.h"

#include "analyzers/entities/token_stream.h"
#include "analyzers/stemmer.h"
#include "analyzers/text.h"

#include <algorithm>
#include <map>
#include <utility>

namespace dateline::entities {

bool inflects(std::string_view language) {
    return language == "ru" || language == "de";
}

std::string stem_key(std::string_view language, std::string_view word) {
    if (!inflects(language)) return word_key(word);
    // Russian's stemmer leaves a word without Cyrillic letters as it is: an ASCII word (Latin
    // names in Russian news, and every word of a foreign story tagged as Russian) skips it.
    if (language == "ru" && text::is_ascii(word))
        return word_key(text::fold_case(without_possessive(word)));
    // Xapian::Stem handles are not thread-safe (stemmer.h): one per thread and language.
    thread_local std::map<std::string, Xapian::Stem, std::less<>> stems;
    auto it = stems.find(language);
    if (it == stems.end())
        it = stems.emplace(std::string(language), stemming::make_stem(language)).first;
    // Stemmed before folding: the stemmer needs "й" and "ä", which the key folds away.
    return word_key(it->second(text::fold_case(without_possessive(word))));
}

std::size_t letter_count(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string_view without_last_letter(std::string_view s) {
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80)
        s.remove_suffix(1); // a character's continuation bytes, then its lead
    if (!s.empty()) s.remove_suffix(1);
    return s;
}

bool is_inflection(std::string_view key, std::string_view stem) {
    return key.starts_with(stem) && letter_count(key.substr(stem.size())) <= max_ending;
}

void InflectedAliases::add(std::span<const std::string_view> words, const AliasTarget& target) {
    if (words.empty() || words.size() > max_inflected_words) return;
    // German inflects names little (a genitive "s"), its common words much: an ambiguous alias
    // there stands for itself plus an ending only ("Camerons"), never for its stem ("Landes"
    // would take "Land", "Marche" "Märchen").
    const bool as_written = language_ == "de" && (target.flags & needs_context);
    // Each word by its stem and by its key: Snowball is not consistent across forms ("канал"
    // stems to "кана", "канале" to "канал"), so a text word whose stem is the alias word as
    // written matches too ("Первом канале" of "Первый канал"). Every combination is a phrase.
    std::vector<std::pair<std::string, std::string>> forms; // (stem, key) per word
    for (const auto word : words) {
        const std::string key = word_key(word);
        // A short word stands for itself plus an ending; alone it is no alias to inflect.
        if (letter_count(key) < min_alias_letters && words.size() == 1) return;
        std::string stem = stem_key(language_, word);
        if (stem.empty() || !is_inflection(key, stem)) return;
        // Short aliases stand only for themselves plus an ending ("Киева"), never for their stem
        // ("Мали" stems to "мал", as "Мало" does).
        // In a longer alias the other words disambiguate: "края" of "Красноярский край".
        // Alone, a stem of fewer than min_alias_letters letters says too little ("Bayern" stems
        // to "bay", as "Bayer" and "Bay" do): the alias stands for itself plus an ending.
        if (as_written || (words.size() == 1 ? letter_count(key) < min_stemmed_letters ||
                                                   letter_count(stem) < min_alias_letters
                                             : letter_count(key) < min_alias_letters))
            stem = key;
        forms.emplace_back(std::move(stem), key);
    }
    const std::size_t combinations = std::size_t{1} << forms.size();
    for (std::size_t mask = 0; mask < combinations; ++mask) {
        std::string phrase;
        bool repeated = false; // a word whose stem is its key gives the phrase of mask without it
        for (std::size_t w = 0; w < forms.size(); ++w) {
            const bool use_key = (mask >> w) & 1;
            if (use_key && forms[w].first == forms[w].second) repeated = true;
            if (w > 0) phrase += ' ';
            phrase += use_key ? forms[w].second : forms[w].first;
        }
        if (repeated) continue;
        auto& list = phrases_[phrase];
        if (std::none_of(list.begin(), list.end(),
                         [&](const AliasTarget& t) { return t.entity == target.entity; }))
            list.push_back(target);
    }
}

void InflectedAliases::finalize() {
    std::vector<std::pair<std::string, std::uint32_t>> entries;
    for (auto& [phrase, list] : phrases_) {
        if (list.size() > 1) continue;
        entries.emplace_back(phrase, static_cast<std::uint32_t>(targets_.size()));
        targets_.push_back(std::move(list));
    }
    phrases_.clear();
    lookup_ = FlatKeyMap(std::move(entries));
}

std::span<const AliasTarget> InflectedAliases::find(std::string_view stemmed_phrase) const {
    const auto at = lookup_.find(stemmed_phrase);
    if (at == FlatKeyMap::npos) return {};
    return targets_[at];
}

} // namespace dateline::entities
