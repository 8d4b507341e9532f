#include "indexer/extract/metadata.h"

#include "analyzers/text.h"
#include "indexer/extract/dom.h"
#include "indexer/extract/relative_date.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>
#include <utility>

namespace dateline::extract {

namespace {

using nlohmann::json;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool contains(std::string_view hay, std::string_view needle) {
    return hay.find(needle) != std::string_view::npos;
}

// A candidate with its rank (lower is better) while collecting.
struct Ranked {
    int rank;
    Candidate c;
};

struct Collector {
    std::vector<Ranked> title, published, updated, authors, source, section, tags, language, url,
        description, copyright;
    std::vector<std::string> headings;

    static void add(std::vector<Ranked>& v, int rank, std::string value, std::string origin) {
        std::string clean = text::collapse_whitespace(text::to_valid_utf8(value));
        if (clean.empty() || clean.size() > 2000) return;
        v.push_back({rank, {std::move(clean), std::move(origin)}});
    }

    static std::vector<Candidate> done(std::vector<Ranked>& v) {
        std::stable_sort(v.begin(), v.end(),
                         [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });
        std::vector<Candidate> out;
        for (auto& r : v) {
            bool dup = std::any_of(out.begin(), out.end(), [&](const Candidate& c) {
                return c.value == r.c.value && c.origin == r.c.origin;
            });
            if (!dup) out.push_back(std::move(r.c));
        }
        return out;
    }
};

// ---- JSON-LD ----------------------------------------------------------------------------------

bool is_article_type(const json& obj) {
    auto it = obj.find("@type");
    if (it == obj.end()) return false;
    auto check = [](const json& t) {
        if (!t.is_string()) return false;
        std::string s = t.get<std::string>();
        if (auto slash = s.rfind('/'); slash != std::string::npos) s = s.substr(slash + 1);
        return s.ends_with("Article") || s == "BlogPosting" || s == "LiveBlogPosting" ||
               s == "Report" || s == "SocialMediaPosting";
    };
    if (it->is_array()) return std::any_of(it->begin(), it->end(), check);
    return check(*it);
}

bool has_type(const json& obj, std::string_view type) {
    auto it = obj.find("@type");
    if (it == obj.end()) return false;
    if (it->is_string()) return it->get<std::string>() == type;
    if (it->is_array())
        return std::any_of(it->begin(), it->end(), [&](const json& t) {
            return t.is_string() && t.get<std::string>() == type;
        });
    return false;
}

// HTML character references left in JSON-LD strings ("&#8220;", "&amp;", "&nbsp;").
std::string decode_entities(const std::string& s) {
    if (s.find('&') == std::string::npos) return s;
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        std::size_t semi = s.find(';', i);
        if (semi == std::string::npos || semi - i > 10) {
            out += s[i];
            continue;
        }
        std::string_view name(s.data() + i + 1, semi - i - 1);
        unsigned cp = 0;
        if (name.starts_with("#x") || name.starts_with("#X")) {
            for (char c : name.substr(2)) {
                if (!std::isxdigit(static_cast<unsigned char>(c))) {
                    cp = 0;
                    break;
                }
                cp = cp * 16 + static_cast<unsigned>(std::isdigit(static_cast<unsigned char>(c))
                                                         ? c - '0'
                                                         : (std::tolower(c) - 'a' + 10));
            }
        } else if (name.starts_with("#")) {
            for (char c : name.substr(1)) {
                if (!std::isdigit(static_cast<unsigned char>(c))) {
                    cp = 0;
                    break;
                }
                cp = cp * 10 + static_cast<unsigned>(c - '0');
            }
        } else if (name == "amp")
            cp = '&';
        else if (name == "quot")
            cp = '"';
        else if (name == "apos")
            cp = '\'';
        else if (name == "lt")
            cp = '<';
        else if (name == "gt")
            cp = '>';
        else if (name == "nbsp")
            cp = 0xA0;
        if (cp == 0 || cp > 0x10FFFF) {
            out += s[i];
            continue;
        }
        text::append_utf8(out, cp);
        i = semi;
    }
    return out;
}

// The text of a JSON-LD value: a string, a number, or an object's name / @value / @id.
std::string ld_text(const json& v) {
    if (v.is_string()) return decode_entities(v.get<std::string>());
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_object()) {
        for (const char* key : {"name", "@value"}) {
            auto it = v.find(key);
            if (it != v.end()) return ld_text(*it);
        }
    }
    if (v.is_array() && !v.empty()) return ld_text(v.front());
    return "";
}

