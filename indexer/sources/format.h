// Input formats and how they are recognized: from the content first (magic numbers, "WARC/1.",
// the root element after the XML prolog), then from the file name, then by the first character.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dateline {

enum class Format {
    jsonl,   // JSON Lines: one article record per line
    html,    // one HTML page
    text,    // one page saved as plain text
    warc,    // WARC 1.0/1.1: HTML response records
    rss,     // RSS 2.0 (and RSS 0.9x/1.0): one article per item
    atom,    // Atom 1.0: one article per entry
    nitf,    // IPTC NITF 3.x: one article
    newsml,  // IPTC NewsML-G2 newsItem or newsMessage: one article per newsItem
    archive, // tar or zip (possibly compressed): every member is an input of its own
};

// "jsonl", "html", ...
const char* format_name(Format format);

// Format from the file name alone ("x.jsonl.gz" -> jsonl), nullopt when the name does not tell.
std::optional<Format> format_from_name(const std::string& path);

// How many decompressed bytes sniff_format wants to see.
inline constexpr std::size_t sniff_bytes = 64 * 1024;

// Format from unmistakable content: zip or tar magic, "WARC/1." at the start, or the root element
// of an XML document (rss, rdf:RDF, Atom feed, nitf, newsItem/newsMessage, html); also an HTML
// doctype. nullopt when the content alone does not tell (JSON, plain text, other XML).
std::optional<Format> sniff_format(std::string_view head);

// The fallback when neither the content nor the name tells: '{' JSON Lines, '<' HTML, else text.
Format guess_format(std::string_view head);

// The format of an input: sniff_format, else format_from_name(name), else guess_format.
Format detect_format(std::string_view head, const std::string& name);

} // namespace dateline
