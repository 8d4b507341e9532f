#include "matcher.h"

#include "analyzers/entities/inflection.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::entities {

namespace {

// Short words that are also abbreviations ("US", "IT"): in a line written in capitals they are
// far more often the word, so all-caps aliases spelled like them are not matched there.
bool common_short_word(std::string_view key) {
    static constexpr std::array<std::string_view, 30> words = {
        "us", "it", "in", "on", "at", "or", "no", "so", "am", "an", "as", "be", "do", "go", "he",
        "if", "is", "me", "my", "of", "to", "up", "we", "hi", "oh", "ok", "ad", "id", "ma", "pa"};
    return std::find(words.begin(), words.end(), key) != words.end();
}

// A line in capitals gives no case cue, so an alias that needs context ("Baker", "Major",
// "Carter") is matched there only as a headline's subject: after a possessive ("TREASURY'S BAKER")
// or before a reporting verb ("LAWSON SAYS", "BAKER URGES"). Measured on Reuters TRAIN: people
// recall 0.945 -> 0.987, places unchanged; matching every such alias in capitals also took "MAJOR
// NATIONS" for John Major and "CARTER HAWLEY HALE STORES" for Jimmy Carter.
bool headline_subject(const std::vector<Word>& words, std::size_t begin, std::size_t end) {
    static constexpr std::array<std::string_view, 40> verbs = {
        "says",     "said",     "tells",      "told",      "urges",    "sees",    "forecasts",
        "sets",     "opposes",  "reiterates", "confident", "warns",    "denies",  "calls",
        "wants",    "expects",  "predicts",   "rejects",   "backs",    "favours", "favors",
        "defends",  "meets",    "plans",      "hopes",     "stands",   "agrees",  "asks",
        "proposes", "welcomes", "believes",   "doubts",    "insists",  "repeats", "stresses",
        "fears",    "pledges",  "vows",       "signals",   "announces"};
    if (begin > 0 && words[begin - 1].possessive && words[begin].joins_previous) return true;
    return end < words.size() && words[end].joins_previous &&
           std::find(verbs.begin(), verbs.end(), words[end].key) != verbs.end();
}

// The longest inflected alias at word i (inflection.h), as [i, end) and its passing targets.
class InflectedMatcher {
  public:
    InflectedMatcher(const std::vector<Word>& words, const InflectedAliases* index)
        : words_(words), index_(index), stems_(index ? words.size() : 0) {}

    std::size_t match(std::size_t i, std::vector<AliasTarget>& passing) {
        if (!index_) return 0;
        std::size_t best_end = 0;
        std::string phrase;
        auto take = [&](std::string_view key, std::size_t words) {
            std::vector<AliasTarget> here;
            for (const auto& t : index_->find(key))
                if (t.words == words && case_matches(words_, i, t)) here.push_back(t);
            if (here.empty()) return false;
            best_end = i + words;
            passing = std::move(here);
            return true;
        };
        for (std::size_t j = i; j < words_.size() && j < i + max_inflected_words; ++j) {
            const Word& w = words_[j];
            if (j > i && !w.joins_previous) break;
            // The first word is a name's; later ones may be common words the alias writes in
            // lower case ("Всемирной организации здравоохранения"); case_matches() checks them.
            if (w.caps_line) break;
            if (j == i ? w.shape != Shape::capitalized && w.shape != Shape::upper
                       : w.shape == Shape::other)
                break;
            const std::string& stem = stem_of(j);
            if (stem.empty() || !is_inflection(w.key, stem)) break;
            if (j > i) phrase += ' ';
            phrase += stem;
            // In German a word is its stem plus "e" as often as not another word ("Kohle" is no
            // form of "Kohl", "Rande" none of "Rand", "Mobile" none of "Mobil"); "Wiener",
            // "Deutschlands", "Niederlanden" are: one word matched by its stem ends otherwise.
            const auto ending = std::string_view(w.key).substr(stem.size());
            const bool german_noun_form = index_->language() != "de" || ending != "e";
            if ((j > i || german_noun_form) && take(phrase, j + 1 - i)) continue;
            if (j > i) continue;
            // One word: the alias may be the word less an ending the stemmer kept ("Сидорова").
            std::string_view key = w.key;
            // German names take no ending but the genitive "s" or "es", which Snowball keeps
            // after a vowel ("Chinas"); "Märchen" is no form of "Marche", "Sommer" none of
            // "Somme".
            const bool german = index_->language() == "de";
            for (std::size_t k = 0; k < max_ending && !key.empty(); ++k) {
                key = without_last_letter(key);
                const auto less = std::string_view(w.key).substr(key.size());
                if (german && less != "s" && less != "es") continue;
                // Never below the word's own stem: "Критики" (stem "критик") is no form of
                // "Крит", nor "Дагестанец" of "Дагестан".
                if (letter_count(key) < min_alias_letters || (key.size() < stem.size() && !german))
                    break;
                if (take(key, 1)) break;
            }
        }
        return best_end;
    }

