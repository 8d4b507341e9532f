// Russian letters as the nominative rules ask about them (nominative.h, phrase_nominative.h):
// a word's last letter, and whether it is a consonant, a velar (г, к, х), a sibilant (ж, ш, щ, ч)
// or a capital, and whether a word has a Cyrillic letter at all. Letters are UTF-8: each Cyrillic
// letter two bytes; other bytes are none of these.
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace dateline::entities::russian {

// The last letter of `word` (its last two bytes), or "" for a shorter word.
inline std::string_view last_letter(std::string_view word) {
    return word.size() >= 2 ? word.substr(word.size() - 2) : std::string_view{};
}

inline bool one_of(std::string_view letter, std::initializer_list<std::string_view> letters) {
    return std::find(letters.begin(), letters.end(), letter) != letters.end();
}

inline bool velar(std::string_view letter) {
    return one_of(letter, {"г", "к", "х"});
}

inline bool sibilant(std::string_view letter) {
    return one_of(letter, {"ж", "ш", "щ", "ч"});
}

// A lower-case consonant letter (not "й", "ь", "ъ").
inline bool consonant(std::string_view letter) {
    return velar(letter) || sibilant(letter) ||
           one_of(letter, {"б", "в", "д", "з", "л", "м", "н", "п", "р", "с", "т", "ф", "ц"});
}

inline bool ends_with_consonant(std::string_view word) {
    return consonant(last_letter(word));
}

// Whether `word` holds a Cyrillic letter (a D0 or D1 lead byte with a byte after it).
inline bool has_cyrillic(std::string_view word) {
    for (std::size_t i = 0; i + 1 < word.size(); ++i)
        if (word[i] == '\xD0' || word[i] == '\xD1') return true;
    return false;
}

// А-Я and Ё (D0 90 - D0 AF, D0 81).
inline bool capital(std::string_view letter) {
    return letter.size() == 2 && letter[0] == '\xD0' &&
           ((static_cast<unsigned char>(letter[1]) >= 0x90 &&
             static_cast<unsigned char>(letter[1]) <= 0xAF) ||
            letter[1] == '\x81');
}

} // namespace dateline::entities::russian
