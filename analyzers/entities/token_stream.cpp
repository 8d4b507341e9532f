#include "token_stream.h"

#include "analyzers/text.h"

namespace dateline::entities {

namespace {

bool has_letter(std::string_view w) {
    for (char c : w)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            static_cast<unsigned char>(c) >= 0x80)
            return true;
    return false;
}

Shape shape_of(std::string_view w) {
    if (!has_letter(w)) return Shape::other;
    if (text::all_upper(w)) {
        // "A" or "I" alone say little; treat one-letter words as capitalized.
        return w.size() > 1 ? Shape::upper : Shape::capitalized;
    }
    if (text::starts_upper(w)) return Shape::capitalized;
    if (w[0] >= '0' && w[0] <= '9') return Shape::other;
    return Shape::lower;
}

// Strips a possessive ending: "Trump's", "Trump’s", "Jones'" -> the name.
std::string_view strip_possessive(std::string_view w, bool& possessive) {
    possessive = false;
    for (std::string_view end : {std::string_view("'s"), std::string_view("\xE2\x80\x99s"),
                                 std::string_view("'S"), std::string_view("\xE2\x80\x99S")}) {
        if (w.size() > end.size() && w.ends_with(end)) {
            possessive = true;
            return w.substr(0, w.size() - end.size());
        }
    }
    return w;
}

// The bytes between two words allow a multi-word name to continue across them.
bool joinable_gap(std::string_view gap, std::string_view previous) {
    int newlines = 0;
    for (char c : gap) {
        if (c == '\n') {
            if (++newlines > 1) return false;
        } else if (c == '.') {
            // "U.S. Treasury", "St. Louis", "Mr. Peskov": a period after a short word.
            if (previous.size() > 3 && previous.find('.') == std::string_view::npos) return false;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '-') {
            return false;
        }
    }
    return true;
}

bool sentence_break(std::string_view gap, std::string_view previous) {
    const bool abbreviation = previous.size() <= 3 || previous.find('.') != std::string_view::npos;
    int newlines = 0;
    for (char c : gap) {
        if (c == '.' && !abbreviation) return true;
        if (c == '!' || c == '?' || c == ':' || c == '|' || c == '"') return true;
        if (c == '\n' && ++newlines > 1) return true;
    }
    return false;
}

// The key of a word without its possessive ending: folded, periods removed.
std::string key_of_bare(std::string_view bare) {
    std::string key = text::fold(bare);
    std::erase(key, '.'); // a '.' byte is never part of a multi-byte character
    return key;
}

} // namespace

std::string word_key(std::string_view word) {
    bool possessive;
    return key_of_bare(strip_possessive(word, possessive));
}

std::string_view gap_before(const std::vector<Word>& words, std::size_t k) {
    const char* from = words[k - 1].text.data() + words[k - 1].text.size();
    return {from, static_cast<std::size_t>(words[k].text.data() - from)};
}

std::unordered_set<std::string_view> lower_case_keys(const std::vector<Word>& words) {
    std::unordered_set<std::string_view> keys;
    for (const auto& w : words)
        if (w.shape == Shape::lower) keys.insert(w.key);
    return keys;
}

std::string_view without_possessive(std::string_view word) {
    bool possessive;
    return strip_possessive(word, possessive);
}

std::vector<Word> split_words(std::string_view in) {
    const auto tokens = text::tokenize(in);
    std::vector<Word> words;
    words.reserve(tokens.size());
    std::size_t line_begin = 0; // index in words of the first word of the current line
    std::size_t previous_end = 0;
    auto mark_line = [&](std::size_t end) {
        int letters = 0, upper = 0;
        for (std::size_t i = line_begin; i < end; ++i) {
            if (words[i].shape == Shape::other) continue;
            ++letters;
            if (words[i].shape == Shape::upper) ++upper;
        }
        if (upper >= 2 && upper * 2 > letters)
            for (std::size_t i = line_begin; i < end; ++i)
                words[i].caps_line = true;
        line_begin = end;
    };
    for (const auto& t : tokens) {
        Word w;
        w.text = t.text;
        const std::string_view bare = strip_possessive(t.text, w.possessive);
        w.key = key_of_bare(bare);
        w.shape = shape_of(bare);
        const std::string_view gap = in.substr(previous_end, t.offset - previous_end);
        if (words.empty()) {
            w.sentence_start = true;
        } else {
            if (gap.find('\n') != std::string_view::npos) mark_line(words.size());
            w.joins_previous = !words.back().possessive && joinable_gap(gap, words.back().text);
            w.sentence_start = sentence_break(gap, words.back().text);
            w.after_period = gap.find('.') != std::string_view::npos;
        }
        previous_end = t.offset + t.text.size();
        words.push_back(std::move(w));
    }
    mark_line(words.size());
    return words;
}

} // namespace dateline::entities