  private:
    const std::string& stem_of(std::size_t j) {
        if (!stems_[j]) stems_[j] = stem_key(index_->language(), words_[j].text);
        return *stems_[j];
    }

    const std::vector<Word>& words_;
    const InflectedAliases* index_;
    std::vector<std::optional<std::string>> stems_; // computed on first use
};

// True when `key` less an ending of up to max_ending letters is an alias ("сеула": "сеул"), or
// less its last letter is an alias less its final vowel ("хиросимы": "хиросима"; not "маркив",
// "марк" + "ив", of "Марке").
bool alias_plus_ending(std::string_view key, const Gazetteer& gazetteer) {
    const auto is_alias = [&](std::string_view k) {
        const auto node = gazetteer.child(Gazetteer::root(), k);
        return node != Gazetteer::npos && !gazetteer.targets(node).empty();
    };
    static constexpr std::string_view vowels[] = {"а", "я", "о", "е", "ь", "и"};
    std::string candidate;
    for (std::size_t k = 0; k < max_ending && !key.empty(); ++k) {
        key = without_last_letter(key);
        if (is_alias(key)) return true;
        if (k > 0) continue;
        for (const auto v : vowels) {
            candidate.assign(key);
            candidate += v;
            if (is_alias(candidate)) return true;
        }
    }
    return false;
}

} // namespace

bool case_matches(const std::vector<Word>& words, std::size_t begin, const AliasTarget& target) {
    for (std::size_t i = 0; i < target.words; ++i) {
        const Word& w = words[begin + i];
        switch (target.rule(i)) {
        case CaseRule::any:
            break;
        case CaseRule::capitalized:
            if (w.shape != Shape::capitalized && w.shape != Shape::upper) return false;
            break;
        case CaseRule::upper:
            if (w.shape != Shape::upper) return false;
            // "U.S." with its periods is the abbreviation, never the word "us".
            if (w.caps_line && target.words == 1 && common_short_word(w.key) &&
                w.text.find('.') == std::string_view::npos)
                return false;
            break;
        }
    }
    if (words[begin].caps_line && (target.flags & common_word)) return false;
    if (words[begin].caps_line && (target.flags & needs_context))
        return headline_subject(words, begin, begin + target.words);
    return true;
}

std::vector<Mention> match_aliases(const std::vector<Word>& words, const Gazetteer& gazetteer,
                                   std::string_view language) {
    std::vector<Mention> mentions;
    InflectedMatcher inflected(words, gazetteer.inflected(language));
    std::vector<AliasTarget> passing;
    for (std::size_t i = 0; i < words.size();) {
        std::uint32_t node = Gazetteer::root();
        std::size_t best_end = 0;
        Mention best;
        for (std::size_t j = i; j < words.size(); ++j) {
            if (j > i && !words[j].joins_previous) break;
            node = gazetteer.child(node, words[j].key);
            if (node == Gazetteer::npos) break;
            auto targets = gazetteer.targets(node);
            if (targets.empty()) continue;
            passing.clear();
            for (const auto& t : targets)
                if (case_matches(words, i, t)) passing.push_back(t);
            if (!passing.empty()) {
                best_end = j + 1;
                best.candidates = passing;
            }
        }
        if (best_end == 0) {
            best_end = inflected.match(i, best.candidates);
            best.stem_only = best_end == i + 1 && !alias_plus_ending(words[i].key, gazetteer);
        }
        if (best_end == 0) {
            ++i;
            continue;
        }
        best.begin = i;
        best.end = best_end;
        mentions.push_back(std::move(best));
        i = best_end;
    }
    return mentions;
}

} // namespace dateline::entities