std::vector<std::string> ld_list(const json& v) {
    std::vector<std::string> out;
    if (v.is_array()) {
        for (const auto& e : v)
            if (std::string s = ld_text(e); !s.empty()) out.push_back(s);
    } else if (std::string s = ld_text(v); !s.empty()) {
        out.push_back(s);
    }
    return out;
}

std::vector<std::string> split_list(std::string_view s, std::string_view seps) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || seps.find(s[i]) != std::string_view::npos) {
            std::string item(text::trim(s.substr(start, i - start)));
            if (!item.empty()) out.push_back(item);
            start = i + 1;
        }
    }
    return out;
}

std::string sanitize_json(std::string_view raw) {
    std::string s(text::trim(raw));
    auto strip = [&](std::string_view open, std::string_view close) {
        if (s.starts_with(open)) s.erase(0, open.size());
        if (s.ends_with(close)) s.erase(s.size() - close.size());
        s = std::string(text::trim(s));
    };
    strip("//<![CDATA[", "//]]>");
    strip("<![CDATA[", "]]>");
    strip("<!--", "-->");
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return s;
}

void read_ld_article(const json& a, Collector& m) {
    const std::string o = "json-ld";
    auto get = [&](const char* key) -> const json* {
        auto it = a.find(key);
        return it == a.end() ? nullptr : &*it;
    };
    if (auto* v = get("headline"))
        Collector::add(m.title, 1, ld_text(*v), o + " headline");
    else if (auto* n = get("name"))
        Collector::add(m.title, 1, ld_text(*n), o + " name");
    if (auto* v = get("datePublished"))
        Collector::add(m.published, 1, ld_text(*v), o);
    else if (auto* c = get("dateCreated"))
        Collector::add(m.published, 2, ld_text(*c), o);
    if (auto* v = get("dateModified")) Collector::add(m.updated, 1, ld_text(*v), o);
    for (const char* key : {"author", "creator"}) {
        if (auto* v = get(key)) {
            for (const auto& name : ld_list(*v))
                Collector::add(m.authors, 1, clean_author(name), o + " " + key);
            break;
        }
    }
    if (auto* v = get("publisher")) Collector::add(m.source, 1, ld_text(*v), o + " publisher");
    if (auto* v = get("keywords")) {
        std::vector<std::string> words;
        if (v->is_string())
            words = split_list(v->get<std::string>(), ",;");
        else
            words = ld_list(*v);
        for (auto& w : words)
            Collector::add(m.tags, 1, w, o + " keywords");
    }
    if (auto* v = get("articleSection")) Collector::add(m.section, 1, ld_text(*v), o);
    if (auto* v = get("inLanguage")) {
        std::string lang = v->is_object() && v->contains("alternateName")
                               ? ld_text((*v)["alternateName"])
                               : ld_text(*v);
        Collector::add(m.language, 1, lang, o);
    }
    if (auto* v = get("description")) Collector::add(m.description, 1, ld_text(*v), o);
    if (auto* v = get("url"); v && v->is_string()) Collector::add(m.url, 3, ld_text(*v), o);
    if (auto* v = get("mainEntityOfPage")) {
        std::string id = v->is_object() && v->contains("@id") ? ld_text((*v)["@id"]) : ld_text(*v);
        if (id.starts_with("http")) Collector::add(m.url, 3, id, o + " mainEntityOfPage");
    }
}

void read_json_ld(std::string_view raw, Collector& m, bool& found_article) {
    json doc = json::parse(sanitize_json(raw), nullptr, false);
    if (doc.is_discarded()) return;
    std::vector<std::pair<const json*, int>> stack{{&doc, 0}};
    int visited = 0;
    while (!stack.empty() && ++visited < 5000) {
        auto [v, depth] = stack.back();
        stack.pop_back();
        if (v->is_array()) {
            if (depth < 8)
                for (auto it = v->rbegin(); it != v->rend(); ++it)
                    stack.push_back({&*it, depth + 1});
            continue;
        }
        if (!v->is_object()) continue;
        if (is_article_type(*v)) {
            if (!found_article) read_ld_article(*v, m);
            found_article = true;
            continue;
        }
        if ((has_type(*v, "Organization") || has_type(*v, "NewsMediaOrganization") ||
             has_type(*v, "WebSite")) &&
            depth <= 2 && v->contains("name"))
            Collector::add(m.source, 5, ld_text((*v)["name"]), "json-ld " + ld_text((*v)["@type"]));
        if (depth < 8) {
            std::vector<const json*> kids;
            for (auto it = v->begin(); it != v->end(); ++it)
                if (it->is_object() || it->is_array()) kids.push_back(&*it);
            for (auto it = kids.rbegin(); it != kids.rend(); ++it)
                stack.push_back({*it, depth + 1});
        }
    }
}

