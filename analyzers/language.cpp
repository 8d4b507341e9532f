#include "language.h"

#include "stopwords.h"
#include "text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace dateline::language {

namespace {

constexpr std::size_t max_languages = 32; // bits of StopwordIndex::languages' masks

// Every stopword of the languages told apart by their stopwords (all but Russian, which is
// told by its script), with the languages whose list has it, as bits (bit i: names[i]).
struct StopwordIndex {
    std::vector<std::string_view> names;
    std::unordered_map<std::string_view, std::uint32_t> languages;
    std::size_t longest = 0; // bytes of the longest stopword
};

const StopwordIndex& stopword_index() {
    static const StopwordIndex index = [] {
        StopwordIndex built;
        for (auto lang : stopwords::languages()) {
            if (lang == "ru") continue;
            if (built.names.size() == max_languages)
                throw std::logic_error("language identification: too many stopword lists");
            const auto bit = std::uint32_t{1} << built.names.size();
            built.names.push_back(lang);
            for (auto word : stopwords::for_language(lang)) {
                built.languages[word] |= bit;
                built.longest = std::max(built.longest, word.size());
            }
        }
        return built;
    }();
    return index;
}

// The script of one code point, or `other` for what is no letter of a known script.
Script script_of(unsigned cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
        (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) || (cp >= 0x1E00 && cp <= 0x1EFF))
        return Script::latin;
    if ((cp >= 0x400 && cp <= 0x52F) || (cp >= 0x1C80 && cp <= 0x1C8F) ||
        (cp >= 0x2DE0 && cp <= 0x2DFF) || (cp >= 0xA640 && cp <= 0xA69F))
        return Script::cyrillic;
    if ((cp >= 0x370 && cp <= 0x3FF) || (cp >= 0x1F00 && cp <= 0x1FFF)) return Script::greek;
    if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) ||
        (cp >= 0x8A0 && cp <= 0x8FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF))
        return Script::arabic;
    if ((cp >= 0x531 && cp <= 0x58F) || (cp >= 0xFB13 && cp <= 0xFB17)) return Script::armenian;
    if ((cp >= 0x591 && cp <= 0x5FF) || (cp >= 0xFB1D && cp <= 0xFB4F)) return Script::hebrew;
    if (cp >= 0x900 && cp <= 0x97F) return Script::devanagari;
    if (cp >= 0xB80 && cp <= 0xBFF) return Script::tamil;
    return Script::other;
}

} // namespace

Script script_of_word(std::string_view word) {
    std::optional<Script> found;
    for (std::size_t pos = 0; pos < word.size();) {
        const unsigned cp = text::next_code_point(word, pos);
        if (Xapian::Unicode::get_category(cp) > Xapian::Unicode::OTHER_LETTER) continue;
        const Script s = script_of(cp);
        if (found && *found != s) return Script::other;
        found = s;
    }
    return found.value_or(Script::other);
}

bool written_in(std::string_view language, Script script) {
    struct Written {
        std::string_view language;
        Script script;
    };
    static constexpr Written non_latin[] = {
        {"ru", Script::cyrillic},
        {"uk", Script::cyrillic},
        {"be", Script::cyrillic},
        {"bg", Script::cyrillic},
        {"mk", Script::cyrillic},
        {"sr", Script::cyrillic},
        {"kk", Script::cyrillic},
        {"ky", Script::cyrillic},
        {"mn", Script::cyrillic},
        {"tg", Script::cyrillic},
        {"el", Script::greek},
        {"ar", Script::arabic},
        {"fa", Script::arabic},
        {"ur", Script::arabic},
        {"hy", Script::armenian},
        {"he", Script::hebrew},
        {"yi", Script::hebrew},
        {"hi", Script::devanagari},
        {"mr", Script::devanagari},
        {"ne", Script::devanagari},
        {"ta", Script::tamil},
        // Written in scripts told apart by no list here: not Latin.
        {"zh", Script::other},
        {"ja", Script::other},
        {"ko", Script::other},
        {"th", Script::other},
        {"ka", Script::other},
        {"am", Script::other},
        {"bn", Script::other},
        {"pa", Script::other},
        {"gu", Script::other},
        {"te", Script::other},
        {"kn", Script::other},
        {"ml", Script::other},
        {"si", Script::other},
        {"km", Script::other},
        {"lo", Script::other},
        {"my", Script::other},
    };
    if (script == Script::other) return false;
    bool listed = false;
    for (const auto& w : non_latin) {
        if (w.language != language) continue;
        if (w.script == script) return true;
        listed = true;
    }
    if (language == "sr") return script == Script::latin; // both alphabets
    return !listed && script == Script::latin;
}

