// RawItem: one unit of input as a source found it (a JSON Lines record, an HTML page, a text page,
// a WARC response, a feed entry), before any extraction. Sources know formats, not meaning.
#pragma once

#include "analyzers/article.h"

#include <cstdint>
#include <optional>
#include <string>

namespace dateline {

struct RawItem {
    enum class Kind { json_record, html_page, text_page, article };

    Kind kind = Kind::json_record;
    std::string origin;  // the input it came from: a path, "-" for stdin, "archive.tar:inner.html"
    std::string record;  // where in the origin: a line number, a record number; "" for whole files
    std::string input;   // the input file it was read from (set by dateline-index; ingestion state)
    std::string content; // the bytes (a JSON object, an HTML document, a text page)

    // What the container knew about the item, if anything.
    std::string url;                     // e.g. WARC-Target-URI
    std::string charset;                 // e.g. from HTTP Content-Type
    std::optional<Timestamp> fetched_at; // e.g. WARC-Date, else the file's modification time
    // When an archive captured the page (WARC-Date): the article's date when the page states
    // none (a news crawl such as CC-NEWS fetches a story within hours of its publication).
    std::optional<Timestamp> captured_at;

    // For Kind::article: a source that already produced a structured article (feeds, NITF).
    std::optional<Article> article;

    // "FILE:RECORD" or "FILE" for error messages.
    std::string location() const { return record.empty() ? origin : origin + ":" + record; }
};

} // namespace dateline
