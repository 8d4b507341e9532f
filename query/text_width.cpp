#include "text_width.h"

#include <vector>
#include <xapian.h>

namespace dateline::query {

namespace {

// Decodes one UTF-8 character at text[i]; returns its length in bytes (1 for an invalid byte,
// with code point U+FFFD).
std::size_t decode(std::string_view text, std::size_t i, unsigned& cp) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned c = byte(i);
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xe  ? 3
                      : (c >> 3) == 0x1e ? 4
                                         : 0;
    if (len == 0 || i + len > text.size()) {
        cp = 0xfffd;
        return 1;
    }
    cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80) {
            cp = 0xfffd;
            return 1;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3f);
    }
    return len;
}

bool is_wide(unsigned cp) {
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
           (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
           (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
           (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
           (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
           (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
           (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

std::size_t char_width(unsigned cp) {
    if (cp == 0x200b || cp == 0x200c || cp == 0x200d || cp == 0xfeff) return 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
    switch (Xapian::Unicode::get_category(cp)) {
    case Xapian::Unicode::NON_SPACING_MARK:
    case Xapian::Unicode::ENCLOSING_MARK:
    case Xapian::Unicode::FORMAT:
        return 0;
    default:
        break;
    }
    return is_wide(cp) ? 2 : 1;
}

} // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        unsigned cp = 0;
        i += decode(text, i, cp);
        width += char_width(cp);
    }
    return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < text.size();) {
        unsigned cp = 0;
        std::size_t len = decode(text, i, cp);
        std::size_t w = char_width(cp);
        if (used + w > width - 1) break; // keep one column for the ellipsis
        out.append(text.substr(i, len));
        used += w;
        i += len;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out + "…";
}

std::string pad_right(std::string_view text, std::size_t width) {
    std::string out(text);
    for (std::size_t w = display_width(text); w < width; ++w)
        out += ' ';
    return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
    std::size_t w = display_width(text);
    return std::string(w < width ? width - w : 0, ' ') + std::string(text);
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out;
    std::string line;
    std::size_t line_width = 0;
    auto flush = [&] {
        if (!out.empty()) out += '\n';
        out += indent;
        out += line;
        line.clear();
        line_width = 0;
    };
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ')
            ++i;
        std::size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        std::string_view word = text.substr(i, j - i);
        i = j;
        if (word.empty()) continue;
        std::size_t w = display_width(word);
        if (line_width > 0 && line_width + 1 + w > width) flush();
        std::string piece = w > width ? truncate_to_width(word, width) : std::string(word);
        if (line_width > 0) {
            line += ' ';
            ++line_width;
        }
        line += piece;
        line_width += display_width(piece);
    }
    if (line_width > 0) flush();
    return out;
}

} // namespace dateline::query