// ---- <meta> -----------------------------------------------------------------------------------

enum class Field {
    title,
    published,
    updated,
    author,
    source,
    section,
    tags,
    language,
    url,
    description
};

struct MetaRule {
    const char* key;
    Field field;
    int rank;
};

constexpr std::array meta_rules{
    MetaRule{"og:title", Field::title, 2},
    MetaRule{"twitter:title", Field::title, 3},
    MetaRule{"dc.title", Field::title, 4},
    MetaRule{"parsely-title", Field::title, 3},
    MetaRule{"sailthru.title", Field::title, 4},
    MetaRule{"headline", Field::title, 2},
    MetaRule{"article:published_time", Field::published, 2},
    MetaRule{"article:published", Field::published, 2},
    MetaRule{"og:article:published_time", Field::published, 2},
    MetaRule{"datepublished", Field::published, 2},
    MetaRule{"parsely-pub-date", Field::published, 3},
    MetaRule{"pubdate", Field::published, 3},
    MetaRule{"publishdate", Field::published, 3},
    MetaRule{"publish-date", Field::published, 3},
    MetaRule{"publish_date", Field::published, 3},
    MetaRule{"publication_date", Field::published, 3},
    MetaRule{"article.published", Field::published, 3},
    MetaRule{"dc.date.issued", Field::published, 3},
    MetaRule{"dcterms.issued", Field::published, 3},
    MetaRule{"dcterms.created", Field::published, 3},
    MetaRule{"dc.date.created", Field::published, 3},
    MetaRule{"original-publish-date", Field::published, 3},
    MetaRule{"citation_publication_date", Field::published, 3},
    MetaRule{"sailthru.date", Field::published, 4},
    MetaRule{"date", Field::published, 4},
    MetaRule{"dc.date", Field::published, 4},
    MetaRule{"article:modified_time", Field::updated, 2},
    MetaRule{"og:updated_time", Field::updated, 3},
    MetaRule{"datemodified", Field::updated, 2},
    MetaRule{"dcterms.modified", Field::updated, 3},
    MetaRule{"article.updated", Field::updated, 3},
    MetaRule{"author", Field::author, 2},
    MetaRule{"article:author", Field::author, 3},
    MetaRule{"dc.creator", Field::author, 3},
    MetaRule{"parsely-author", Field::author, 3},
    MetaRule{"sailthru.author", Field::author, 4},
    MetaRule{"byl", Field::author, 4},
    MetaRule{"og:site_name", Field::source, 2},
    MetaRule{"application-name", Field::source, 4},
    MetaRule{"publisher", Field::source, 3},
    MetaRule{"dc.publisher", Field::source, 3},
    MetaRule{"article:section", Field::section, 2},
    MetaRule{"parsely-section", Field::section, 3},
    MetaRule{"section", Field::section, 3},
    MetaRule{"articlesection", Field::section, 2},
    MetaRule{"article:tag", Field::tags, 2},
    MetaRule{"news_keywords", Field::tags, 3},
    MetaRule{"keywords", Field::tags, 4},
    MetaRule{"parsely-tags", Field::tags, 4},
    MetaRule{"og:locale", Field::language, 2},
    MetaRule{"content-language", Field::language, 4},
    MetaRule{"dc.language", Field::language, 3},
    MetaRule{"inlanguage", Field::language, 2},
    MetaRule{"og:url", Field::url, 2},
    MetaRule{"description", Field::description, 2},
    MetaRule{"og:description", Field::description, 3},
    MetaRule{"twitter:description", Field::description, 4},
};

std::vector<Ranked>& field_list(Collector& m, Field f) {
    switch (f) {
    case Field::title:
        return m.title;
    case Field::published:
        return m.published;
    case Field::updated:
        return m.updated;
    case Field::author:
        return m.authors;
    case Field::source:
        return m.source;
    case Field::section:
        return m.section;
    case Field::tags:
        return m.tags;
    case Field::language:
        return m.language;
    case Field::url:
        return m.url;
    case Field::description:
        return m.description;
    }
    return m.title;
}

