#include "query_lexer.h"

#include "analyzers/schema.h"
#include "analyzers/text.h"

#include <utility>
#include <xapian.h>

namespace dateline::query {

namespace {

enum class FieldKind { none, free_text, opaque };

FieldKind field_kind(std::string_view name) {
    if (name == schema::date_field) return FieldKind::opaque;
    for (const auto& f : schema::fields())
        if (f.name == name)
            return f.kind == schema::Field::Kind::free_text ? FieldKind::free_text
                                                            : FieldKind::opaque;
    return FieldKind::none;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_operator(std::string_view chunk, bool* near) {
    *near = chunk == "NEAR" || chunk == "ADJ" || chunk.starts_with("NEAR/") ||
            chunk.starts_with("ADJ/");
    return *near || chunk == "AND" || chunk == "OR" || chunk == "NOT" || chunk == "XOR";
}

// NEAR or ADJ as a word of its own anywhere in the text: Xapian's parser takes any character that
// is not a word character (Xapian::Unicode::is_wordchar) as a separator, a control character or
// U+FFFD (what to_valid_utf8 makes of a NUL or a stray byte) too, so this looks past the lexer's
// idea of white space, with the same notion of a word character as Xapian's.
bool has_proximity_operator(std::string_view s) {
    // Whether the character that ends just before byte `at` (or starts at it) is a word character.
    auto word_before = [&](std::size_t at) {
        std::size_t start = at - 1;
        while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
            --start;
        return Xapian::Unicode::is_wordchar(*Xapian::Utf8Iterator(s.data() + start, at - start));
    };
    auto word_at = [&](std::size_t at) {
        return Xapian::Unicode::is_wordchar(*Xapian::Utf8Iterator(s.data() + at, s.size() - at));
    };
    for (std::string_view op : {"NEAR", "ADJ"}) {
        for (auto at = s.find(op); at != std::string_view::npos; at = s.find(op, at + 1)) {
            const std::size_t end = at + op.size();
            if ((at == 0 || !word_before(at)) && (end == s.size() || !word_at(end))) return true;
        }
    }
    return false;
}

} // namespace

LexedQuery lex_query(std::string_view s) {
    LexedQuery out;
    out.proximity = has_proximity_operator(s);
    const std::size_t n = s.size();
    std::size_t pos = 0, token = 0;
    bool sign = false, next_near = false;
    std::string field;                               // pending free-text field
    std::vector<std::pair<int, std::string>> groups; // field of a bracketed group, by depth
    int depth = 0;
    auto current_field = [&]() -> std::string {
        if (!field.empty()) return field;
        return groups.empty() ? std::string() : groups.back().second;
    };
    auto add_word = [&](std::string_view text, std::size_t begin, int phrase, bool compound) {
        QueryWord w;
        w.begin = begin;
        w.end = begin + text.size();
        w.text = text;
        w.field = current_field();
        w.phrase = phrase;
        w.sign = sign;
        w.near = next_near;
        w.compound = compound;
        w.token = token;
        out.words.push_back(std::move(w));
        sign = false;
    };

    while (pos < n) {
        const char c = s[pos];
        if (is_space(c)) {
            sign = false;
            field.clear();
            ++pos;
            continue;
        }
        if (c == '(') {
            ++token;
            ++depth;
            if (!field.empty()) groups.emplace_back(depth, std::move(field));
            field.clear();
            sign = false;
            ++pos;
            continue;
        }
        if (c == ')') {
            ++token;
            if (!groups.empty() && groups.back().first == depth) groups.pop_back();
            if (depth > 0) --depth;
            ++pos;
            continue;
        }
        if ((c == '+' || c == '-') && (pos == 0 || is_space(s[pos - 1]) || s[pos - 1] == '(')) {
            ++token;
            sign = true;
            ++pos;
            continue;
        }
        if (c == '"') {
            const std::size_t close = s.find('"', pos + 1);
            const std::size_t stop = close == std::string_view::npos ? n : close;
            QueryPhrase phrase;
            phrase.begin = pos;
            phrase.end = close == std::string_view::npos ? n : close + 1;
            phrase.field = current_field();
            ++token;
            const int index = static_cast<int>(out.phrases.size());
            const std::string_view inner = s.substr(pos + 1, stop - pos - 1);
            for (const auto& t : text::tokenize(inner)) {
                phrase.words.push_back(out.words.size());
                add_word(t.text, pos + 1 + t.offset, index, false);
            }
            pos = phrase.end;
            out.phrases.push_back(std::move(phrase));
            next_near = false;
            field.clear();
            sign = false;
            continue;
        }
        // A field prefix: name, ':' and no space after it.
        std::size_t name_end = pos;
        while (name_end < n && is_name_char(s[name_end]))
            ++name_end;
        if (name_end > pos && name_end + 1 < n && s[name_end] == ':' &&
            !is_space(s[name_end + 1])) {
            const FieldKind kind = field_kind(s.substr(pos, name_end - pos));
            if (kind == FieldKind::free_text) {
                field = std::string(s.substr(pos, name_end - pos));
                pos = name_end + 1;
                continue;
            }
            if (kind == FieldKind::opaque) {
                ++token;
                const std::size_t field_begin = pos;
                pos = name_end + 1;
                if (s[pos] == '"') {
                    const std::size_t close = s.find('"', pos + 1);
                    pos = close == std::string_view::npos ? n : close + 1;
                } else {
                    while (pos < n && !is_space(s[pos]) && !(depth > 0 && s[pos] == ')'))
                        ++pos;
                }
                out.filters.push_back(s.substr(field_begin, pos - field_begin));
                sign = false;
                next_near = false;
                field.clear();
                continue;
            }
        }
        // A chunk: up to a space, a bracket or a quote.
        std::size_t stop = pos;
        while (stop < n && !is_space(s[stop]) && s[stop] != '(' && s[stop] != ')' && s[stop] != '"')
            ++stop;
        const std::string_view chunk = s.substr(pos, stop - pos);
        ++token;
        bool near = false;
        if (is_operator(chunk, &near)) {
            if (near && !out.words.empty() && out.words.back().token + 1 == token)
                out.words.back().near = true;
            next_near = near;
            sign = false;
            field.clear();
            pos = stop;
            continue;
        }
        if (const auto dots = chunk.find(".."); dots != std::string_view::npos) {
            if (chunk.find("...") == std::string_view::npos &&
                chunk.find("..", dots + 2) == std::string_view::npos)
                out.ranges.push_back(chunk);
        } else {
            const auto words = text::tokenize(chunk);
            for (const auto& t : words) {
                add_word(t.text, pos + t.offset, -1, words.size() > 1);
                const std::size_t after = t.offset + t.text.size();
                if (after < chunk.size() && chunk[after] == '*') out.words.back().wildcard = true;
            }
        }
        next_near = false;
        sign = false;
        field.clear();
        pos = stop;
    }
    return out;
}

bool adjacent_plain(std::string_view text, const QueryWord& a, const QueryWord& b) {
    if (a.phrase >= 0 || b.phrase >= 0 || b.sign || b.token != a.token + 1 || b.begin < a.end)
        return false;
    for (std::size_t i = a.end; i < b.begin; ++i)
        if (!is_space(text[i])) return false;
    return true;
}

} // namespace dateline::query
