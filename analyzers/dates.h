// Date parsing and formatting. Every date Dateline stores is UTC Unix seconds with its precision.
#pragma once

#include "article.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::dates {

// Parses the date forms found in news data into UTC:
//   ISO 8601 with or without time and zone ("2021-03-17", "2021-03-17T10:15:00+03:00", "20210317"),
//   RFC 2822 ("Wed, 17 Mar 2021 10:15:00 GMT"), "26 Dec 2020", "March 17, 2021", "17 March 2021
//   10:15", "17-MAR-1987 15:01:01.79", "2021/03/17", and Unix seconds (or milliseconds) as digits.
// A date without a time has day precision (midnight UTC). Returns nullopt when the text is not a
// date or names an impossible one (2021-02-30, hour 25).
std::optional<Timestamp> parse(std::string_view text);

// Civil date <-> days since 1970-01-01 (proleptic Gregorian).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
struct Civil {
    int year;
    unsigned month, day, hour, minute, second;
};
Civil to_civil(std::int64_t unix_seconds);

// "2021-03-17" for day precision, "2021-03-17T10:15:00Z" for time precision.
std::string format_iso(const Timestamp& ts);

// Month number (1-12) for an English month name or abbreviation, any case ("Mar", "march", "Sept").
std::optional<unsigned> month_from_name(std::string_view name);

} // namespace dateline::dates
