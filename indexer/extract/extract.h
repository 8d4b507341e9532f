// Extraction: turns one raw news page (HTML or text saved from a browser) into an Article.
// Finds the main text without boilerplate and the metadata (title, dates, source, authors,
// section, publisher tags, canonical URL, language hint), and records where each field came
// from so that `dateline-index --explain` can show it. Pure functions of their input; thread-safe.
#pragma once

#include "analyzers/article.h"

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::extract {

// What the caller knows about the page.
struct PageInfo {
    std::string path;                    // file path (for messages)
    std::string url;                     // known URL (WARC target), may be empty
    std::string charset;                 // charset from a container (HTTP header), may be empty
    std::optional<Timestamp> fetched_at; // reference time for relative dates ("2h ago")
};

// Where one field of the article came from, e.g. {"title", "og:title", "Kremlin says ..."}.
struct FieldOrigin {
    std::string field;
    std::string origin;
    std::string value;
};

struct Extraction {
    Article article;
    std::vector<FieldOrigin> origins;
};

// A page that yields no article: the message says why ("no article text found").
class ExtractError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Largest input accepted (bytes, after gunzip); larger pages throw ExtractError.
inline constexpr std::size_t max_page_bytes = 32u << 20;

// An HTML page (gzip-compressed bytes are inflated first). Throws ExtractError.
Extraction extract_html(std::string_view bytes, const PageInfo& page);

// A page saved as plain text (browser copy): the article among menus and widgets. Throws
// ExtractError.
Extraction extract_text_page(std::string_view text, const PageInfo& page);

// Human-readable explanation: every extracted field with its origin, then the body.
void print_explanation(const Extraction& x, std::ostream& out);

} // namespace dateline::extract
