// The words of a text as the entity matcher sees them: a folded key ("U.S." -> "us", "Trump's" ->
// "trump", "Gödel" -> "godel"), the case shape of the original, and whether the word may continue
// a name begun by the previous word (only white space, a hyphen or an abbreviation's period between
// them, no blank line). Lines written mostly in capitals (headlines, menus) are marked: case says
// nothing there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace dateline::entities {

enum class Shape : std::uint8_t { lower, capitalized, upper, other };

struct Word {
    std::string_view text; // as written
    std::string key;       // folded, periods and a trailing possessive removed
    Shape shape = Shape::other;
    bool joins_previous = false; // only white space, '-' or an abbreviation's '.' before it
    bool after_period = false;   // a '.' between it and the previous word
    bool caps_line = false;      // the line is mostly upper case
    bool sentence_start = false; // first word of the text, a line or a sentence
    bool possessive = false;     // written with 's
};

// The key of one word, as Word::key; also used for gazetteer aliases and context words.
std::string word_key(std::string_view word);

// The word as written without a possessive ending ("Trump's" -> "Trump"): a mention's extent.
std::string_view without_possessive(std::string_view word);

std::vector<Word> split_words(std::string_view text);

// The bytes between words k - 1 and k of one split_words() result (0 < k < words.size()).
std::string_view gap_before(const std::vector<Word>& words, std::size_t k);

// The keys of the words a split_words() result writes in lower case ("agreement", "partners").
std::unordered_set<std::string_view> lower_case_keys(const std::vector<Word>& words);

} // namespace dateline::entities