std::string identify(std::string_view input) {
    // Look at the first few kilobytes: enough for a verdict, cheap for long articles.
    std::string_view text = input.substr(0, 4096);
    // Cut at a code point boundary.
    while (!text.empty() && text.size() < input.size() &&
           (static_cast<unsigned char>(input[text.size()]) & 0xC0) == 0x80)
        text.remove_suffix(1);

    std::size_t latin = 0, cyrillic = 0, greek = 0, arabic = 0, ukrainian = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const unsigned cp = text::next_code_point(text, pos);
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F))
            ++latin;
        else if (cp >= 0x400 && cp <= 0x4FF) {
            ++cyrillic;
            if (cp == 0x456 || cp == 0x457 || cp == 0x454 || cp == 0x491) ++ukrainian;
        } else if (cp >= 0x370 && cp <= 0x3FF)
            ++greek;
        else if (cp >= 0x600 && cp <= 0x6FF)
            ++arabic;
    }
    const std::size_t letters = latin + cyrillic + greek + arabic;
    if (letters < 8) return "";
    if (cyrillic * 2 > letters) return ukrainian * 50 > cyrillic ? "uk" : "ru";
    if (greek * 2 > letters) return "el";
    if (arabic * 2 > letters) return "ar";

    const auto& index = stopword_index();
    std::array<int, max_languages> hits{};
    int words = 0;
    for (const auto& token : text::tokenize(text)) {
        ++words;
        // Folding keeps the length of ASCII: a longer ASCII word is no stopword.
        if (token.text.size() > index.longest && text::is_ascii(token.text)) continue;
        const auto found = index.languages.find(text::fold_case(token.text));
        if (found == index.languages.end()) continue;
        for (std::size_t i = 0; i < index.names.size(); ++i)
            if (found->second & (1u << i)) ++hits[i];
    }
    // The top two counts (the order of languages does not matter: a tie for first is no verdict).
    std::string_view best;
    int best_hits = 0, second = 0;
    for (std::size_t i = 0; i < index.names.size(); ++i) {
        const int n = hits[i];
        if (n > best_hits) {
            second = best_hits;
            best_hits = n;
            best = index.names[i];
        } else if (n > second) {
            second = n;
        }
    }
    // At least two stopwords, and clearly more than the runner-up.
    if (best_hits < 2 || best_hits * 10 < words || best_hits <= second) return "";
    return std::string(best);
}

std::string normalize_code(std::string_view tag) {
    std::string t = text::fold_case(text::trim(tag));
    if (auto dash = t.find_first_of("-_"); dash != std::string::npos) t.resize(dash);
    static const std::array<std::pair<std::string_view, std::string_view>, 10> names{{
        {"english", "en"},
        {"german", "de"},
        {"deutsch", "de"},
        {"french", "fr"},
        {"russian", "ru"},
        {"spanish", "es"},
        {"italian", "it"},
        {"portuguese", "pt"},
        {"dutch", "nl"},
        {"eng", "en"},
    }};
    for (auto [name, code] : names)
        if (t == name) return std::string(code);
    if (t.size() == 2 &&
        std::all_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return t;
    return "";
}

} // namespace dateline::language
