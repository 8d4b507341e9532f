#include "indexer/extract/html_document.h"

#include "analyzers/text.h"
#include "indexer/extract/extract.h"
#include "indexer/extract/slim_html.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <libxml/encoding.h>
#include <libxml/globals.h>
#include <libxml/xmlerror.h>
#include <zlib.h>

namespace dateline::extract {

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Canonical name for a charset label, or "" when unusable.
std::string normalize_charset(std::string_view label) {
    std::string l = lower_ascii(text::trim(label));
    while (!l.empty() && (l.back() == '"' || l.back() == '\'' || l.back() == ';'))
        l.pop_back();
    while (!l.empty() && (l.front() == '"' || l.front() == '\''))
        l.erase(0, 1);
    if (l.empty() || l.size() > 40) return "";
    if (l == "utf8" || l == "utf-8" || l == "unicode-1-1-utf-8") return "UTF-8";
    // Browsers read latin-1 and ASCII labels as windows-1252.
    if (l == "iso-8859-1" || l == "latin1" || l == "latin-1" || l == "iso8859-1" ||
        l == "us-ascii" || l == "ascii" || l == "windows-1252" || l == "cp1252" ||
        l == "iso_8859-1" || l == "x-cp1252")
        return "windows-1252";
    for (char c : l)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
              c == ':'))
            return "";
    xmlCharEncodingHandler* handler = xmlFindCharEncodingHandler(l.c_str());
    if (handler == nullptr) return "";
    xmlCharEncCloseFunc(handler);
    return l;
}

// The charset a <meta> in the first bytes declares: <meta charset=X> or
// <meta http-equiv="Content-Type" content="text/html; charset=X">.
std::string meta_charset(std::string_view bytes) {
    std::string head = lower_ascii(bytes.substr(0, std::min<std::size_t>(bytes.size(), 16384)));
    std::size_t pos = 0;
    while ((pos = head.find("<meta", pos)) != std::string::npos) {
        std::size_t end = head.find('>', pos);
        if (end == std::string::npos) break;
        std::string_view tag(head.data() + pos, end - pos);
        std::size_t cs = tag.find("charset");
        if (cs != std::string_view::npos) {
            std::size_t i = cs + 7;
            while (i < tag.size() &&
                   (tag[i] == ' ' || tag[i] == '=' || tag[i] == '"' || tag[i] == '\''))
                ++i;
            std::size_t j = i;
            while (j < tag.size() && !std::isspace(static_cast<unsigned char>(tag[j])) &&
                   tag[j] != '"' && tag[j] != '\'' && tag[j] != ';' && tag[j] != '/')
                ++j;
            std::string name = normalize_charset(tag.substr(i, j - i));
            if (!name.empty()) return name;
        }
        pos = end;
    }
    return "";
}

bool has_multibyte(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return (c & 0x80) != 0; });
}

// Length of the valid UTF-8 sequence starting with the non-ASCII byte at s[i], 0 when invalid
// (overlong forms, surrogates and code points past U+10FFFF are invalid).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = at(i);
    std::size_t n = c >= 0xC2 && c <= 0xDF   ? 2
                    : c >= 0xE0 && c <= 0xEF ? 3
                    : c >= 0xF0 && c <= 0xF4 ? 4
                                             : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((at(i + k) & 0xC0) != 0x80) return 0;
    unsigned char d = at(i + 1);
    if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) ||
        (c == 0xF4 && d > 0x8F))
        return 0;
    return n;
}

