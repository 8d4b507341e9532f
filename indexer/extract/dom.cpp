#include "indexer/extract/dom.h"

#include "analyzers/text.h"

#include <stdexcept>

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
        else if (name == "id" || name == slim_id)
            c.id = value;
        else if (name == "role")
            c.role = value;
        else if (name == "style")
            c.style = value;
        else if (name == "itemprop")
            c.itemprop = value;
        else if (name == "rel")
            c.rel = value;
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

TagSet::TagSet(std::initializer_list<std::string_view> names) {
    if (names.size() > slots / 2) throw std::logic_error("TagSet: too many names");
    for (auto n : names) {
        if (n.empty()) continue;
        std::uint64_t k = key(n);
        std::size_t i = slot(k);
        while (keys_[i] != 0 && names_[i] != n)
            i = (i + 1) % slots;
        keys_[i] = k;
        names_[i] = n;
    }
}

bool is_invisible(std::string_view tag) {
    static const TagSet tags{"script", "style",    "noscript", "template", "svg",
                             "head",   "iframe",   "object",   "embed",    "canvas",
                             "select", "textarea", "math"};
    return tags.contains(tag);
}

bool separates_text(std::string_view tag) {
    static const TagSet tags{
        "address",    "article", "aside",   "base",    "blockquote", "body",   "br",     "caption",
        "center",     "dd",      "details", "dialog",  "div",        "dl",     "dt",     "fieldset",
        "figcaption", "figure",  "footer",  "form",    "head",       "header", "hgroup", "hr",
        "html",       "li",      "link",    "main",    "menu",       "meta",   "nav",    "ol",
        "p",          "pre",     "section", "summary", "table",      "tbody",  "td",     "tfoot",
        "th",         "thead",   "title",   "tr",      "ul",         "h1",     "h2",     "h3",
        "h4",         "h5",      "h6"};
    return tags.contains(tag);
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
            if (separates_text(name(c))) out += ' ';
            return true;
        },
        [&](xmlNode* c) {
            if (separates_text(name(c))) out += ' ';
        });
    return text::collapse_whitespace(out);
}

} // namespace dateline::extract::dom