void read_meta(xmlNode* n, Collector& m) {
    std::string attr_kind = "property";
    std::string key = dom::attr(n, "property");
    if (key.empty()) key = dom::attr(n, "name"), attr_kind = "name";
    if (key.empty()) key = dom::attr(n, "itemprop"), attr_kind = "itemprop";
    if (key.empty()) key = dom::attr(n, "http-equiv"), attr_kind = "http-equiv";
    if (key.empty()) return;
    std::string value = dom::attr(n, "content");
    if (text::trim(value).empty()) return;
    std::string k = lower(text::trim(key));
    for (const auto& rule : meta_rules) {
        if (k != rule.key) continue;
        std::string origin =
            k.starts_with("og:") || k.starts_with("article:") || k.starts_with("twitter:")
                ? k
                : "meta[" + attr_kind + "=" + k + "]";
        if (rule.field == Field::author) {
            if (contains(value, "://") || value.starts_with("www.")) return;
            for (auto& a : split_list(value, ";"))
                Collector::add(m.authors, rule.rank, clean_author(a), origin);
        } else if (rule.field == Field::tags) {
            for (auto& t : split_list(value, ",;"))
                Collector::add(m.tags, rule.rank, t, origin);
        } else {
            Collector::add(field_list(m, rule.field), rule.rank, value, origin);
        }
        return;
    }
}

// ---- the page walk ----------------------------------------------------------------------------

bool class_has(const std::string& cls, std::string_view word) {
    return contains(cls, word);
}

// Author and date from a byline's text: "By Jane Doe | November 19, 2019".
void read_byline(const std::string& raw, Collector& m) {
    std::string t = raw;
    if (t.empty() || t.size() > 200) return;
    Collector::add(m.published, 7, t, "byline");
    std::string name = t;
    for (std::string_view cut :
         {"|", " - ", " — ", " – ", "\n", " on ", "Updated", "Published", "Posted", " at ", ", "}) {
        auto p = name.find(cut);
        if (p != std::string::npos && p > 0) name = name.substr(0, p);
    }
    Collector::add(m.authors, 6, clean_author(name), "byline");
}

} // namespace

std::string clean_author(std::string_view raw) {
    std::string s = text::collapse_whitespace(raw);
    for (std::string_view prefix :
         {"By ", "by ", "BY ", "Written by ", "Von ", "Por ", "Par ", "Author: ", "Autor: "}) {
        if (s.starts_with(prefix)) {
            s.erase(0, prefix.size());
            break;
        }
    }
    s = std::string(text::trim(s));
    if (s.empty() || s.size() > 80 || contains(s, "://") || contains(s, "@") || contains(s, "www."))
        return "";
    std::size_t words = text::tokenize(s).size();
    if (words == 0 || words > 6) return "";
    if (!std::any_of(s.begin(), s.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
        }))
        return "";
    return s;
}

std::string copyright_holder(std::string_view line) {
    auto c = line.find("\xC2\xA9"); // ©
    if (c == std::string_view::npos) return "";
    std::string rest(line.substr(c + 2));
    std::string name;
    bool paren = false;
    for (char ch : rest) { // parenthesised versions and notes are left out
        if (ch == '(')
            paren = true;
        else if (ch == ')')
            paren = false;
        else if (!paren)
            name += ch;
    }
    for (std::string_view stop : {"All rights", "all rights", "ALL RIGHTS", ". ", " | ", " - "})
        if (auto r = name.find(stop); r != std::string::npos) name.erase(r);
    name = text::collapse_whitespace(name);
    if (name.starts_with("Copyright ")) name.erase(0, 10);
    // Leading years and year ranges ("2019", "2005-2021,") are no part of the name.
    while (!name.empty()) {
        std::size_t end = name.find(' ');
        std::string_view word = std::string_view(name).substr(0, end);
        bool year = !word.empty() && std::all_of(word.begin(), word.end(), [](char ch) {
            return std::isdigit(static_cast<unsigned char>(ch)) || ch == '-' || ch == ',' ||
                   ch == '.';
        });
        if (!year) break;
        name.erase(0, end == std::string::npos ? name.size() : end + 1);
    }
    if (name.starts_with("Copyright ")) name.erase(0, 10);
    while (!name.empty() && (name.back() == '.' || name.back() == ' ' || name.back() == ','))
        name.pop_back();
    auto words = text::tokenize(name);
    if (words.empty() || words.size() > 4) return "";
    char first = words.front().text[0];
    if (!text::starts_upper(words.front().text) && !std::isdigit(static_cast<unsigned char>(first)))
        return "";
    return name;
}

