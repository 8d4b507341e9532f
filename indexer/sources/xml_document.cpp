#include "xml_document.h"

#include "analyzers/text.h"
#include "indexer/inputs.h"

#include <libxml/parser.h>

namespace dateline::xml {

namespace {

struct ParserFree {
    void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

struct XmlCharFree {
    void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

std::string_view view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

void collect_text(const xmlNode* node, std::string& out) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            out += view(c->content);
        else if (c->type == XML_ELEMENT_NODE)
            collect_text(c, out);
        // XML_ENTITY_REF_NODE: never expanded (see the header).
    }
}

} // namespace

DocPtr parse(std::string_view bytes) {
    if (bytes.size() > max_xml_bytes)
        throw InputError("XML document larger than the limit of " + std::to_string(max_xml_bytes) +
                         " bytes");
    std::unique_ptr<xmlParserCtxt, ParserFree> ctxt(xmlNewParserCtxt());
    if (!ctxt) throw InputError("cannot create an XML parser");
    const int options =
        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    extract::QuietErrors quiet;
    DocPtr doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                 nullptr, options));
    if (!doc || !ctxt->wellFormed) {
        std::string reason = "not well-formed XML";
        if (const xmlError* e = xmlCtxtGetLastError(ctxt.get()); e && e->message) {
            std::string message = text::collapse_whitespace(e->message);
            if (e->code == XML_ERR_ENTITY_LOOP)
                reason = "entity expansion refused (an entity that refers to itself or "
                         "expands too much: a 'billion laughs' bomb)";
            reason += ": " + message + " (line " + std::to_string(e->line) + ")";
        }
        // An encoding problem comes first and explains what follows ("Premature end of data").
        if (const std::string& first = quiet.first_line(); !first.empty())
            reason += "; libxml2: " + text::collapse_whitespace(text::to_valid_utf8(first));
        throw InputError(reason);
    }
    if (!xmlDocGetRootElement(doc.get())) throw InputError("XML document without a root element");
    return doc;
}

std::vector<std::string> refused_loads(const xmlDoc* doc) {
    std::vector<std::string> refused;
    auto quoted = [](const xmlChar* s) {
        return "'" + text::to_valid_utf8(std::string(view(s)).substr(0, 200)) + "'";
    };
    if (const xmlDtd* dtd = doc->intSubset) {
        if (dtd->SystemID)
            refused.push_back("external DTD " + quoted(dtd->SystemID) + " not loaded");
        for (const xmlNode* n = dtd->children; n; n = n->next) {
            if (n->type != XML_ENTITY_DECL) continue;
            const auto* entity = reinterpret_cast<const xmlEntity*>(n);
            if (!entity->SystemID) continue;
            const bool parameter = entity->etype == XML_EXTERNAL_PARAMETER_ENTITY;
            refused.push_back(
                std::string(parameter ? "external parameter entity " : "external entity ") +
                quoted(entity->name) + " (" +
                text::to_valid_utf8(std::string(view(entity->SystemID)).substr(0, 200)) +
                ") not loaded");
        }
    }
    // XIncludes: never processed (no XML_PARSE_XINCLUDE); said once per element.
    const xmlNode* n = xmlDocGetRootElement(doc);
    while (n) {
        if (n->type == XML_ELEMENT_NODE && local_name(n) == "include" &&
            ns_of(n).starts_with("http://www.w3.org/2001/XInclude"))
            refused.push_back("XInclude of '" +
                              text::to_valid_utf8(attr(n, "href").substr(0, 200)) +
                              "' not processed");
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && !n->next && n->parent && n->parent->type == XML_ELEMENT_NODE)
            n = n->parent;
        n = n ? n->next : nullptr;
    }
    return refused;
}

std::string_view local_name(const xmlNode* node) {
    return view(node->name);
}

std::string_view ns_of(const xmlNode* node) {
    return node->ns ? view(node->ns->href) : std::string_view();
}

bool is(const xmlNode* node, std::string_view local, std::string_view ns) {
    if (!node || node->type != XML_ELEMENT_NODE || local_name(node) != local) return false;
    return ns == any_ns || ns_of(node) == ns;
}

bool is(const xmlNode* node, std::string_view local, std::string_view ns1, std::string_view ns2) {
    return is(node, local, ns1) || is(node, local, ns2);
}

const xmlNode* child(const xmlNode* parent, std::string_view local, std::string_view ns) {
    if (!parent) return nullptr;
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (is(c, local, ns)) return c;
    return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* parent, std::string_view local,
                                     std::string_view ns) {
    std::vector<const xmlNode*> out;
    if (!parent) return out;
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (is(c, local, ns)) out.push_back(c);
    return out;
}

std::vector<const xmlNode*> elements(const xmlNode* parent) {
    std::vector<const xmlNode*> out;
    if (!parent) return out;
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) out.push_back(c);
    return out;
}

std::string raw_text(const xmlNode* node) {
    std::string out;
    if (node) collect_text(node, out);
    return out;
}

std::string text(const xmlNode* node) {
    return text::collapse_whitespace(raw_text(node));
}

std::string attr(const xmlNode* node, const char* name) {
    if (!node) return {};
    XmlString value(xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name)));
    return std::string(view(value.get()));
}

std::string lang(const xmlNode* node) {
    if (!node) return {};
    XmlString value(xmlNodeGetLang(node));
    return std::string(view(value.get()));
}

} // namespace dateline::xml
