#include "text.h"

#include <algorithm>
#include <array>
#include <xapian.h>

namespace dateline::text {

namespace {

constexpr unsigned replacement = 0xFFFD;

// Decodes one UTF-8 sequence at in[pos]; returns its length, or 0 when it is invalid.
std::size_t decode(std::string_view in, std::size_t pos, unsigned& cp) {
    auto b = [&](std::size_t i) { return static_cast<unsigned char>(in[pos + i]); };
    const auto left = in.size() - pos;
    const unsigned c = b(0);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t len;
    unsigned min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (left < len) return 0;
    for (std::size_t i = 1; i < len; ++i) {
        if ((b(i) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Xapian's Unicode category of a code point; ASCII from a table that Xapian itself filled, as
// most text is ASCII and the table is far cheaper than Xapian's lookup.
Xapian::Unicode::category category(unsigned cp) {
    static const auto ascii = [] {
        std::array<Xapian::Unicode::category, 0x80> table{};
        for (unsigned c = 0; c < table.size(); ++c)
            table[c] = Xapian::Unicode::get_category(c);
        return table;
    }();
    return cp < ascii.size() ? ascii[cp] : Xapian::Unicode::get_category(cp);
}

// Xapian::Unicode::is_wordchar, with the same ASCII shortcut.
bool is_wordchar(unsigned cp) {
    static const auto ascii = [] {
        std::array<bool, 0x80> table{};
        for (unsigned c = 0; c < table.size(); ++c)
            table[c] = Xapian::Unicode::is_wordchar(c);
        return table;
    }();
    return cp < ascii.size() ? ascii[cp] : Xapian::Unicode::is_wordchar(cp);
}

bool is_upper(unsigned cp) {
    const auto c = category(cp);
    return c == Xapian::Unicode::UPPERCASE_LETTER || c == Xapian::Unicode::TITLECASE_LETTER;
}

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_space(unsigned cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// Base letter of a Latin-1 / Latin Extended-A letter with a diacritic, or 0.
unsigned strip_latin(unsigned cp) {
    static constexpr const char* latin1 = // U+00C0..U+00FF, '\0' where no base letter
        "AAAAAAACEEEEIIII"
        "DNOOOOO\0OUUUUYT\0"
        "aaaaaaaceeeeiiii"
        "dnooooo\0ouuuuyty";
    if (cp >= 0xC0 && cp <= 0xFF) return static_cast<unsigned char>(latin1[cp - 0xC0]);
    static constexpr const char* ext_a = // U+0100..U+017F
        "AaAaAaCcCcCcCcDd"
        "DdEeEeEeEeEeGgGg"
        "GgGgHhHhIiIiIiIi"
        "IiJjJjKkkLlLlLlL"
        "lLlNnNnNnnNnOoOo"
        "OoOoRrRrRrSsSsSs"
        "SsTtTtTtUuUuUuUu"
        "UuUuWwYyYZzZzZzs";
    if (cp >= 0x100 && cp <= 0x17F) return static_cast<unsigned char>(ext_a[cp - 0x100]);
    switch (cp) {
    case 0x0219:
        return 's'; // ș
    case 0x021B:
        return 't'; // ț
    case 0x0451:
        return 0x0435; // ё -> е
    case 0x0401:
        return 0x0415; // Ё -> Е
    case 0x0439:
        return 0x0438; // й -> и
    case 0x0419:
        return 0x0418; // Й -> И
    default:
        return 0;
    }
}

template <class F> void append_mapped(std::string& out, std::string_view in, F f) {
    for (Xapian::Utf8Iterator it(in.data(), in.size()); it != Xapian::Utf8Iterator(); ++it)
        append_utf8(out, f(*it));
}

} // namespace

unsigned next_code_point_multibyte(std::string_view in, std::size_t& pos) {
    const std::size_t left = in.size() - pos;
    if (left == 0) return 0; // not reached (pos < in.size()); tells the compiler `it` is set
    Xapian::Utf8Iterator it(in.data() + pos, left);
    const unsigned cp = *it;
    ++it;
    pos = static_cast<std::size_t>(it.raw() - in.data());
    return cp;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
        return;
    }
    char buf[4];
    out.append(buf, Xapian::Unicode::nonascii_to_utf8(cp, buf));
}

bool is_valid_utf8(std::string_view in) {
    unsigned cp;
    for (std::size_t pos = 0; pos < in.size();) {
        auto len = decode(in, pos, cp);
        if (len == 0 || cp == 0) return false;
        pos += len;
    }
    return true;
}

std::string to_valid_utf8(std::string_view in) {
    if (is_valid_utf8(in)) return std::string(in);
    std::string out;
    out.reserve(in.size() + 16);
    unsigned cp;
    for (std::size_t pos = 0; pos < in.size();) {
        auto len = decode(in, pos, cp);
        if (len == 0 || cp == 0) {
            append_utf8(out, replacement);
            pos += 1;
        } else {
            out.append(in.substr(pos, len));
            pos += len;
        }
    }
    return out;
}

std::string fold_case(std::string_view in) {
    if (is_ascii(in)) {
        std::string out(in);
        for (auto& c : out)
            c = ascii_lower(c);
        return out;
    }
    std::string out;
    out.reserve(in.size());
    append_mapped(out, in, [](unsigned cp) { return Xapian::Unicode::tolower(cp); });
    return out;
}

void append_fold(std::string& out, std::string_view in) {
    // ASCII has no diacritics to strip: lower case is all there is to do.
    if (is_ascii(in)) {
        const std::size_t begin = out.size();
        out += in;
        for (std::size_t i = begin; i < out.size(); ++i)
            out[i] = ascii_lower(out[i]);
        return;
    }
    append_mapped(out, in, [](unsigned cp) {
        unsigned base = strip_latin(cp);
        if (base) cp = base;
        return Xapian::Unicode::tolower(cp);
    });
}

std::string fold(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    append_fold(out, in);
    return out;
}

std::vector<std::string_view> split_on_spaces(std::string_view text) {
    std::vector<std::string_view> out;
    for (std::size_t pos = 0; pos < text.size();) {
        auto space = text.find(' ', pos);
        if (space == std::string_view::npos) space = text.size();
        if (space > pos) out.push_back(text.substr(pos, space - pos));
        pos = space + 1;
    }
    return out;
}

std::string collapse_whitespace(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    bool pending_space = false;
    for (std::size_t pos = 0; pos < in.size();) {
        const unsigned cp = next_code_point(in, pos);
        if (is_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        append_utf8(out, cp);
    }
    return out;
}

std::string_view trim(std::string_view in) {
    unsigned cp;
    std::size_t begin = 0;
    while (begin < in.size()) {
        auto len = decode(in, begin, cp);
        if (len == 0 || !is_space(cp)) break;
        begin += len;
    }
    std::size_t end = in.size();
    while (end > begin) {
        std::size_t start = end - 1;
        while (start > begin && (static_cast<unsigned char>(in[start]) & 0xC0) == 0x80)
            --start;
        auto len = decode(in, start, cp);
        if (len == 0 || !is_space(cp)) break;
        end = start;
    }
    return in.substr(begin, end - begin);
}

std::string slugify(std::string_view in) {
    std::string folded = fold(in), out;
    bool dash = false;
    for (char c : folded) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && !out.empty()) out += '-';
            out += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    if (out.empty()) {
        for (const auto& token : tokenize(folded)) {
            if (!out.empty()) out += '-';
            out += token.text;
        }
    }
    return out;
}

std::vector<Token> tokenize(std::string_view in) {
    std::vector<Token> tokens;
    tokens.reserve(in.size() / 6); // about one word in six bytes of prose: few reallocations
    for (std::size_t pos = 0; pos < in.size();) {
        const std::size_t start = pos;
        if (!is_wordchar(next_code_point(in, pos))) continue;
        std::size_t stop = pos; // the end of the word so far
        while (pos < in.size()) {
            const unsigned cp = next_code_point(in, pos);
            if (is_wordchar(cp)) {
                stop = pos;
                continue;
            }
            // An apostrophe or period between word characters stays inside the word.
            if ((cp == '\'' || cp == 0x2019 || cp == '.' || cp == '&') && pos < in.size()) {
                std::size_t after = pos;
                const unsigned next = next_code_point(in, after);
                if (is_wordchar(next) && (cp != '&' || is_upper(next))) {
                    pos = stop = after;
                    continue;
                }
            }
            break; // cp is no word character: the next word starts after it
        }
        tokens.push_back({in.substr(start, stop - start), start});
    }
    return tokens;
}

bool is_ascii(std::string_view in) {
    for (char c : in)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

bool starts_upper(std::string_view word) {
    std::size_t pos = 0;
    return !word.empty() && is_upper(next_code_point(word, pos));
}

bool all_upper(std::string_view word) {
    bool any = false;
    for (std::size_t pos = 0; pos < word.size();) {
        const unsigned cp = next_code_point(word, pos);
        if (is_upper(cp))
            any = true;
        else if (category(cp) == Xapian::Unicode::LOWERCASE_LETTER)
            return false;
    }
    return any;
}

std::u32string code_points(std::string_view in) {
    std::u32string out;
    for (Xapian::Utf8Iterator it(in.data(), in.size()); it != Xapian::Utf8Iterator(); ++it)
        out += static_cast<char32_t>(*it);
    return out;
}

unsigned edit_distance(std::u32string_view a, std::u32string_view b, unsigned limit) {
    const std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    // Three rows of the optimal-string-alignment table.
    std::vector<unsigned> before(m + 1), previous(m + 1), current(m + 1);
    for (std::size_t j = 0; j <= m; ++j)
        previous[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        current[0] = static_cast<unsigned>(i);
        unsigned row_min = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            unsigned d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d = std::min(d, before[j - 2] + 1);
            current[j] = d;
            row_min = std::min(row_min, d);
        }
        if (row_min > limit) return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[m], limit + 1);
}

unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit) {
    return edit_distance(code_points(a), code_points(b), limit);
}

} // namespace dateline::text