std::string host_of(const std::string& url) {
    auto scheme = url.find("://");
    if (scheme == std::string::npos) return "";
    std::size_t start = scheme + 3;
    std::size_t end = url.find_first_of("/?#", start);
    std::string host =
        lower(url.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
    if (auto colon = host.find(':'); colon != std::string::npos) host.erase(colon);
    return host;
}

std::string name_from_host(const std::string& host) {
    std::string h = host;
    for (std::string_view p : {"www.", "www2.", "m.", "amp.", "mobile.", "edition.", "hosted."})
        if (h.starts_with(p) && h.size() > p.size() + 3) {
            h.erase(0, p.size());
            break;
        }
    return h;
}

std::string date_from_url(const std::string& url) {
    std::string path = url;
    if (auto scheme = url.find("://"); scheme != std::string::npos) {
        auto slash = url.find('/', scheme + 3);
        path = slash == std::string::npos ? "" : url.substr(slash);
    }
    auto digits = [&](std::size_t i, std::size_t n) {
        if (i + n > path.size()) return -1;
        int v = 0;
        for (std::size_t k = i; k < i + n; ++k) {
            if (!std::isdigit(static_cast<unsigned char>(path[k]))) return -1;
            v = v * 10 + (path[k] - '0');
        }
        return v;
    };
    auto ok = [](int y, int mo, int d) {
        return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
    };
    auto fmt = [](int y, int mo, int d) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
        return std::string(buf);
    };
    for (std::size_t i = 0; i + 8 <= path.size(); ++i) {
        if (i > 0 && std::isdigit(static_cast<unsigned char>(path[i - 1]))) continue;
        int y = digits(i, 4);
        if (y < 0) continue;
        char sep = i + 4 < path.size() ? path[i + 4] : 0;
        if (sep == '/' || sep == '-' || sep == '_') {
            int mo = digits(i + 5, 2);
            char sep2 = i + 7 < path.size() ? path[i + 7] : 0;
            if (mo < 0 || sep2 != sep) continue;
            int d = digits(i + 8, 2);
            bool end =
                i + 10 >= path.size() || !std::isdigit(static_cast<unsigned char>(path[i + 10]));
            if (d >= 0 && end && ok(y, mo, d)) return fmt(y, mo, d);
        } else {
            int mo = digits(i + 4, 2), d = digits(i + 6, 2);
            bool end =
                i + 8 >= path.size() || !std::isdigit(static_cast<unsigned char>(path[i + 8]));
            if (mo >= 0 && d >= 0 && end && ok(y, mo, d)) return fmt(y, mo, d);
        }
    }
    return "";
}

namespace {

// Lower-case letters and digits only: "BBC News" -> "bbcnews".
std::string compact(std::string_view s) {
    std::string out;
    for (char c : text::fold(s))
        if (std::isalnum(static_cast<unsigned char>(c))) out += c;
    return out;
}

bool names_site(std::string_view segment, const std::vector<std::string>& site_names,
                const std::string& host) {
    std::string seg = compact(segment);
    if (seg.empty()) return false;
    for (const auto& name : site_names) {
        std::string n = compact(name);
        if (!n.empty() &&
            (seg == n || (n.size() >= 4 && seg.size() <= n.size() + 8 && contains(seg, n)) ||
             (seg.size() >= 4 && contains(n, seg))))
            return true;
    }
    if (!host.empty()) {
        std::string h = compact(name_from_host(host));
        std::string label = name_from_host(host);
        label = compact(label.substr(0, label.find('.')));
        if (seg.size() >= 3 &&
            (contains(h, seg) ||
             (label.size() >= 3 && seg.size() <= label.size() + 8 && contains(seg, label))))
            return true;
    }
    return false;
}

// Exactly a site name or the host's name ("The Space Review" for thespacereview.com).
bool is_site_name(std::string_view segment, const std::vector<std::string>& site_names,
                  const std::string& host) {
    std::string seg = compact(segment);
    if (seg.size() < 3) return false;
    for (const auto& name : site_names)
        if (compact(name) == seg) return true;
    std::string label = name_from_host(host);
    return !host.empty() && compact(label.substr(0, label.find('.'))) == seg;
}

} // namespace

