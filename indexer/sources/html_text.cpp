#include "html_text.h"

#include "analyzers/text.h"
#include "indexer/extract/libxml.h"

#include <initializer_list>
#include <libxml/HTMLparser.h>

namespace dateline {

namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    for (auto n : names) {
        if (name.size() != n.size()) continue;
        bool same = true;
        for (std::size_t i = 0; same && i < n.size(); ++i)
            same = lower(name[i]) == n[i];
        if (same) return true;
    }
    return false;
}

bool skipped(std::string_view name) {
    return one_of(name, {"script", "style", "noscript", "head", "template", "media", "figure",
                         "iframe", "object", "svg", "button", "form"});
}

bool block(std::string_view name) {
    return one_of(name,
                  {"p",         "div",        "br",         "li",         "ul",     "ol",
                   "dl",        "dt",         "dd",         "h1",         "h2",     "h3",
                   "h4",        "h5",         "h6",         "blockquote", "pre",    "table",
                   "tr",        "section",    "article",    "header",     "footer", "aside",
                   "hr",        "figcaption", "block",      "hl1",        "hl2",    "body.content",
                   "body.head", "abstract",   "nitf-table", "hedline",    "byline", "dateline",
                   "tagline",   "address"});
}

class Paragraphs {
  public:
    void add(std::string_view s) { current_ += s; }
    void end() {
        std::string p = text::collapse_whitespace(current_);
        current_.clear();
        if (p.empty()) return;
        if (!out_.empty()) out_ += "\n\n";
        out_ += p;
    }
    std::string finish() {
        end();
        return std::move(out_);
    }

  private:
    std::string current_, out_;
};

void walk(const xmlNode* node, Paragraphs& out) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out.add(reinterpret_cast<const char*>(c->content));
        } else if (c->type == XML_ELEMENT_NODE) {
            std::string_view name = reinterpret_cast<const char*>(c->name);
            if (skipped(name)) continue;
            bool is_block = block(name);
            if (is_block) out.end();
            walk(c, out);
            if (is_block) out.end();
        }
        // Entity references are never expanded (see xml_document.h).
    }
}

} // namespace

std::string block_text(const xmlNode* node) {
    if (!node) return {};
    Paragraphs out;
    walk(node, out);
    return out.finish();
}

std::string html_to_text(std::string_view html) {
    if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos)
        return text::collapse_whitespace(html);
    const int options =
        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER;
    extract::XmlDocPtr doc(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
    if (!doc) return text::collapse_whitespace(html);
    return block_text(reinterpret_cast<const xmlNode*>(doc.get()));
}

} // namespace dateline
