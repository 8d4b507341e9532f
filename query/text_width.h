// Terminal column widths of UTF-8 text, for aligned tables: combining marks and zero-width
// characters take no column, East Asian wide and fullwidth characters two, everything else one.
// Invalid UTF-8 bytes count one column each.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dateline::query {

std::size_t display_width(std::string_view text);

// The longest prefix of text (whole characters) that fits in `width` columns; when text is cut,
// it ends with "…" (which counts in the width).
std::string truncate_to_width(std::string_view text, std::size_t width);

// text padded with spaces to `width` columns (left-aligned), or right-aligned.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// Word-wraps text into lines of at most `width` columns (words longer than a line are cut).
std::string wrap(std::string_view text, std::size_t width, std::string_view indent);

} // namespace dateline::query