std::string strip_site_name(const std::string& title, const std::vector<std::string>& site_names,
                            const std::string& host) {
    static constexpr std::array<std::string_view, 10> seps{
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " // ", " « ", " » "};
    std::string t = text::collapse_whitespace(title);
    for (int round = 0; round < 2; ++round) {
        bool changed = false;
        for (auto sep : seps) {
            auto last = t.rfind(sep);
            if (last != std::string::npos && last > 0) {
                std::string tail = t.substr(last + sep.size());
                if (names_site(tail, site_names, host)) {
                    t = std::string(text::trim(t.substr(0, last)));
                    changed = true;
                    break;
                }
            }
            auto first = t.find(sep);
            if (first != std::string::npos && first > 0) {
                std::string head = t.substr(0, first);
                if (names_site(head, site_names, host)) {
                    t = std::string(text::trim(t.substr(first + sep.size())));
                    changed = true;
                    break;
                }
            }
        }
        if (!changed) {
            auto colon = t.find(": ");
            if (colon != std::string::npos && colon > 0 &&
                is_site_name(t.substr(0, colon), site_names, host)) {
                t = std::string(text::trim(t.substr(colon + 2)));
                changed = true;
            }
        }
        if (!changed) break;
    }
    // A section label before " | ": "Opinion | Republicans Are Following Trump".
    auto head_bar = t.find(" | ");
    if (head_bar != std::string::npos && head_bar > 0 &&
        text::tokenize(t.substr(0, head_bar)).size() <= 2 &&
        text::tokenize(t.substr(head_bar + 3)).size() >= 4)
        t = std::string(text::trim(t.substr(head_bar + 3)));
    // A " | " tail of one to three words that is not part of the headline's sentence.
    auto bar = t.rfind(" | ");
    if (bar != std::string::npos && bar > 0) {
        std::string tail = t.substr(bar + 3);
        if (text::tokenize(tail).size() <= 3 && text::tokenize(t.substr(0, bar)).size() >= 3)
            t = std::string(text::trim(t.substr(0, bar)));
    }
    return t;
}

