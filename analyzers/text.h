// Text primitives shared by the indexer and the query side: UTF-8 hygiene, case and diacritic
// folding, whitespace, slugs and a Unicode-aware word tokenizer (Xapian's character classes).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::text {

// Replaces invalid or overlong UTF-8 sequences and NUL bytes by U+FFFD; valid input is returned as
// is.
std::string to_valid_utf8(std::string_view in);
bool is_valid_utf8(std::string_view in);

// Unicode lower case (Xapian::Unicode::tolower), for every script.
std::string fold_case(std::string_view in);

// Lower case, and Latin/Greek/Cyrillic letters stripped of diacritics ("Gödel" -> "godel", "ё" ->
// "е").
std::string fold(std::string_view in);
// Appends fold(in) to `out`, for callers that fold many words into one buffer.
void append_fold(std::string& out, std::string_view in);

// Runs of white space (including NBSP and other Unicode spaces) become one space; ends trimmed.
std::string collapse_whitespace(std::string_view in);

// The runs of `text` between spaces (' '), empty runs left out: "Верховной  Рады" -> {"Верховной",
// "Рады"}. Views into `text`.
std::vector<std::string_view> split_on_spaces(std::string_view text);

// Trims ASCII and Unicode white space at both ends.
std::string_view trim(std::string_view in);

// "Agence France-Presse" -> "agence-france-presse"; ASCII letters and digits, '-' between words.
// A name with no ASCII letter or digit keeps its folded words: "Невский курьер" ->
// "невскии-курьер".
std::string slugify(std::string_view in);

// A word of the input: its bytes and where they start. Words are runs of Unicode word characters
// (letters, digits, marks, connector punctuation), with inner apostrophes and periods kept
// ("don't", "U.S."), as Xapian's TermGenerator sees them.
struct Token {
    std::string_view text;
    std::size_t offset = 0;
};
std::vector<Token> tokenize(std::string_view in);

// True when every byte is ASCII (below 0x80).
bool is_ascii(std::string_view in);
// True when the first letter of the word is upper case.
bool starts_upper(std::string_view word);
// True when every letter is upper case and there is at least one.
bool all_upper(std::string_view word);

// The code point at in[pos] (pos < in.size()), decoded as Xapian::Utf8Iterator decodes it (a byte
// of an invalid sequence stands for itself), ASCII without a call into Xapian; advances pos past
// it.
unsigned next_code_point_multibyte(std::string_view in, std::size_t& pos); // in[pos] >= 0x80
inline unsigned next_code_point(std::string_view in, std::size_t& pos) {
    const auto byte = static_cast<unsigned char>(in[pos]);
    if (byte >= 0x80) return next_code_point_multibyte(in, pos);
    ++pos;
    return byte;
}

// Appends a code point as UTF-8.
void append_utf8(std::string& out, unsigned code_point);

// The code points of a UTF-8 string (decoded as next_code_point() decodes them).
std::u32string code_points(std::string_view in);

// Damerau-Levenshtein distance (optimal string alignment) between two strings of code points;
// returns limit + 1 as soon as the distance exceeds limit. The query's spelling suggestions
// (query/suggest.h) and the entity tagger's misspelt given names (entities.cpp) use it.
unsigned edit_distance(std::u32string_view a, std::u32string_view b, unsigned limit);
// The same between two UTF-8 strings, counted in code points.
unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit);

} // namespace dateline::text
