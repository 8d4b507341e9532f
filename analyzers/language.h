// Language identification: ISO 639-1 code of a text from its script and its stopwords; the
// scripts languages are written in, and the script of a word (for query words:
// query/word_languages.h).
#pragma once

#include <string>
#include <string_view>

namespace dateline::language {

// "en", "de", "ru"...; "" when the text is too short or no language stands out.
// Cyrillic text is "ru" unless Ukrainian letters dominate ("uk"); Greek "el"; Arabic "ar".
std::string identify(std::string_view text);

// Normalizes a language tag from metadata ("en-US", "EN", "english") to ISO 639-1, or "".
std::string normalize_code(std::string_view tag);

// Writing systems, as far as telling languages apart needs them.
enum class Script { latin, cyrillic, greek, arabic, armenian, hebrew, devanagari, tamil, other };

// The script of a word's letters: `other` when it has none (digits only) or letters of two
// scripts. Marks and digits beside the letters do not count.
Script script_of_word(std::string_view word);

// Whether an ISO 639-1 language is written in `script`: Russian, Ukrainian, Bulgarian... in
// Cyrillic, Serbian in Cyrillic and Latin, Greek, Arabic, Persian and Urdu, Armenian, Hebrew and
// Yiddish, Hindi, Marathi and Nepali in Devanagari, Tamil; Chinese, Japanese, Korean, Thai,
// Georgian... in none of these; every other language in Latin. Nothing is written in `other`.
bool written_in(std::string_view language, Script script);

} // namespace dateline::language