PageMetadata read_metadata(xmlDoc* doc, const std::string& page_url) {
    Collector m;
    bool found_article = false;
    int bylines = 0, times = 0;
    int text_after_h1 = -1; // characters of text seen since the first h1, -1 before it
    bool near_heading_date = false;
    std::string cls;
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root != nullptr) {
        std::string lang = dom::attr(root, "lang");
        if (lang.empty()) lang = dom::attr(root, "xml:lang");
        Collector::add(m.language, 5, lang, "html[lang]");
    }
    dom::walk(root, [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE) {
            // A date printed near the headline ("November 20, 2019" under the h1).
            if (text_after_h1 >= 0 && text_after_h1 < 1500 && !near_heading_date) {
                std::string_view t = text::trim(dom::node_text(n));
                text_after_h1 += static_cast<int>(t.size());
                if (t.size() >= 6 && t.size() <= 120 && find_date(t)) {
                    Collector::add(m.published, 8, std::string(t), "text:near-heading");
                    near_heading_date = true;
                }
            }
            if (m.copyright.empty()) {
                std::string_view t = dom::node_text(n);
                if (t.size() < 300 && t.find("\xC2\xA9") != std::string_view::npos)
                    Collector::add(m.copyright, 1, copyright_holder(t), "copyright-line");
            }
            return false;
        }
        if (!dom::is_element(n)) return false;
        std::string_view tag = dom::name(n);
        if (tag == "meta") {
            read_meta(n, m);
            return false;
        }
        if (tag == "script") {
            if (lower(dom::attr(n, "type")) == "application/ld+json") {
                std::string raw;
                for (xmlNode* c = n->children; c != nullptr; c = c->next)
                    raw += dom::node_text(c);
                read_json_ld(raw, m, found_article);
            }
            return false;
        }
        if (tag == "style" || tag == "noscript" || tag == "svg" || tag == "template") return false;
        if (tag == "title") {
            if (m.title.empty() ||
                std::none_of(m.title.begin(), m.title.end(),
                             [](const Ranked& r) { return r.c.origin == "title"; }))
                Collector::add(m.title, 6, dom::text(n, 2000), "title");
            return false;
        }
        if (tag == "link") {
            std::string rel = lower(dom::attr(n, "rel"));
            if (rel == "canonical")
                Collector::add(m.url, 1, dom::attr(n, "href"), "link[rel=canonical]");
            return false;
        }
        const dom::Cues cue = dom::cues(n); // one scan of the attributes for all that follows
        std::string_view itemprop_raw = cue.itemprop;
        std::string itemprop = itemprop_raw.empty() ? std::string() : lower(itemprop_raw);
        if (!itemprop.empty()) {
            if (itemprop == "datepublished" || itemprop == "datemodified") {
                std::string v = dom::attr(n, "datetime");
                if (v.empty()) v = dom::attr(n, "content");
                if (v.empty()) v = dom::text(n, 200);
                Collector::add(itemprop == "datepublished" ? m.published : m.updated, 2, v,
                               "itemprop=" + itemprop);
            } else if (itemprop == "headline") {
                Collector::add(m.title, 3, dom::text(n, 2000), "itemprop=headline");
            } else if (itemprop == "author" || itemprop == "creator") {
                std::string name;
                dom::walk(n, [&](xmlNode* c) {
                    if (!name.empty() || !dom::is_element(c)) return false;
                    if (lower(dom::attr(c, "itemprop")) == "name") {
                        name = dom::attr(c, "content");
                        if (name.empty()) name = dom::text(c, 200);
                        return false;
                    }
                    return true;
                });
                if (name.empty()) name = dom::attr(n, "content");
                if (name.empty()) name = dom::text(n, 300);
                Collector::add(m.authors, 3, clean_author(name), "itemprop=author");
                return false;
            } else if (itemprop == "publisher") {
                // the publisher's name is read from its nested meta itemprop=name
            }
        }
        if (tag == "time" && times < 3) {
            std::string v = dom::attr(n, "datetime");
            if (!v.empty()) {
                ++times;
                std::string cls = lower(dom::attr(n, "class"));
                bool pub = dom::has_attr(n, "pubdate") || contains(cls, "publish") ||
                           contains(cls, "posted");
                bool upd = contains(cls, "update") || contains(cls, "modif");
                if (upd)
                    Collector::add(m.updated, 5, v, "time[datetime]");
                else
                    Collector::add(m.published, pub ? 5 : 6, v, "time[datetime]");
            }
        }
        if ((tag == "h1" || tag == "h2" || tag == "h3") && m.headings.size() < 40)
            m.headings.push_back(dom::text(n, 400));
        if (tag == "h1") {
            std::string h = dom::text(n, 2000);
            if (!h.empty() && text_after_h1 < 0) text_after_h1 = 0;
            Collector::add(m.title, 8, h, "h1");
            return false;
        }
        if (bylines >= 3) return true;
        cls.clear();
        dom::append_lower(cls, cue.cls);
        cls += ' ';
        dom::append_lower(cls, cue.id);
        std::string_view rel = cue.rel;
        if ((class_has(cls, "byline") || rel == "author" ||
             (class_has(cls, "author") && !class_has(cls, "bio") && !class_has(cls, "avatar") &&
              !class_has(cls, "image")))) {
            std::string t = dom::text(n, 400);
            if (!t.empty() && t.size() <= 200) {
                ++bylines;
                read_byline(t, m);
                return false;
            }
        }
        return true;
    });

    if (!page_url.empty()) {
        Collector::add(m.url, 4, page_url, "page url");
    }
    std::string url_for_date = page_url;
    for (auto& u : m.url)
        if (u.c.value.find("://") != std::string::npos) {
            url_for_date = u.c.value;
            break;
        }
    if (std::string d = date_from_url(url_for_date); !d.empty())
        Collector::add(m.published, 9, d, "url-path");

    PageMetadata out;
    out.title = Collector::done(m.title);
    // <title> is kept apart: it needs the site name removed.
    std::erase_if(out.title, [&](const Candidate& c) {
        if (c.origin != "title") return false;
        out.title_tag.push_back(c);
        return true;
    });
    out.published = Collector::done(m.published);
    out.updated = Collector::done(m.updated);
    out.authors = Collector::done(m.authors);
    out.source = Collector::done(m.source);
    out.section = Collector::done(m.section);
    out.tags = Collector::done(m.tags);
    out.language = Collector::done(m.language);
    out.url = Collector::done(m.url);
    out.description = Collector::done(m.description);
    out.copyright = Collector::done(m.copyright);
    out.headings = std::move(m.headings);
    return out;
}

} // namespace dateline::extract
