#include "histogram.h"

#include "analyzers/dates.h"
#include "errors.h"

#include <cstdio>

namespace dateline::query {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
    return ((a % b) + b) % b;
}

dates::Civil civil_of_day(std::int64_t day) {
    return dates::to_civil(day * seconds_per_day);
}

std::string format_day(std::int64_t day) {
    auto c = civil_of_day(day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
    return buf;
}

// A bucket as an integer key that grows by one from each bucket to the next.
std::int64_t key_of(std::int64_t day, Bucket bucket) {
    switch (bucket) {
    case Bucket::week: // weeks start on Monday; week 0 starts on day 4 (1970-01-05)
        return (day - floor_mod(day + 3, 7) - 4) / 7;
    case Bucket::month: {
        auto c = civil_of_day(day);
        return std::int64_t{c.year} * 12 + (c.month - 1);
    }
    case Bucket::year:
        return civil_of_day(day).year;
    case Bucket::day:
    case Bucket::automatic:
        break;
    }
    return day;
}

std::string label_of(std::int64_t key, Bucket bucket) {
    char buf[32];
    switch (bucket) {
    case Bucket::week:
        return format_day(key * 7 + 4); // day 4 (1970-01-05) is a Monday
    case Bucket::month:
        std::snprintf(buf, sizeof buf, "%04lld-%02lld", static_cast<long long>(key / 12),
                      static_cast<long long>(key % 12 + 1));
        return buf;
    case Bucket::year:
        std::snprintf(buf, sizeof buf, "%04lld", static_cast<long long>(key));
        return buf;
    case Bucket::day:
    case Bucket::automatic:
        break;
    }
    return format_day(key);
}

} // namespace

Bucket parse_bucket(std::string_view name) {
    if (name == "auto") return Bucket::automatic;
    if (name == "day") return Bucket::day;
    if (name == "week") return Bucket::week;
    if (name == "month") return Bucket::month;
    if (name == "year") return Bucket::year;
    throw UsageError("unknown date bucket '" + std::string(name) +
                     "': expected auto, day, week, month or year");
}

const char* bucket_name(Bucket bucket) {
    switch (bucket) {
    case Bucket::automatic:
        return "auto";
    case Bucket::day:
        return "day";
    case Bucket::week:
        return "week";
    case Bucket::month:
        return "month";
    case Bucket::year:
        return "year";
    }
    return "day";
}

Bucket choose_bucket(std::int64_t first_day, std::int64_t last_day) {
    auto a = civil_of_day(first_day);
    auto b = civil_of_day(last_day);
    // Whole months between the two days, rounded down.
    std::int64_t months = (std::int64_t{b.year} - a.year) * 12 + (std::int64_t{b.month} - a.month);
    if (b.day < a.day) --months;
    if (months > 36 || (months == 36 && b.day > a.day)) return Bucket::year;
    if (months > 2 || (months == 2 && b.day > a.day)) return Bucket::month;
    return Bucket::day;
}

std::vector<HistogramBin> make_histogram(const std::map<std::int64_t, Xapian::doccount>& per_day,
                                         Bucket bucket, Bucket* used) {
    std::vector<HistogramBin> bins;
    if (bucket == Bucket::automatic)
        bucket = per_day.empty() ? Bucket::day
                                 : choose_bucket(per_day.begin()->first, per_day.rbegin()->first);
    if (used) *used = bucket;
    if (per_day.empty()) return bins;
    std::int64_t first = key_of(per_day.begin()->first, bucket);
    std::int64_t last = key_of(per_day.rbegin()->first, bucket);
    std::vector<Xapian::doccount> counts(static_cast<std::size_t>(last - first + 1), 0);
    for (const auto& [day, count] : per_day)
        counts[static_cast<std::size_t>(key_of(day, bucket) - first)] += count;
    bins.reserve(counts.size());
    for (std::size_t i = 0; i < counts.size(); ++i)
        bins.push_back({label_of(first + static_cast<std::int64_t>(i), bucket), counts[i]});
    return bins;
}

} // namespace dateline::query
