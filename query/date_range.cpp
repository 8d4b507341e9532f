#include "date_range.h"

#include "analyzers/dates.h"
#include "analyzers/schema.h"
#include "analyzers/text.h"
#include "errors.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <vector>

namespace dateline::query {

namespace {

constexpr std::int64_t seconds_per_day = 86400;
constexpr const char* expected_form = "expected YYYY[-MM[-DD]]";

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

unsigned to_number(std::string_view s) {
    unsigned n = 0;
    for (char c : s)
        n = n * 10 + static_cast<unsigned>(c - '0');
    return n;
}

std::string two_digits(unsigned n) {
    std::string s = std::to_string(n);
    return s.size() < 2 ? "0" + s : s;
}

std::int64_t day_start(int year, unsigned month, unsigned day) {
    return dates::days_from_civil(year, month, day) * seconds_per_day;
}

std::string bad_range(std::string_view begin, std::string_view end, const std::string& reason) {
    return "bad date range '" + std::string(begin) + ".." + std::string(end) + "': " + reason;
}

} // namespace

DatePeriod parse_date_period(std::string_view input) {
    std::string_view text = text::trim(input);
    std::string_view parts[3];
    std::size_t count = 0;
    std::size_t pos = 0;
    while (true) {
        auto dash = text.find('-', pos);
        if (count == 3) throw std::invalid_argument(expected_form);
        parts[count++] = text.substr(pos, dash == std::string_view::npos ? dash : dash - pos);
        if (dash == std::string_view::npos) break;
        pos = dash + 1;
    }
    if (parts[0].size() != 4 || !all_digits(parts[0])) throw std::invalid_argument(expected_form);
    for (std::size_t i = 1; i < count; ++i)
        if (parts[i].size() != 2 || !all_digits(parts[i]))
            throw std::invalid_argument(expected_form);

    DatePeriod p;
    p.year = static_cast<int>(to_number(parts[0]));
    if (count == 1) {
        p.unit = DatePeriod::Unit::year;
        p.start = day_start(p.year, 1, 1);
        p.end = day_start(p.year + 1, 1, 1);
        return p;
    }
    p.month = to_number(parts[1]);
    if (p.month < 1 || p.month > 12)
        throw std::invalid_argument(std::string(expected_form) + " (month " +
                                    std::string(parts[1]) + " is not 01-12)");
    if (count == 2) {
        p.unit = DatePeriod::Unit::month;
        p.start = day_start(p.year, p.month, 1);
        p.end = p.month == 12 ? day_start(p.year + 1, 1, 1) : day_start(p.year, p.month + 1, 1);
        return p;
    }
    p.day = to_number(parts[2]);
    p.unit = DatePeriod::Unit::day;
    p.start = day_start(p.year, p.month, p.day);
    auto civil = dates::to_civil(p.start);
    if (p.day < 1 || civil.year != p.year || civil.month != p.month || civil.day != p.day)
        throw std::invalid_argument(std::string(expected_form) + " (" + std::string(text) +
                                    " is not a day)");
    p.end = p.start + seconds_per_day;
    return p;
}

namespace {

// The years the database has dated articles in, from its Y terms; false when none.
bool year_span(const Xapian::Database& db, int* first, int* last) {
    const std::string prefix(schema::prefix::year);
    bool any = false;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string term = *it; // the iterator hands out a temporary
        const std::string_view digits = std::string_view(term).substr(prefix.size());
        if (digits.size() != 4 || !all_digits(digits)) continue;
        int year = static_cast<int>(to_number(digits));
        *first = any ? std::min(*first, year) : year;
        *last = any ? std::max(*last, year) : year;
        any = true;
    }
    return any;
}

// The Y/M/D terms covering the days [first, end) (days since 1970-01-01).
Xapian::Query day_terms(std::int64_t first, std::int64_t end) {
    std::vector<Xapian::Query> terms;
    for (std::int64_t day = first; day < end;) {
        auto c = dates::to_civil(day * seconds_per_day);
        const std::string year = std::to_string(c.year);
        const std::int64_t next_year = dates::days_from_civil(c.year + 1, 1, 1);
        const std::int64_t next_month =
            c.month == 12 ? next_year : dates::days_from_civil(c.year, c.month + 1, 1);
        if (c.month == 1 && c.day == 1 && next_year <= end) {
            terms.emplace_back(std::string(schema::prefix::year) + year);
            day = next_year;
        } else if (c.day == 1 && next_month <= end) {
            terms.emplace_back(std::string(schema::prefix::month) + year + two_digits(c.month));
            day = next_month;
        } else {
            terms.emplace_back(std::string(schema::prefix::day) + year + two_digits(c.month) +
                               two_digits(c.day));
            ++day;
        }
    }
    if (terms.empty())
        return Xapian::Query(); // not the shared static: its count is not atomic (threads)
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

} // namespace

Xapian::Query date_range_query(std::string_view begin, std::string_view end,
                               const Xapian::Database* db) {
    const bool has_begin = !text::trim(begin).empty();
    const bool has_end = !text::trim(end).empty();
    if (!has_begin && !has_end)
        throw QueryError(bad_range(begin, end, "give a start, an end or both"));
    DatePeriod from, to;
    try {
        if (has_begin) from = parse_date_period(begin);
        if (has_end) to = parse_date_period(end);
    } catch (const std::invalid_argument& e) {
        throw QueryError(bad_range(begin, end, e.what()));
    }
    if (has_begin && has_end && to.end <= from.start)
        throw QueryError(bad_range(begin, end, "the range ends before it starts"));

    if (db) {
        int first_year = 0, last_year = 0;
        if (!year_span(*db, &first_year, &last_year))
            return Xapian::Query(); // not the shared static: its count is not atomic (threads)
        std::int64_t first = dates::days_from_civil(first_year, 1, 1);
        std::int64_t stop = dates::days_from_civil(last_year + 1, 1, 1);
        if (has_begin) first = std::max(first, from.start / seconds_per_day);
        if (has_end) stop = std::min(stop, to.end / seconds_per_day);
        return day_terms(first, stop);
    }
    // Published times are whole seconds, so "up to the end of B" is "<= B.end - 1".
    const auto slot = schema::slot::published;
    auto lo = [&] { return Xapian::sortable_serialise(static_cast<double>(from.start)); };
    auto hi = [&] { return Xapian::sortable_serialise(static_cast<double>(to.end - 1)); };
    if (!has_begin) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, hi());
    if (!has_end) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, lo());
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo(), hi());
}

Xapian::Query date_period_query(std::string_view text) {
    DatePeriod p;
    try {
        p = parse_date_period(text);
    } catch (const std::invalid_argument& e) {
        throw QueryError("bad date '" + std::string(text) + "': " + e.what());
    }
    std::string year = std::to_string(p.year);
    switch (p.unit) {
    case DatePeriod::Unit::year:
        return Xapian::Query(std::string(schema::prefix::year) + year);
    case DatePeriod::Unit::month:
        return Xapian::Query(std::string(schema::prefix::month) + year + two_digits(p.month));
    case DatePeriod::Unit::day:
        break;
    }
    return Xapian::Query(std::string(schema::prefix::day) + year + two_digits(p.month) +
                         two_digits(p.day));
}

} // namespace dateline::query
