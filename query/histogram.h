// Date histograms for the date facet: per-day counts grouped into day, week, month or year
// buckets, in chronological order, with empty buckets between the first and last filled in.
// Labels: day "1987-03-17", week "1987-03-16" (the Monday the week starts on), month "1987-03",
// year "1987". Days are counted since 1970-01-01 (UTC).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

enum class Bucket { automatic, day, week, month, year };

// "auto", "day", "week", "month", "year"; throws UsageError otherwise.
Bucket parse_bucket(std::string_view name);
const char* bucket_name(Bucket bucket);

// The bucket that fits a span of days: more than 3 years -> year, more than 2 months -> month,
// else day.
Bucket choose_bucket(std::int64_t first_day, std::int64_t last_day);

struct HistogramBin {
    std::string label;
    Xapian::doccount count = 0;
};

// Groups per-day counts into buckets of the given size (automatic chooses by the span).
// Returns the resolved bucket through `used`.
std::vector<HistogramBin> make_histogram(const std::map<std::int64_t, Xapian::doccount>& per_day,
                                         Bucket bucket, Bucket* used = nullptr);

} // namespace dateline::query
