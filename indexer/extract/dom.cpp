#include "indexer/extract/dom.h"

#include "analyzers/text.h"

namespace dateline::extract::dom {

std::string attr(const xmlNode* n, const char* attribute) {
    if (!is_element(n)) return "";
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
        if (a->name == nullptr || xmlStrcasecmp(a->name, BAD_CAST attribute) != 0) continue;
        std::string out;
        for (const xmlNode* c = a->children; c != nullptr; c = c->next)
            if (c->content != nullptr) out += reinterpret_cast<const char*>(c->content);
        return out;
    }
    return "";
}

std::string_view attr_view(const xmlNode* n, const char* attribute) {
    if (!is_element(n)) return {};
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
        if (a->name == nullptr || xmlStrcasecmp(a->name, BAD_CAST attribute) != 0) continue;
        if (a->children != nullptr && a->children->content != nullptr)
            return reinterpret_cast<const char*>(a->children->content);
        return {};
    }
    return {};
}

Cues cues(const xmlNode* n) {
    Cues c;
    if (!is_element(n)) return c;
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
        if (a->name == nullptr) continue;
        std::string_view name(reinterpret_cast<const char*>(a->name));
        std::string_view value;
        if (a->children != nullptr && a->children->content != nullptr)
            value = reinterpret_cast<const char*>(a->children->content);
        if (name == "class")
            c.cls = value;
        else if (name == "id")
            c.id = value;
        else if (name == "role")
            c.role = value;
        else if (name == "style")
            c.style = value;
        else if (name == "hidden")
            c.hidden = true;
        else if (name == "aria-hidden")
            c.aria_hidden = value == "true";
    }
    return c;
}

void append_lower(std::string& out, std::string_view s) {
    for (char ch : s)
        out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
}

bool has_attr(const xmlNode* n, const char* attribute) {
    if (!is_element(n)) return false;
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next)
        if (a->name != nullptr && xmlStrcasecmp(a->name, BAD_CAST attribute) == 0) return true;
    return false;
}

std::string_view node_text(const xmlNode* n) {
    if (n == nullptr || (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) ||
        n->content == nullptr)
        return {};
    return reinterpret_cast<const char*>(n->content);
}

bool is_invisible(std::string_view tag) {
    return tag == "script" || tag == "style" || tag == "noscript" || tag == "template" ||
           tag == "svg" || tag == "head" || tag == "iframe" || tag == "object" || tag == "embed" ||
           tag == "canvas" || tag == "select" || tag == "textarea" || tag == "math";
}

std::string text(const xmlNode* n, std::size_t max_bytes) {
    std::string out;
    walk(
        const_cast<xmlNode*>(n),
        [&](xmlNode* c) {
            if (out.size() > max_bytes) return false;
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                out += node_text(c);
                return false;
            }
            if (!is_element(c))
                return c->type == XML_DOCUMENT_NODE || c->type == XML_HTML_DOCUMENT_NODE;
            if (is_invisible(name(c))) return false;
            if (name(c) == "br") out += ' ';
            return true;
        },
        [&](xmlNode* c) {
            std::string_view t = name(c);
            if (t == "p" || t == "div" || t == "li" || t == "td" || t == "th" || t == "tr" ||
                (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6'))
                out += ' ';
        });
    return text::collapse_whitespace(out);
}

} // namespace dateline::extract::dom
