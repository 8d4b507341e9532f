#include "nitf_reader.h"

#include "indexer/sources/html_text.h"
#include "indexer/sources/xml_document.h"

#include <cctype>

namespace dateline {

namespace {

// First descendant element named `local` (depth first), or nullptr.
const xmlNode* find(const xmlNode* node, std::string_view local) {
    if (!node) return nullptr;
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xml::local_name(c) == local) return c;
        if (const xmlNode* hit = find(c, local)) return hit;
    }
    return nullptr;
}

void find_all(const xmlNode* node, std::string_view local, std::vector<const xmlNode*>& out) {
    if (!node) return;
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xml::local_name(c) == local)
            out.push_back(c);
        else
            find_all(c, local, out);
    }
}

bool digits(std::string_view s) {
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return !s.empty();
}

std::optional<Timestamp> date_of(const xmlNode* node, std::string_view field) {
    if (!node) return std::nullopt;
    std::string norm = text::collapse_whitespace(xml::attr(node, "norm"));
    if (norm.empty()) return date_field(field, xml::text(node));
    if (auto ts = parse_nitf_date(norm)) return ts;
    throw ItemError("unparseable " + std::string(field) + " '" + norm + "'");
}

std::string strip_by(std::string s) {
    std::string folded = text::fold_case(s);
    if (folded.starts_with("by ")) s.erase(0, 3);
    return text::collapse_whitespace(s);
}

void add_byline(Article& a, const xmlNode* byline) {
    std::vector<const xmlNode*> persons;
    find_all(byline, "person", persons);
    if (!persons.empty()) {
        for (const xmlNode* p : persons)
            add_unique(a.authors, xml::text(p));
        return;
    }
    // The byline's own text, without the title (byttl): "By Jane Roe and Ola Nordmann".
    std::string own;
    for (const xmlNode* c = byline->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content)
            own += reinterpret_cast<const char*>(c->content);
        else if (c->type == XML_ELEMENT_NODE && xml::local_name(c) != "byttl")
            own += xml::raw_text(c);
    }
    std::string names = strip_by(own);
    std::size_t start = 0;
    while (start <= names.size()) {
        std::size_t cut = names.find(" and ", start);
        std::size_t comma = names.find(", ", start);
        if (comma < cut) cut = comma;
        std::string_view name = std::string_view(names).substr(
            start, cut == std::string::npos ? std::string::npos : cut - start);
        while (!name.empty() && (name.back() == ',' || name.back() == ';' || name.back() == ' '))
            name.remove_suffix(1);
        add_unique(a.authors, name);
        if (cut == std::string::npos) break;
        start = cut + (names.compare(cut, 5, " and ") == 0 ? 5 : 2);
    }
}

void add_location(Article& a, const xmlNode* location) {
    // <location><city>Oslo</city><country>Norway</country></location>, or plain text.
    bool structured = false;
    for (const xmlNode* part : xml::elements(location)) {
        std::string_view n = xml::local_name(part);
        if (n == "city" || n == "state" || n == "region" || n == "country" || n == "sublocation") {
            add_unique(a.tags, xml::text(part));
            structured = true;
        }
    }
    if (!structured) add_unique(a.tags, xml::text(location));
}

} // namespace

std::optional<Timestamp> parse_nitf_date(std::string_view norm) {
    std::string s(text::trim(norm));
    if (s.size() >= 8 && digits(s.substr(0, 8)) && (s.size() == 8 || s[8] == 'T')) {
        std::string iso = s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2);
        if (s.size() > 8) {
            std::string time = s.substr(9);
            std::size_t n = 0;
            while (n < time.size() && std::isdigit(static_cast<unsigned char>(time[n])))
                ++n;
            std::string hms = time.substr(0, n), zone = time.substr(n);
            if (hms.size() != 4 && hms.size() != 6) return std::nullopt;
            iso += "T" + hms.substr(0, 2) + ":" + hms.substr(2, 2) + ":" +
                   (hms.size() == 6 ? hms.substr(4, 2) : "00");
            if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && digits(zone.substr(1)))
                zone = zone.substr(0, 3) + ":" + zone.substr(3);
            iso += zone.empty() ? "Z" : zone;
        }
        return dates::parse(iso);
    }
    return dates::parse(s); // extended ISO 8601 is accepted as well
}

Article nitf_article(const xmlNode* nitf) {
    Article a;
    const xmlNode* head = xml::child(nitf, "head");
    const xmlNode* body = xml::child(nitf, "body");
    const xmlNode* docdata = xml::child(head, "docdata");
    const xmlNode* body_head = xml::child(body, "body.head");

    a.title = xml::text(find(xml::child(body_head, "hedline"), "hl1"));
    if (a.title.empty()) a.title = xml::text(xml::child(head, "title"));
    if (const xmlNode* doc_id = xml::child(docdata, "doc-id"))
        a.id = text::collapse_whitespace(xml::attr(doc_id, "id-string"));

    a.published = date_of(xml::child(docdata, "date.issue"), "date.issue");
    if (!a.published) a.published = date_of(xml::child(docdata, "date.release"), "date.release");
    if (!a.published) a.published = date_of(find(body_head, "story.date"), "story.date");

    if (const xmlNode* byline = find(body_head, "byline")) add_byline(a, byline);

    for (const xmlNode* key_list : xml::children(docdata, "key-list"))
        for (const xmlNode* keyword : xml::children(key_list, "keyword"))
            add_unique(a.tags, xml::attr(keyword, "key"));
    for (const xmlNode* evloc : xml::children(docdata, "evloc")) {
        for (const char* part : {"city", "state-prov", "county-dist"})
            add_unique(a.tags, xml::attr(evloc, part));
        add_unique(a.tags, xml::text(evloc));
    }
    if (const xmlNode* location = find(find(body_head, "dateline"), "location"))
        add_location(a, location);

    a.description = block_text(find(body_head, "abstract"));
    if (a.description.empty())
        a.description = xml::text(find(xml::child(body_head, "hedline"), "hl2"));
    a.body = block_text(xml::child(body, "body.content"));

    if (const xmlNode* pubdata = xml::child(head, "pubdata")) {
        a.source = text::collapse_whitespace(xml::attr(pubdata, "name"));
        std::string ref = xml::attr(pubdata, "ex-ref");
        if (ref.starts_with("http://") || ref.starts_with("https://")) a.url = ref;
    }
    if (a.source.empty())
        a.source =
            text::collapse_whitespace(xml::attr(xml::child(docdata, "doc.copyright"), "holder"));
    a.language = language_code(xml::lang(nitf));
    if (a.language.empty()) a.language = language_code(xml::lang(xml::child(body, "body.content")));
    if (a.title.empty() && a.body.empty()) throw ItemError("no title and no text");
    return a;
}

void read_nitf(std::string_view bytes, const ItemOrigin& from, const SourceSink& sink) {
    xml::DocPtr doc = xml::parse(bytes);
    sink.warn_refused_loads(from.origin, doc.get());
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!xml::is(root, "nitf"))
        throw InputError("not NITF (root element <" + std::string(xml::local_name(root)) + ">)");
    try {
        sink.item(article_item(from, "", nitf_article(root)));
    } catch (const ItemError& e) {
        sink.reject(from.origin, e.what());
    }
}

} // namespace dateline
