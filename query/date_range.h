// The date forms of the query language, on value slot schema::slot::published (UTC Unix seconds):
//   date:1987            the whole year          date:1987-03        the whole month
//   date:1987-03-17      the day                 date:A..B           from the start of A to the END
//   of B date:1987-03..       from March 1987 on      date:..1987         up to the end of 1987
// A and B are YYYY, YYYY-MM or YYYY-MM-DD. Single periods use the cheap Y/M/D boolean terms;
// ranges are a value range on the slot, or, given the database, the same days as an OR of the
// fewest Y/M/D terms covering them (whole years, then whole months, then days, clamped to the
// years the database has), which the matcher checks far faster than the value stream. Both
// match the same articles: the indexer writes the terms and the value from the same time.
// Malformed input throws QueryError with a message such as
// "bad date range 'foo..bar': expected YYYY[-MM[-DD]]".
#pragma once

#include <cstdint>
#include <string_view>
#include <xapian.h>

namespace dateline::query {

// A calendar period: [start, end) in UTC Unix seconds, and how it was named.
struct DatePeriod {
    enum class Unit { year, month, day } unit = Unit::day;
    int year = 0;
    unsigned month = 0; // 1-12, 0 for a year
    unsigned day = 0;   // 1-31, 0 for a year or month
    std::int64_t start = 0;
    std::int64_t end = 0; // exclusive: the start of the next period
};

// Parses YYYY, YYYY-MM or YYYY-MM-DD (surrounding white space ignored). Throws
// std::invalid_argument whose what() says what is wrong ("expected YYYY[-MM[-DD]]",
// "month 13 is not 01-12", "1987-02-30 is not a day").
DatePeriod parse_date_period(std::string_view text);

// The query for "BEGIN..END" (either side may be empty, not both). Throws QueryError. Without a
// database a value range; with one the Y/M/D terms (MatchNothing when no article is dated).
Xapian::Query date_range_query(std::string_view begin, std::string_view end,
                               const Xapian::Database* db = nullptr);

// The query for one period ("1987", "1987-03", "1987-03-17") through the Y/M/D terms.
// Throws QueryError.
Xapian::Query date_period_query(std::string_view text);

} // namespace dateline::query
