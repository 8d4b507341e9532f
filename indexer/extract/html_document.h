// An HTML document parsed by libxml2's HTML parser, owned by RAII, with its charset decided first:
// byte order mark, else the container's charset (HTTP header), else <meta charset> or http-equiv,
// else UTF-8 when the bytes are valid UTF-8, else windows-1252. A declared single-byte charset on
// bytes that are valid multi-byte UTF-8 is taken to be a mistake (UTF-8 wins). The parser runs with
// recovery on, network and error output off, and XML_PARSE_HUGE on (no depth limit: libxml2
// otherwise stops at 256 levels and drops the rest of the page); inputs over max_page_bytes are
// refused.
#pragma once

#include "indexer/extract/libxml.h"

#include <libxml/HTMLparser.h>
#include <string>
#include <string_view>

namespace dateline::extract {

struct HtmlDocument {
    XmlDocPtr doc;
    std::string charset; // the encoding the bytes were read as, e.g. "UTF-8", "windows-1252"
};

// Inflates gzip data (magic 1f 8b); other bytes are returned unchanged. Throws ExtractError on
// corrupt data or output over max_page_bytes.
std::string maybe_gunzip(std::string_view bytes);

// The charset to read the bytes as (see above); container_charset may be empty.
std::string detect_charset(std::string_view bytes, std::string_view container_charset);

// Parses HTML bytes (already inflated). Throws ExtractError when the input is too large or
// libxml2 gives no document.
HtmlDocument parse_html(std::string_view bytes, std::string_view container_charset);

} // namespace dateline::extract
