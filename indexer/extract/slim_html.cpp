#include "indexer/extract/slim_html.h"

#include "indexer/extract/dom.h"

#include <array>
#include <cstring>

namespace dateline::extract {

namespace {

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != b[i]) return false;
    return true;
}

bool icontains(std::string_view hay, std::string_view needle) {
    if (needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && lower(hay[i + k]) == needle[k])
            ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

// Position of "</name" (any case) at or after from, or npos.
std::size_t find_close(std::string_view s, std::size_t from, std::string_view name) {
    while (true) {
        std::size_t p = s.find("</", from);
        if (p == std::string_view::npos) return p;
        if (p + 2 + name.size() <= s.size() && iequals(s.substr(p + 2, name.size()), name))
            return p;
        from = p + 2;
    }
}

bool dropped_element(std::string_view tag) {
    return tag == "script" || tag == "style" || tag == "svg" || tag == "noscript" ||
           tag == "template";
}

// Elements whose content extraction never reads (widgets, embedded documents, drawings), dropped
// with it when their end tag is there: without one they are left to the parser's recovery.
bool unread_element(std::string_view tag) {
    return tag == "select" || tag == "iframe" || tag == "object" || tag == "canvas" ||
           tag == "math" || tag == "textarea";
}

// The lower-case name of the tag starting at s[lt] ("<name" or "</name"), "" when none.
std::string_view peek_tag(std::string_view s, std::size_t lt, std::string& buf) {
    std::size_t p = lt + 1;
    if (p < s.size() && s[p] == '/') ++p;
    buf.clear();
    while (p < s.size() && is_alpha(s[p]) && buf.size() < 12)
        buf += lower(s[p++]);
    while (p < s.size() && s[p] >= '1' && s[p] <= '6' && buf.size() < 12)
        buf += s[p++];
    return buf;
}

bool blank(std::string_view text) {
    for (char c : text)
        if (!is_space(c)) return false;
    return true;
}

bool kept_attribute(std::string_view tag, std::string_view name, std::string_view value) {
    static const dom::TagSet keep{"class",      "id",       "role",     "hidden",  "aria-hidden",
                                  "itemprop",   "property", "name",     "content", "charset",
                                  "http-equiv", "rel",      "datetime", "type",    "lang",
                                  "pubdate",    "xml:lang"};
    if (keep.contains(name)) return true;
    if (name == "style") return icontains(value, "none") || icontains(value, "hidden");
    if (name == "href") return tag == "link" || tag == "base";
    return false;
}

// Appends text with each run of white space as one character (a newline when the run holds one):
// the parser and the extraction read runs of white space as one.
void append_collapsed(std::string& out, std::string_view text) {
    const std::size_t n = text.size();
    std::size_t from = 0, i = 0;
    while (i < n) {
        char c = text[i];
        if (!is_space(c) || (c == ' ' && (i + 1 == n || !is_space(text[i + 1])))) {
            ++i; // a lone space between words stays as it is: copied with its stretch
            continue;
        }
        out.append(text.substr(from, i - from));
        bool newline = false;
        for (; i < n && is_space(text[i]); ++i)
            newline = newline || text[i] == '\n';
        out += newline ? '\n' : ' ';
        from = i;
    }
    out.append(text.substr(from));
}

// Elements whose text keeps its white space.
bool preformatted(std::string_view tag) {
    return tag == "pre" || tag == "textarea" || tag == "listing" || tag == "xmp";
}

} // namespace

