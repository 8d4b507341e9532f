#include "language.h"

#include "stopwords.h"
#include "text.h"

#include <algorithm>
#include <array>
#include <map>
#include <xapian.h>

namespace dateline::language {

std::string identify(std::string_view input) {
    // Look at the first few kilobytes: enough for a verdict, cheap for long articles.
    std::string_view text = input.substr(0, 4096);
    // Cut at a code point boundary.
    while (!text.empty() && text.size() < input.size() &&
           (static_cast<unsigned char>(input[text.size()]) & 0xC0) == 0x80)
        text.remove_suffix(1);

    std::size_t latin = 0, cyrillic = 0, greek = 0, arabic = 0, ukrainian = 0;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it) {
        unsigned cp = *it;
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

    std::map<std::string_view, int> hits;
    int words = 0;
    for (const auto& token : text::tokenize(text)) {
        std::string word = text::fold_case(token.text);
        ++words;
        for (auto lang : stopwords::languages()) {
            if (lang == "ru") continue;
            auto list = stopwords::for_language(lang);
            if (std::find(list.begin(), list.end(), word) != list.end()) ++hits[lang];
        }
    }
    std::string_view best;
    int best_hits = 0, second = 0;
    for (auto [lang, n] : hits) {
        if (n > best_hits) {
            second = best_hits;
            best_hits = n;
            best = lang;
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
