// Text for XML attributes and content (GraphML, GEXF, SVG): & < > " ' escaped, and the control
// characters XML 1.0 forbids (all below U+0020 but tab, line feed and carriage return) replaced
// by U+FFFD, so that any entity name or query gives a well-formed file.
#pragma once

#include <string>
#include <string_view>

namespace dateline::query {

std::string xml_escape(std::string_view text);

} // namespace dateline::query
