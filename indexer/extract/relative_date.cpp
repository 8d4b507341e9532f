#include "indexer/extract/relative_date.h"

#include "analyzers/dates.h"
#include "analyzers/text.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace dateline::extract {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

Timestamp day_of(std::int64_t seconds) {
    std::int64_t day = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    return {day * 86400, Timestamp::Precision::day};
}

// Seconds per unit, 0 when the word is no time unit.
std::int64_t unit_seconds(std::string_view u) {
    if (u == "s" || u == "sec" || u == "secs" || u == "second" || u == "seconds") return 1;
    if (u == "m" || u == "min" || u == "mins" || u == "minute" || u == "minutes") return 60;
    if (u == "h" || u == "hr" || u == "hrs" || u == "hour" || u == "hours") return 3600;
    if (u == "d" || u == "day" || u == "days") return 86400;
    if (u == "w" || u == "wk" || u == "wks" || u == "week" || u == "weeks") return 7 * 86400;
    if (u == "mo" || u == "month" || u == "months") return 30 * 86400;
    if (u == "y" || u == "yr" || u == "yrs" || u == "year" || u == "years") return 365 * 86400;
    return 0;
}

} // namespace

std::optional<Timestamp> parse_relative(std::string_view text, const Timestamp& reference) {
    std::string s = lower(text::trim(text));
    while (!s.empty() && (s.back() == '.' || s.back() == ','))
        s.pop_back();
    if (s == "just now" || s == "now" || s == "moments ago" || s == "a moment ago")
        return Timestamp{reference.seconds, Timestamp::Precision::time};
    if (s == "today") return day_of(reference.seconds);
    if (s == "yesterday") return day_of(reference.seconds - 86400);
    if (!s.ends_with("ago")) return std::nullopt;
    s = std::string(text::trim(std::string_view(s).substr(0, s.size() - 3)));
    // "<n><unit>" or "<n> <unit>" or "a/an <unit>"
    std::size_t i = 0;
    std::int64_t n = 0;
    if (s.starts_with("an "))
        n = 1, i = 3;
    else if (s.starts_with("a "))
        n = 1, i = 2;
    else {
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) && i < 6)
            n = n * 10 + (s[i++] - '0');
        if (i == 0) return std::nullopt;
    }
    while (i < s.size() && s[i] == ' ')
        ++i;
    std::int64_t unit = unit_seconds(std::string_view(s).substr(i));
    if (unit == 0) return std::nullopt;
    std::int64_t t = reference.seconds - n * unit;
    if (unit >= 86400) return day_of(t);
    return Timestamp{t, Timestamp::Precision::time};
}

std::optional<Timestamp> find_date(std::string_view s) {
    s = text::trim(s);
    if (s.empty() || s.size() > 400) return std::nullopt;
    // Every date dates::parse reads names its day or year in ASCII digits, so text without one is
    // no date; prose lines, the most of what is asked, end here (and runs without one are skipped).
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    if (std::none_of(s.begin(), s.end(), is_digit)) return std::nullopt;
    if (auto whole = dates::parse(s)) return whole;
    // Words with their byte ranges; separators like '|' and '•' end a run. digits_before[k] counts
    // the words before word k that hold a digit.
    struct Word {
        std::size_t begin, end;
    };
    std::vector<Word> words;
    std::vector<std::size_t> digits_before{0};
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
            ++i;
        std::size_t j = i;
        bool digit = false;
        while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\n')
            digit = is_digit(s[j++]) || digit;
        if (j > i) {
            words.push_back({i, j});
            digits_before.push_back(digits_before.back() + (digit ? 1 : 0));
        }
        i = j;
    }
    for (std::size_t a = 0; a < words.size(); ++a) {
        char c = s[words[a].begin];
        if (!std::isalnum(static_cast<unsigned char>(c))) continue;
        std::optional<Timestamp> best;
        for (std::size_t len = 2; len <= 6 && a + len <= words.size(); ++len) {
            std::string_view run =
                s.substr(words[a].begin, words[a + len - 1].end - words[a].begin);
            while (!run.empty() && (run.back() == ',' || run.back() == '.' || run.back() == '|'))
                run.remove_suffix(1);
            std::optional<Timestamp> d;
            if (digits_before[a + len] > digits_before[a]) d = dates::parse(run);
            if (d)
                best = d;
            else if (best)
                break;
        }
        if (best) return best;
    }
    return std::nullopt;
}

} // namespace dateline::extract
