#include "dates.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

namespace dateline::dates {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

unsigned days_in_month(int year, unsigned month) {
    static constexpr std::array<unsigned, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// A date string cut into its pieces: numbers, words and signs, with their separators dropped
// except the ones that carry meaning ('+', '-' before a zone offset, ':' inside times).
struct Piece {
    enum Kind { number, word, sign } kind;
    std::string_view text;
    char before = ' '; // the separator that preceded this piece
};

std::vector<Piece> split(std::string_view s) {
    std::vector<Piece> out;
    std::size_t i = 0;
    char sep = ' ';
    while (i < s.size()) {
        char c = s[i];
        if (is_digit(c)) {
            std::size_t j = i;
            while (j < s.size() && is_digit(s[j]))
                ++j;
            out.push_back({Piece::number, s.substr(i, j - i), sep});
            sep = ' ';
            i = j;
        } else if (is_alpha(c)) {
            std::size_t j = i;
            while (j < s.size() && is_alpha(s[j]))
                ++j;
            out.push_back({Piece::word, s.substr(i, j - i), sep});
            sep = ' ';
            i = j;
        } else if (c == '+' || c == '-') {
            out.push_back({Piece::sign, s.substr(i, 1), sep});
            sep = c;
            ++i;
        } else {
            if (c != ' ' && c != ',')
                sep = c;
            else if (sep == ' ' || sep == ',')
                sep = c;
            ++i;
        }
    }
    return out;
}

struct Fields {
    int year = -1;
    int month = -1, day = -1;
    int hour = -1, minute = 0, second = 0;
    long offset_seconds = 0;
    bool have_zone = false;
};

std::optional<long> zone_offset(std::string_view name) {
    std::string n;
    for (char c : name)
        n += lower(c);
    static const std::array<std::pair<const char*, int>, 16> zones{{{"z", 0},
                                                                    {"utc", 0},
                                                                    {"gmt", 0},
                                                                    {"ut", 0},
                                                                    {"est", -5},
                                                                    {"edt", -4},
                                                                    {"cst", -6},
                                                                    {"cdt", -5},
                                                                    {"mst", -7},
                                                                    {"mdt", -6},
                                                                    {"pst", -8},
                                                                    {"pdt", -7},
                                                                    {"bst", 1},
                                                                    {"cet", 1},
                                                                    {"cest", 2},
                                                                    {"msk", 3}}};
    for (auto [zone, hours] : zones)
        if (n == zone) return hours * 3600L;
    return std::nullopt;
}

// Digits as a number. Longer runs than any date field ("2021-0000000000003-17") saturate at
// 999999999 instead of overflowing, so the range checks reject them.
int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits) {
        if (v > 99'999'999) return 999'999'999;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<Timestamp> build(const Fields& f) {
    if (f.year < 1 || f.year > 9999 || f.month < 1 || f.month > 12 || f.day < 1)
        return std::nullopt;
    if (static_cast<unsigned>(f.day) > days_in_month(f.year, static_cast<unsigned>(f.month)))
        return std::nullopt;
    if (f.hour > 23 || f.minute > 59 || f.second > 60) return std::nullopt;
    Timestamp ts;
    std::int64_t days =
        days_from_civil(f.year, static_cast<unsigned>(f.month), static_cast<unsigned>(f.day));
    if (f.hour < 0) {
        ts.seconds = days * 86400;
        ts.precision = Timestamp::Precision::day;
        return ts;
    }
    ts.seconds =
        days * 86400 + f.hour * 3600 + f.minute * 60 + std::min(f.second, 59) - f.offset_seconds;
    ts.precision = Timestamp::Precision::time;
    return ts;
}

// Reads "HH:MM[:SS[.fff]]" starting at pieces[i]; returns the index after it.
std::size_t read_time(const std::vector<Piece>& p, std::size_t i, Fields& f) {
    if (i + 1 >= p.size() || p[i].kind != Piece::number || p[i + 1].kind != Piece::number ||
        p[i + 1].before != ':' || p[i].text.size() > 2 || p[i + 1].text.size() != 2)
        return i;
    f.hour = to_int(p[i].text);
    f.minute = to_int(p[i + 1].text);
    i += 2;
    if (i < p.size() && p[i].kind == Piece::number && p[i].before == ':' && p[i].text.size() == 2) {
        f.second = to_int(p[i].text);
        ++i;
    }
    if (i < p.size() && p[i].kind == Piece::number && p[i].before == '.') ++i; // fraction
    if (i < p.size() && p[i].kind == Piece::word) {
        std::string w;
        for (char c : p[i].text)
            w += lower(c);
        if (w == "am" || w == "pm") {
            if (f.hour < 1 || f.hour > 12)
                f.hour = 99;
            else
                f.hour = (f.hour % 12) + (w == "pm" ? 12 : 0);
            ++i;
        }
    }
    return i;
}

// Reads a zone ("Z", "GMT", "+03:00", "+0300", "-05") at pieces[i]; returns the index after it.
std::size_t read_zone(const std::vector<Piece>& p, std::size_t i, Fields& f) {
    if (i >= p.size()) return i;
    if (p[i].kind == Piece::word) {
        if (auto off = zone_offset(p[i].text)) {
            f.offset_seconds = *off;
            f.have_zone = true;
            ++i;
            // "GMT+3", "UTC+03:00"
            if (i + 1 < p.size() && p[i].kind == Piece::sign && p[i + 1].kind == Piece::number) {
                Fields g;
                std::size_t j = read_zone(p, i, g);
                if (j != i) f.offset_seconds += g.offset_seconds;
                i = j;
            }
        }
        return i;
    }
    if (p[i].kind == Piece::sign && i + 1 < p.size() && p[i + 1].kind == Piece::number) {
        long sign = p[i].text == "-" ? -1 : 1;
        auto digits = p[i + 1].text;
        long hours, minutes = 0;
        std::size_t next = i + 2;
        if (digits.size() == 4) {
            hours = to_int(digits.substr(0, 2));
            minutes = to_int(digits.substr(2));
        } else if (digits.size() <= 2) {
            hours = to_int(digits);
            if (next < p.size() && p[next].kind == Piece::number && p[next].before == ':' &&
                p[next].text.size() == 2) {
                minutes = to_int(p[next].text);
                ++next;
            }
        } else {
            return i;
        }
        if (hours > 14 || minutes > 59) return i;
        f.offset_seconds = sign * (hours * 3600 + minutes * 60);
        f.have_zone = true;
        return next;
    }
    return i;
}

bool is_weekday(std::string_view w) {
    std::string n;
    for (char c : w)
        n += lower(c);
    for (const char* d : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        if (n.starts_with(d)) return true;
    return false;
}

// Year from a piece: four digits, or two digits (1970-2069 window).
int read_year(std::string_view digits) {
    if (digits.size() == 4) return to_int(digits);
    if (digits.size() == 2) {
        int y = to_int(digits);
        return y < 70 ? 2000 + y : 1900 + y;
    }
    return -1;
}

std::optional<Timestamp> parse_pieces(const std::vector<Piece>& p) {
    Fields f;
    std::size_t i = 0;
    while (i < p.size() && p[i].kind == Piece::word && is_weekday(p[i].text))
        ++i;
    if (i >= p.size()) return std::nullopt;

    if (p[i].kind == Piece::number && p[i].text.size() == 4 && i + 2 < p.size() &&
        p[i + 1].kind == Piece::number && p[i + 2].kind == Piece::number) {
        // 2021-03-17, 2021/03/17, 2021.03.17 (signs split out '-' as a piece)
        f.year = to_int(p[i].text);
        f.month = to_int(p[i + 1].text);
        f.day = to_int(p[i + 2].text);
        if (p[i + 1].text.size() > 2 || p[i + 2].text.size() > 2) return std::nullopt;
        i += 3;
    } else if (p[i].kind == Piece::number && p[i].text.size() == 4 && i + 4 < p.size() &&
               p[i + 1].kind == Piece::sign && p[i + 2].kind == Piece::number &&
               p[i + 3].kind == Piece::sign && p[i + 4].kind == Piece::number) {
        f.year = to_int(p[i].text);
        f.month = to_int(p[i + 2].text);
        f.day = to_int(p[i + 4].text);
        if (p[i + 2].text.size() > 2 || p[i + 4].text.size() > 2) return std::nullopt;
        i += 5;
        // "T10:15" arrives as a word "T" followed by the time
        if (i < p.size() && p[i].kind == Piece::word && (p[i].text == "T" || p[i].text == "t"))
            ++i;
        else if (i < p.size() && p[i].kind == Piece::word && p[i].text.size() > 1 &&
                 lower(p[i].text[0]) == 't')
            return std::nullopt;
    } else if (p[i].kind == Piece::number && p[i].text.size() == 8) {
        // 20210317, optionally "T101500"
        f.year = to_int(p[i].text.substr(0, 4));
        f.month = to_int(p[i].text.substr(4, 2));
        f.day = to_int(p[i].text.substr(6, 2));
        ++i;
        if (i + 1 < p.size() && p[i].kind == Piece::word && lower(p[i].text[0]) == 't' &&
            p[i + 1].kind == Piece::number &&
            (p[i + 1].text.size() == 6 || p[i + 1].text.size() == 4)) {
            auto t = p[i + 1].text;
            f.hour = to_int(t.substr(0, 2));
            f.minute = to_int(t.substr(2, 2));
            if (t.size() == 6) f.second = to_int(t.substr(4, 2));
            i += 2;
        }
    } else if (p[i].kind == Piece::number && p[i].text.size() <= 2 && i + 1 < p.size() &&
               (p[i + 1].kind == Piece::word || (p[i + 1].kind == Piece::sign && i + 2 < p.size() &&
                                                 p[i + 2].kind == Piece::word))) {
        // 26 Dec 2020, 17-MAR-1987, 17 March 2021
        f.day = to_int(p[i].text);
        i += p[i + 1].kind == Piece::sign ? 2 : 1;
        auto m = month_from_name(p[i].text);
        if (!m) return std::nullopt;
        f.month = static_cast<int>(*m);
        ++i;
        if (i < p.size() && p[i].kind == Piece::sign) ++i;
        if (i >= p.size() || p[i].kind != Piece::number) return std::nullopt;
        f.year = read_year(p[i].text);
        ++i;
    } else if (p[i].kind == Piece::word && i + 2 < p.size() && p[i + 1].kind == Piece::number &&
               p[i + 2].kind == Piece::number) {
        // March 17, 2021; Mar 17 2021
        auto m = month_from_name(p[i].text);
        if (!m || p[i + 1].text.size() > 2) return std::nullopt;
        f.month = static_cast<int>(*m);
        f.day = to_int(p[i + 1].text);
        f.year = read_year(p[i + 2].text);
        i += 3;
        // "Mar 17 10:15:00 2021" (asctime) is not a news form; a time right after the year is.
    } else if (p[i].kind == Piece::number && p[i].text.size() <= 2 && i + 2 < p.size() &&
               p[i + 1].kind == Piece::number && p[i + 2].kind == Piece::number &&
               p[i + 2].text.size() == 4 && (p[i + 1].before == '.' || p[i + 1].before == '/')) {
        // 17.03.2021 (day first, as in most of the world's news)
        f.day = to_int(p[i].text);
        f.month = to_int(p[i + 1].text);
        f.year = to_int(p[i + 2].text);
        if (p[i + 1].text.size() > 2) return std::nullopt;
        i += 3;
    } else {
        return std::nullopt;
    }

    if (i < p.size() && p[i].kind == Piece::word && (p[i].text == "at" || p[i].text == "AT")) ++i;
    std::size_t after_time = read_time(p, i, f);
    if (after_time != i) {
        i = read_zone(p, after_time, f);
        // RFC 2822 comments like "(UTC)" leave a word behind: allow one zone-like word.
        if (i < p.size() && p[i].kind == Piece::word && zone_offset(p[i].text)) ++i;
    }
    if (i != p.size()) return std::nullopt;
    return build(f);
}

} // namespace

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Civil to_civil(std::int64_t t) {
    std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    std::int64_t secs = t - days * 86400;
    std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Civil{static_cast<int>(y + (m <= 2)),
                 m,
                 d,
                 static_cast<unsigned>(secs / 3600),
                 static_cast<unsigned>(secs % 3600 / 60),
                 static_cast<unsigned>(secs % 60)};
}

std::string format_iso(const Timestamp& ts) {
    Civil c = to_civil(ts.seconds);
    char buf[40];
    if (ts.precision == Timestamp::Precision::day)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02u:%02u:%02uZ", c.year, c.month, c.day,
                      c.hour, c.minute, c.second);
    return buf;
}

std::optional<unsigned> month_from_name(std::string_view name) {
    if (name.size() < 3) return std::nullopt;
    std::string n;
    for (char c : name)
        n += lower(c);
    static constexpr std::array<const char*, 12> full{
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    for (unsigned m = 0; m < 12; ++m) {
        std::string_view f = full[m];
        if (n == f || (n.size() >= 3 && f.starts_with(n))) return m + 1;
    }
    return std::nullopt;
}

std::optional<Timestamp> parse(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    if (text.empty() || text.size() > 100) return std::nullopt;

    bool all_digits = true;
    for (char c : text)
        if (!is_digit(c)) all_digits = false;
    if (all_digits && text.size() != 8) {
        // Unix seconds (9-11 digits) or milliseconds (12-14 digits).
        if (text.size() < 9 || text.size() > 14) return std::nullopt;
        std::int64_t v = 0;
        for (char c : text)
            v = v * 10 + (c - '0');
        if (text.size() >= 12) v /= 1000;
        return Timestamp{v, Timestamp::Precision::time};
    }
    return parse_pieces(split(text));
}

} // namespace dateline::dates
