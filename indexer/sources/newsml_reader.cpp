#include "newsml_reader.h"

#include "indexer/sources/html_text.h"
#include "indexer/sources/nitf_reader.h"
#include "indexer/sources/xml_document.h"

namespace dateline {

namespace {

bool is_url(std::string_view s) {
    return s.starts_with("http://") || s.starts_with("https://");
}

// A name: the <name> child, else the literal attribute.
std::string concept_name(const xmlNode* node) {
    std::string name = xml::text(xml::child(node, "name"));
    if (name.empty()) name = text::collapse_whitespace(xml::attr(node, "literal"));
    return name;
}

// Plain text: paragraphs at blank lines, white space collapsed inside them.
std::string plain_paragraphs(std::string_view raw) {
    std::string out;
    std::size_t start = 0;
    while (start < raw.size()) {
        std::size_t cut = raw.find("\n\n", start);
        std::string p = text::collapse_whitespace(
            raw.substr(start, cut == std::string_view::npos ? raw.npos : cut - start));
        if (!p.empty()) out += (out.empty() ? "" : "\n\n") + p;
        if (cut == std::string_view::npos) break;
        start = cut + 2;
    }
    return out;
}

// Fills the body (and empty fields) from the first text rendition of contentSet.
void add_content(Article& a, const xmlNode* content_set) {
    for (const xmlNode* rendition : xml::elements(content_set)) {
        std::string type = text::fold_case(xml::attr(rendition, "contenttype"));
        if (xml::is(rendition, "inlineXML")) {
            for (const xmlNode* root : xml::elements(rendition)) {
                if (xml::is(root, "nitf")) {
                    Article nitf = nitf_article(root);
                    a.body = nitf.body;
                    if (a.title.empty()) a.title = nitf.title;
                    if (a.description.empty()) a.description = nitf.description;
                    if (a.authors.empty()) a.authors = nitf.authors;
                    if (!a.published) a.published = nitf.published;
                    for (const auto& tag : nitf.tags)
                        add_unique(a.tags, tag);
                } else if (xml::is(root, "html")) {
                    const xmlNode* body = xml::child(root, "body");
                    a.body = block_text(body ? body : root);
                } else {
                    a.body = block_text(root);
                }
                if (!a.body.empty()) return;
            }
        } else if (xml::is(rendition, "inlineData")) {
            std::string raw = xml::raw_text(rendition);
            a.body =
                type.find("html") != std::string::npos ? html_to_text(raw) : plain_paragraphs(raw);
            if (!a.body.empty()) return;
        }
    }
}

Article news_item(const xmlNode* item) {
    Article a;
    const xmlNode* item_meta = xml::child(item, "itemMeta");
    const xmlNode* content_meta = xml::child(item, "contentMeta");
    a.id = text::collapse_whitespace(xml::attr(item, "guid"));
    a.title = xml::text(xml::child(content_meta, "headline"));
    a.description = xml::text(xml::child(content_meta, "description"));
    a.published =
        date_field("contentCreated", xml::text(xml::child(content_meta, "contentCreated")));
    if (!a.published)
        a.published = date_field("firstCreated", xml::text(xml::child(item_meta, "firstCreated")));
    a.updated = date_field("versionCreated", xml::text(xml::child(item_meta, "versionCreated")));
    if (!a.updated)
        a.updated =
            date_field("contentModified", xml::text(xml::child(content_meta, "contentModified")));
    if (!a.published) a.published = a.updated;
    for (const xmlNode* creator : xml::children(content_meta, "creator"))
        add_unique(a.authors, concept_name(creator));
    for (const xmlNode* subject : xml::children(content_meta, "subject"))
        add_unique(a.tags, concept_name(subject));
    for (const xmlNode* keyword : xml::children(content_meta, "keyword"))
        add_unique(a.tags, xml::text(keyword));
    for (const xmlNode* located : xml::children(content_meta, "located"))
        add_unique(a.tags, concept_name(located));
    a.language = language_code(xml::attr(xml::child(content_meta, "language"), "tag"));
    if (a.language.empty()) a.language = language_code(xml::lang(item));
    a.source = concept_name(xml::child(item_meta, "provider"));
    for (const xmlNode* link : xml::children(item_meta, "link")) {
        std::string rel = xml::attr(link, "rel"), href = xml::attr(link, "href");
        if ((rel == "irel:canonical" || rel == "irel:seeAlso") && is_url(href)) {
            a.url = href;
            break;
        }
    }
    add_content(a, xml::child(item, "contentSet"));
    if (a.title.empty() && a.body.empty()) throw ItemError("no title and no text");
    return a;
}

void emit(const xmlNode* item, const std::string& record, const ItemOrigin& from,
          const SourceSink& sink) {
    try {
        sink.item(article_item(from, record, news_item(item)));
    } catch (const ItemError& e) {
        sink.reject(from.location(record), e.what());
    }
}

} // namespace

void read_newsml(std::string_view bytes, const ItemOrigin& from, const SourceSink& sink) {
    xml::DocPtr doc = xml::parse(bytes);
    sink.warn_refused_loads(from.origin, doc.get());
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (xml::is(root, "newsItem")) {
        emit(root, "", from, sink);
        return;
    }
    if (!xml::is(root, "newsMessage"))
        throw InputError("not NewsML-G2 (root element <" + std::string(xml::local_name(root)) +
                         ">)");
    std::size_t number = 0;
    for (const xmlNode* item_set : xml::children(root, "itemSet"))
        for (const xmlNode* item : xml::children(item_set, "newsItem"))
            emit(item, std::to_string(++number), from, sink);
}

} // namespace dateline