std::string slim_html(std::string_view s) {
    std::string out;
    out.reserve(s.size() / 2);
    std::size_t i = 0;
    const std::size_t n = s.size();
    std::string tag, attr_name, next;
    bool after_boundary = true; // the last tag written starts or ends a block
    while (i < n) {
        std::size_t lt = s.find('<', i);
        if (lt == std::string_view::npos) {
            append_collapsed(out, s.substr(i));
            break;
        }
        std::string_view between = s.substr(i, lt - i);
        // Blank text beside a block's tag is no text: the parser need not make a node of it.
        if (!between.empty() &&
            !(blank(between) && (after_boundary || dom::separates_text(peek_tag(s, lt, next)))))
            append_collapsed(out, between);
        i = lt;
        if (s.compare(i, 4, "<!--") == 0) {
            std::size_t end = s.find("-->", i + 4);
            i = end == std::string_view::npos ? n : end + 3;
            continue;
        }
        if (i + 2 < n && s[i + 1] == '/' && is_alpha(s[i + 2])) { // an end tag: copied
            std::size_t gt = s.find('>', i);
            if (gt == std::string_view::npos) {
                out.append(s.substr(i));
                break;
            }
            after_boundary = dom::separates_text(peek_tag(s, i, next));
            out.append(s.substr(i, gt + 1 - i));
            i = gt + 1;
            continue;
        }
        if (i + 1 >= n || !is_alpha(s[i + 1])) {
            out += '<';
            ++i;
            after_boundary = false;
            continue;
        }
        // A start tag: name, then attributes.
        std::size_t p = i + 1;
        tag.clear();
        while (p < n && !is_space(s[p]) && s[p] != '>' && s[p] != '/')
            tag += lower(s[p++]);
        // The tag is rebuilt in place at the end of out; taken back when dropped or unreadable.
        const std::size_t rebuilt_at = out.size();
        out += '<';
        out += tag;
        bool ok = true;
        bool ld_json = false;
        while (true) {
            while (p < n && (is_space(s[p]) || s[p] == '/'))
                ++p;
            if (p >= n) {
                ok = false;
                break;
            }
            if (s[p] == '>') break;
            std::size_t name_start = p;
            while (p < n && !is_space(s[p]) && s[p] != '=' && s[p] != '>' && s[p] != '/')
                ++p;
            attr_name.clear();
            for (std::size_t k = name_start; k < p; ++k)
                attr_name += lower(s[k]);
            while (p < n && is_space(s[p]))
                ++p;
            std::string_view value;
            bool has_value = false;
            if (p < n && s[p] == '=') {
                ++p;
                while (p < n && is_space(s[p]))
                    ++p;
                if (p >= n) {
                    ok = false;
                    break;
                }
                if (s[p] == '"' || s[p] == '\'') {
                    char q = s[p];
                    std::size_t end = s.find(q, p + 1);
                    if (end == std::string_view::npos) {
                        ok = false;
                        break;
                    }
                    value = s.substr(p + 1, end - p - 1);
                    p = end + 1;
                } else {
                    std::size_t start = p;
                    while (p < n && !is_space(s[p]) && s[p] != '>')
                        ++p;
                    value = s.substr(start, p - start);
                }
                has_value = true;
            }
            if (attr_name.empty()) continue;
            if (attr_name == "type" && icontains(value, "ld+json")) ld_json = true;
            if (!kept_attribute(tag, attr_name, value)) continue;
            out += ' ';
            // libxml2 files every "id" in a hash table that extraction never reads.
            out += attr_name == "id" ? std::string_view(dom::slim_id) : std::string_view(attr_name);
            if (has_value) {
                char q = value.find('"') == std::string_view::npos ? '"' : '\'';
                out += '=';
                out += q;
                out.append(value);
                out += q;
            }
        }
        if (!ok) { // unreadable markup: leave the rest to libxml2's recovery
            out.resize(rebuilt_at);
            out.append(s.substr(i));
            break;
        }
        std::size_t after = p + 1; // past '>'
        if (unread_element(tag)) {
            std::size_t close = find_close(s, after, tag);
            if (close != std::string_view::npos) {
                std::size_t gt = s.find('>', close);
                if (gt != std::string_view::npos) {
                    out.resize(rebuilt_at);
                    i = gt + 1;
                    continue;
                }
            }
        }
        if (dropped_element(tag) && !(tag == "script" && ld_json)) {
            out.resize(rebuilt_at);
            std::size_t close = find_close(s, after, tag);
            if (close == std::string_view::npos) {
                i = n;
                break;
            }
            std::size_t gt = s.find('>', close);
            i = gt == std::string_view::npos ? n : gt + 1;
            continue;
        }
        out += '>';
        i = after;
        after_boundary = dom::separates_text(tag);
        if (tag == "script" || preformatted(tag)) { // ld+json, preformatted text: verbatim
            std::size_t close = find_close(s, after, tag);
            std::size_t end = close == std::string_view::npos ? n : close;
            out.append(s.substr(after, end - after));
            i = end;
        }
    }
    return out;
}

} // namespace dateline::extract
