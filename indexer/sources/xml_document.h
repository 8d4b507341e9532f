// XML documents for the feed, NITF and NewsML-G2 readers: libxml2 with the safe settings every
// Dateline reader uses, and small helpers to walk the tree by local name and namespace.
// Safety: no network (XML_PARSE_NONET), no DTD loading, no entity substitution (references to
// entities declared in a DTD stay unexpanded references, and the text helpers skip them, so an
// external entity is never read and an expansion bomb never grows), no messages on stderr, and
// inputs larger than `max_xml_bytes` are refused.
#pragma once

#include "indexer/extract/libxml.h"

#include <cstddef>
#include <libxml/tree.h>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::xml {

inline constexpr std::size_t max_xml_bytes = 64u << 20;

using DocPtr = extract::XmlDocPtr;

// Parses well-formed XML; throws InputError("not well-formed XML: ... (line N)") otherwise.
DocPtr parse(std::string_view bytes);

// Namespace choices for the lookups below.
inline constexpr std::string_view any_ns = "*"; // any namespace, or none
inline constexpr std::string_view no_ns = "";   // no namespace

std::string_view local_name(const xmlNode* node);
std::string_view ns_of(const xmlNode* node); // "" when the node has no namespace

// True for an element named `local` in namespace `ns` (any_ns, no_ns, or a URI).
bool is(const xmlNode* node, std::string_view local, std::string_view ns = any_ns);
// Same, accepting any of two namespaces (RSS elements: none, or the RSS 1.0 URI).
bool is(const xmlNode* node, std::string_view local, std::string_view ns1, std::string_view ns2);

// Element children by name (nullptr / empty when there is none).
const xmlNode* child(const xmlNode* parent, std::string_view local, std::string_view ns = any_ns);
std::vector<const xmlNode*> children(const xmlNode* parent, std::string_view local,
                                     std::string_view ns = any_ns);
std::vector<const xmlNode*> elements(const xmlNode* parent); // all element children

// Text of the node and its descendants (text and CDATA; entity references skipped), raw or with
// white space collapsed.
std::string raw_text(const xmlNode* node);
std::string text(const xmlNode* node);

// What the document asked to load and was refused, one message each: an external DTD, external
// entities (general or parameter) and XIncludes, e.g. "external entity 'xxe' (file:///etc/passwd)
// not loaded". Empty for a document that asks for nothing outside itself.
std::vector<std::string> refused_loads(const xmlDoc* doc);

// Attribute without namespace ("" when absent), and the inherited xml:lang.
std::string attr(const xmlNode* node, const char* name);
std::string lang(const xmlNode* node);

} // namespace dateline::xml
