// Dates in page text: relative forms ("1h ago", "2 days ago", "Yesterday", "just now") resolved
// against a reference time, and absolute dates found inside a longer string
// ("By Jane Doe | Published November 19, 2019 10:23 AM").
#pragma once

#include "analyzers/article.h"

#include <optional>
#include <string_view>

namespace dateline::extract {

// "5 min ago", "1h ago", "3 hours ago", "2 days ago", "a week ago", "yesterday", "today",
// "just now" (case-insensitive, the whole string after trimming). Minutes and hours give time
// precision; days and more give day precision (the reference's day minus N days).
std::optional<Timestamp> parse_relative(std::string_view text, const Timestamp& reference);

// The first absolute date inside s (dates::parse on the whole, then on runs of 2 to 6 words that
// hold an ASCII digit: every date form names its day or year in digits).
std::optional<Timestamp> find_date(std::string_view s);

} // namespace dateline::extract
