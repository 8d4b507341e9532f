// Text of HTML (feed descriptions, content:encoded, XHTML or NITF bodies): tags stripped, one
// paragraph per block element (p, div, li, h1-h6, br, ...), paragraphs separated by a blank line,
// white space collapsed inside them; script, style, head and media left out. HTML is parsed by
// libxml2's HTML parser without network access.
#pragma once

#include <libxml/tree.h>
#include <string>
#include <string_view>

namespace dateline {

// The paragraphs of an HTML fragment or document (UTF-8). Text without markup is returned with
// its white space collapsed.
std::string html_to_text(std::string_view html);

// The paragraphs below an already parsed node (HTML, XHTML or NITF elements, any namespace).
std::string block_text(const xmlNode* node);

} // namespace dateline