// UTF-8 validity, eight ASCII bytes at a time between the multi-byte sequences.
bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (i + 8 <= s.size()) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            if ((w & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        if ((static_cast<unsigned char>(s[i]) & 0x80) == 0) {
            ++i;
            continue;
        }
        std::size_t n = utf8_sequence(s, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string detect(std::string_view bytes, std::string_view container_charset, bool utf8);

bool single_byte(std::string_view cs) {
    return cs == "windows-1252" || cs.starts_with("iso-8859") || cs.starts_with("windows-125") ||
           cs == "koi8-r" || cs == "koi8-u";
}

// windows-1252 to UTF-8 (bytes 0x80-0x9F by the WHATWG table; the five unused ones become U+FFFD).
std::string windows1252_to_utf8(std::string_view in) {
    static constexpr unsigned high[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    std::string out;
    out.reserve(in.size() + in.size() / 8);
    for (char ch : in) {
        unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x80)
            out += ch;
        else if (c < 0xA0)
            text::append_utf8(out, high[c - 0x80]);
        else
            text::append_utf8(out, c);
    }
    return out;
}

} // namespace

std::string maybe_gunzip(std::string_view bytes) {
    if (bytes.size() < 2 || static_cast<unsigned char>(bytes[0]) != 0x1f ||
        static_cast<unsigned char>(bytes[1]) != 0x8b)
        return std::string(bytes);
    struct Inflater { // RAII owner of the zlib stream
        z_stream zs{};
        bool open = inflateInit2(&zs, 15 + 32) == Z_OK;
        ~Inflater() {
            if (open) inflateEnd(&zs);
        }
    } z;
    if (!z.open) throw ExtractError("cannot inflate gzip data");
    std::string out;
    z.zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.zs.avail_in = static_cast<uInt>(std::min<std::size_t>(bytes.size(), max_page_bytes));
    char buf[65536];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        z.zs.next_out = reinterpret_cast<Bytef*>(buf);
        z.zs.avail_out = sizeof buf;
        rc = inflate(&z.zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) throw ExtractError("corrupt gzip data");
        out.append(buf, sizeof buf - z.zs.avail_out);
        if (out.size() > max_page_bytes) throw ExtractError("page larger than 32 MiB");
        if (rc == Z_OK && z.zs.avail_in == 0 && z.zs.avail_out != 0) break; // truncated input
    }
    return out;
}

std::string detect_charset(std::string_view bytes, std::string_view container_charset) {
    return detect(bytes, container_charset, valid_utf8(bytes));
}

namespace {

std::string detect(std::string_view bytes, std::string_view container_charset, bool utf8) {
    if (bytes.starts_with("\xEF\xBB\xBF")) return "UTF-8";
    if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
    if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
    std::string declared = normalize_charset(container_charset);
    if (declared.empty()) declared = meta_charset(bytes);
    if (declared.empty()) return utf8 ? "UTF-8" : "windows-1252";
    if (single_byte(declared) && utf8 && has_multibyte(bytes)) return "UTF-8";
    if (declared == "UTF-8" && !utf8) {
        // Mostly valid UTF-8 with a few stray bytes stays UTF-8 (libxml2 recovers); bytes that are
        // no UTF-8 at all are the usual windows-1252 mislabelled as UTF-8.
        std::string fixed = text::to_valid_utf8(bytes);
        std::size_t bad = 0;
        for (std::size_t p = 0; (p = fixed.find("\xEF\xBF\xBD", p)) != std::string::npos; p += 3)
            ++bad;
        std::size_t high = static_cast<std::size_t>(
            std::count_if(bytes.begin(), bytes.end(), [](char c) { return (c & 0x80) != 0; }));
        return bad * 2 > high ? "windows-1252" : "UTF-8";
    }
    return declared;
}

} // namespace

HtmlDocument parse_html(std::string_view bytes, std::string_view container_charset) {
    if (bytes.size() > max_page_bytes) throw ExtractError("page larger than 32 MiB");
    static const bool initialized = (xmlInitParser(), true); // once, before threads share it
    (void)initialized;
    HtmlDocument out;
    const bool utf8 = valid_utf8(bytes);
    out.charset = detect(bytes, container_charset, utf8);
    std::string_view input = bytes;
    std::string cleaned;
    if (out.charset == "UTF-8") {
        if (input.starts_with("\xEF\xBB\xBF")) input.remove_prefix(3);
        if (!utf8) {
            cleaned = text::to_valid_utf8(input);
            input = cleaned;
        }
    }
    if (out.charset == "windows-1252") {
        cleaned = windows1252_to_utf8(input);
        input = cleaned;
    }
    // UTF-16 is left whole to libxml2; every other charset is ASCII-compatible for markup.
    std::string slim;
    if (!out.charset.starts_with("UTF-16")) {
        slim = slim_html(input);
        input = slim;
    }
    // XML_PARSE_HUGE lifts the depth limit (256 elements): past it the HTML parser stops and the
    // rest of the page, often the article itself, is lost. Every walk of the tree is iterative.
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    const char* encoding = out.charset == "windows-1252" ? "UTF-8" : out.charset.c_str();
    QuietErrors quiet;
    out.doc.reset(
        htmlReadMemory(input.data(), static_cast<int>(input.size()), nullptr, encoding, options));
    if (!out.doc) throw ExtractError("not an HTML document");
    return out;
}

} // namespace dateline::extract
