#include "feed_reader.h"

#include "indexer/sources/html_text.h"
#include "indexer/sources/xml_document.h"

namespace dateline {

namespace {

constexpr std::string_view atom_ns = "http://www.w3.org/2005/Atom";
constexpr std::string_view rss1_ns = "http://purl.org/rss/1.0/";
constexpr std::string_view content_ns = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view dc_ns = "http://purl.org/dc/elements/1.1/";

struct FeedInfo {
    std::string title;
    std::string language;
};

// An RSS core element: no namespace (RSS 0.9x/2.0) or the RSS 1.0 namespace.
const xmlNode* rss_child(const xmlNode* parent, std::string_view local) {
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (xml::is(c, local, xml::no_ns, rss1_ns)) return c;
    return nullptr;
}

// "jane@example.com (Jane Roe)" -> "Jane Roe"; a bare mail address is no name.
std::string rss_author(const std::string& value) {
    auto open = value.find('(');
    auto close = value.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open)
        return text::collapse_whitespace(
            std::string_view(value).substr(open + 1, close - open - 1));
    if (value.find('@') != std::string::npos && value.find(' ') == std::string::npos) return {};
    return value;
}

void finish(Article& a) {
    if (a.body.empty()) a.body = a.description;
    if (a.title.empty() && a.body.empty()) throw ItemError("no title and no text");
}

Article rss_item(const xmlNode* item, const FeedInfo& feed) {
    Article a;
    a.source = feed.title;
    a.language = feed.language;
    a.title = html_to_text(xml::raw_text(rss_child(item, "title")));
    a.url = xml::text(rss_child(item, "link"));
    if (a.url.empty()) a.url = xml::attr(item, "about"); // RSS 1.0: rdf:about
    if (const xmlNode* guid = rss_child(item, "guid")) {
        a.id = xml::text(guid);
        if (a.url.empty() && xml::attr(guid, "isPermaLink") != "false" && a.id.starts_with("http"))
            a.url = a.id;
    }
    a.published = date_field("pubDate", xml::text(rss_child(item, "pubDate")));
    if (!a.published)
        a.published = date_field("dc:date", xml::text(xml::child(item, "date", dc_ns)));
    for (const xmlNode* n : xml::children(item, "author", xml::no_ns))
        add_unique(a.authors, rss_author(xml::text(n)));
    for (const xmlNode* n : xml::children(item, "creator", dc_ns))
        add_unique(a.authors, xml::text(n));
    for (const xmlNode* n : xml::children(item, "category", xml::no_ns))
        add_unique(a.tags, xml::text(n));
    for (const xmlNode* n : xml::children(item, "subject", dc_ns))
        add_unique(a.tags, xml::text(n));
    a.description = html_to_text(xml::raw_text(rss_child(item, "description")));
    if (const xmlNode* content = xml::child(item, "encoded", content_ns))
        a.body = html_to_text(xml::raw_text(content));
    if (std::string lang = language_code(xml::text(xml::child(item, "language", dc_ns)));
        !lang.empty())
        a.language = lang;
    finish(a);
    return a;
}

// Atom text constructs: type "text" (default), "html" (escaped markup) or "xhtml" (a div).
std::string atom_text(const xmlNode* node) {
    if (!node) return {};
    std::string type = xml::attr(node, "type");
    if (type == "html" || type == "text/html") return html_to_text(xml::raw_text(node));
    if (type == "xhtml" || type == "application/xhtml+xml") return block_text(node);
    if (!xml::attr(node, "src").empty()) return {}; // out-of-line content
    return xml::text(node);
}

Article atom_entry(const xmlNode* entry, const FeedInfo& feed) {
    Article a;
    a.source = feed.title;
    a.language = language_code(xml::lang(entry));
    if (a.language.empty()) a.language = feed.language;
    a.title = atom_text(xml::child(entry, "title", atom_ns));
    for (const xmlNode* link : xml::children(entry, "link", atom_ns)) {
        std::string rel = xml::attr(link, "rel");
        if (rel.empty() || rel == "alternate") {
            a.url = xml::attr(link, "href");
            break;
        }
    }
    a.id = xml::text(xml::child(entry, "id", atom_ns));
    a.updated = date_field("updated", xml::text(xml::child(entry, "updated", atom_ns)));
    a.published = date_field("published", xml::text(xml::child(entry, "published", atom_ns)));
    if (!a.published) a.published = a.updated;
    for (const xmlNode* author : xml::children(entry, "author", atom_ns))
        add_unique(a.authors, xml::text(xml::child(author, "name", atom_ns)));
    for (const xmlNode* n : xml::children(entry, "creator", dc_ns))
        add_unique(a.authors, xml::text(n));
    for (const xmlNode* category : xml::children(entry, "category", atom_ns)) {
        std::string label = xml::attr(category, "label");
        add_unique(a.tags, label.empty() ? xml::attr(category, "term") : label);
    }
    a.description = atom_text(xml::child(entry, "summary", atom_ns));
    a.body = atom_text(xml::child(entry, "content", atom_ns));
    finish(a);
    return a;
}

template <class Map>
void emit_items(const std::vector<const xmlNode*>& items, Map map, const FeedInfo& feed,
                const ItemOrigin& from, const SourceSink& sink) {
    std::size_t number = 0;
    for (const xmlNode* node : items) {
        std::string record = std::to_string(++number);
        try {
            sink.item(article_item(from, record, map(node, feed)));
        } catch (const ItemError& e) {
            sink.reject(from.location(record), e.what());
        }
    }
}

} // namespace

void read_feed(std::string_view bytes, const ItemOrigin& from, const SourceSink& sink) {
    xml::DocPtr doc = xml::parse(bytes);
    sink.warn_refused_loads(from.origin, doc.get());
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    FeedInfo feed;
    if (xml::is(root, "feed", atom_ns)) {
        feed.title = atom_text(xml::child(root, "title", atom_ns));
        feed.language = language_code(xml::lang(root));
        emit_items(xml::children(root, "entry", atom_ns), atom_entry, feed, from, sink);
        return;
    }
    if (xml::is(root, "rss", xml::no_ns) || xml::is(root, "RDF")) {
        const xmlNode* channel = rss_child(root, "channel");
        if (!channel) throw InputError("RSS without a channel");
        feed.title = xml::text(rss_child(channel, "title"));
        feed.language = language_code(xml::text(rss_child(channel, "language")));
        if (feed.language.empty())
            feed.language = language_code(xml::text(xml::child(channel, "language", dc_ns)));
        // RSS 2.0 items are in the channel; RSS 1.0 items are the channel's siblings.
        std::vector<const xmlNode*> items;
        for (const xmlNode* c = channel->children; c; c = c->next)
            if (xml::is(c, "item", xml::no_ns, rss1_ns)) items.push_back(c);
        for (const xmlNode* c = root->children; c; c = c->next)
            if (xml::is(c, "item", xml::no_ns, rss1_ns)) items.push_back(c);
        emit_items(items, rss_item, feed, from, sink);
        return;
    }
    throw InputError("not an RSS or Atom feed (root element <" +
                     std::string(xml::local_name(root)) + ">)");
}

} // namespace dateline
