// Fuzz target body: analyzers/dates. parse() on any text; a date it accepts must agree with
// to_civil/days_from_civil and, for four-digit years, format (format_iso) to text that parses
// back to the same instant; month_from_name on the same text. A broken property throws
// std::logic_error. Run by fuzz_dates and replayed by the unit tests.
#pragma once

#include "analyzers/dates.h"

#include <stdexcept>
#include <string>
#include <string_view>

namespace dateline::fuzz {

inline void dates_input(std::string_view text) {
    (void)dates::month_from_name(text);
    std::optional<Timestamp> ts = dates::parse(text);
    if (!ts) return;
    const dates::Civil c = dates::to_civil(ts->seconds);
    const std::int64_t days = dates::days_from_civil(c.year, c.month, c.day);
    if (days * 86400 + c.hour * 3600 + c.minute * 60 + c.second != ts->seconds)
        throw std::logic_error("to_civil and days_from_civil disagree on " +
                               std::to_string(ts->seconds));
    if (c.year < 1 || c.year > 9999) return; // format_iso writes four-digit years
    const std::string iso = dates::format_iso(*ts);
    std::optional<Timestamp> back = dates::parse(iso);
    if (!back || back->seconds != ts->seconds)
        throw std::logic_error("'" + iso + "' does not parse back to " +
                               std::to_string(ts->seconds));
}

} // namespace dateline::fuzz
