#include "format.h"

#include "analyzers/text.h"
#include "indexer/inputs.h"

#include <cctype>

namespace dateline {

const char* format_name(Format format) {
    switch (format) {
    case Format::jsonl:
        return "jsonl";
    case Format::html:
        return "html";
    case Format::text:
        return "text";
    case Format::warc:
        return "warc";
    case Format::rss:
        return "rss";
    case Format::atom:
        return "atom";
    case Format::nitf:
        return "nitf";
    case Format::newsml:
        return "newsml";
    case Format::archive:
        return "archive";
    }
    return "unknown";
}

std::optional<Format> format_from_name(const std::string& path) {
    const std::string name = logical_name(path);
    auto ends = [&](std::string_view suffix) { return name.ends_with(suffix); };
    if (ends(".jsonl") || ends(".ndjson") || ends(".json")) return Format::jsonl;
    if (ends(".html") || ends(".htm") || ends(".xhtml")) return Format::html;
    if (ends(".txt") || ends(".text")) return Format::text;
    if (ends(".warc") || ends(".arc.warc")) return Format::warc;
    if (ends(".rss")) return Format::rss;
    if (ends(".atom")) return Format::atom;
    if (ends(".nitf") || ends(".nitf.xml")) return Format::nitf;
    if (ends(".newsml") || ends(".newsml.xml") || ends(".g2.xml")) return Format::newsml;
    if (ends(".tar") || ends(".zip")) return Format::archive;
    return std::nullopt;
}

namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Skips "<!DOCTYPE ...>" including an internal subset "[...]"; returns npos when it does not end
// within `s`.
std::size_t skip_doctype(std::string_view s, std::size_t i) {
    int depth = 0;
    char quote = 0;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[') {
            ++depth;
        } else if (c == ']') {
            --depth;
        } else if (c == '>' && depth <= 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

std::optional<Format> from_root(std::string_view name, std::string_view start_tag) {
    std::string_view local =
        name.substr(name.find(':') == std::string_view::npos ? 0 : name.find(':') + 1);
    if (local == "rss" || name == "rdf:RDF") return Format::rss;
    if (local == "feed" && start_tag.find("http://www.w3.org/2005/Atom") != std::string_view::npos)
        return Format::atom;
    if (local == "nitf") return Format::nitf;
    if (local == "newsItem" || local == "newsMessage") return Format::newsml;
    if (starts_with_nocase(name, "html") && name.size() == 4) return Format::html;
    return std::nullopt;
}

} // namespace

std::optional<Format> sniff_format(std::string_view head) {
    if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06")) return Format::archive;
    if (head.size() >= 262 && head.substr(257, 5) == "ustar") return Format::archive;
    if (head.starts_with("WARC/1.")) return Format::warc;

    std::string_view s = head;
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    std::size_t i = 0;
    bool html_doctype = false;
    while (true) {
        while (i < s.size() && is_space(s[i]))
            ++i;
        if (i >= s.size() || s[i] != '<') break;
        std::string_view rest = s.substr(i);
        std::size_t end = std::string_view::npos;
        if (rest.starts_with("<?")) {
            end = s.find("?>", i);
            if (end != std::string_view::npos) end += 2;
        } else if (rest.starts_with("<!--")) {
            end = s.find("-->", i);
            if (end != std::string_view::npos) end += 3;
        } else if (starts_with_nocase(rest, "<!doctype")) {
            std::string_view after = text::trim(rest.substr(9));
            if (starts_with_nocase(after, "html")) html_doctype = true;
            end = skip_doctype(s, i + 9);
        } else {
            std::size_t n = i + 1;
            while (n < s.size() && !is_space(s[n]) && s[n] != '>' && s[n] != '/')
                ++n;
            std::string_view name = s.substr(i + 1, n - i - 1);
            std::size_t tag_end = s.find('>', n);
            std::string_view start_tag =
                s.substr(i, tag_end == std::string_view::npos ? s.size() - i : tag_end - i);
            if (auto f = from_root(name, start_tag)) return f;
            break;
        }
        if (end == std::string_view::npos) break;
        i = end;
    }
    if (html_doctype) return Format::html;
    return std::nullopt;
}

Format guess_format(std::string_view head) {
    std::string_view t = text::trim(head.substr(0, std::min<std::size_t>(head.size(), 4096)));
    if (t.starts_with("\xEF\xBB\xBF")) t.remove_prefix(3);
    if (t.starts_with("{")) return Format::jsonl;
    if (t.starts_with("<")) return Format::html;
    return Format::text;
}

Format detect_format(std::string_view head, const std::string& name) {
    if (auto f = sniff_format(head)) return *f;
    if (auto f = format_from_name(name)) return *f;
    return guess_format(head);
}

} // namespace dateline
