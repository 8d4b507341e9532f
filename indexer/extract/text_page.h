// A news page saved as plain text (what a browser copies): the article among menus, polls,
// lottery results, podcast lists, market prices and subscription boxes. The body is the longest
// run of prose lines (long lines of sentences; on pages whose paragraphs are separated by blank
// lines, only lines standing alone count); the title is the headline-like line above it that
// shares the most words with the body's start; the date a relative ("1h ago") or absolute date
// line near the top; the tags the line after "Read more on:" / "Tags:"; the source the name in
// "Subscribe to NAME" or a copyright line.
#pragma once

#include "analyzers/article.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::extract {

struct TextPage {
    std::string title;
    std::vector<std::string> paragraphs;
    std::vector<std::string> tags;
    std::vector<std::string> authors;
    std::optional<Timestamp> published;
    std::string published_text; // the line the date came from
    std::string published_origin;
    std::string source;
    std::string source_origin;
};

// reference resolves relative dates; without it they are ignored.
TextPage read_text_page(std::string_view text, const std::optional<Timestamp>& reference);

} // namespace dateline::extract
