#include "organization_extent.h"

#include "analyzers/text.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace dateline::entities::tagger {

namespace {

constexpr std::size_t organization_chain = 1; // chains[1]: organizations, outer
constexpr std::size_t place_chain = 3;
static_assert(chains[organization_chain].type == EntityType::organization &&
              !chains[organization_chain].nested && chains[place_chain].type == EntityType::place);

unsigned first_code_point(std::string_view s) {
    std::size_t pos = 0;
    return s.empty() ? 0 : text::next_code_point(s, pos);
}

bool upper_letter(unsigned c) {
    return (c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F) || c == 0x401;
}

bool lower_letter(unsigned c) {
    return (c >= 'a' && c <= 'z') || (c >= 0x430 && c <= 0x44F) || c == 0x451;
}

bool digit(unsigned c) {
    return c >= '0' && c <= '9';
}

bool is_word(std::string_view t) {
    const unsigned c = first_code_point(t);
    return upper_letter(c) || lower_letter(c) || digit(c) || (c >= 0xC0 && c < 0x2000);
}

bool capitalized(std::string_view t) {
    return upper_letter(first_code_point(t));
}

bool lower_case(std::string_view t) {
    return lower_letter(first_code_point(t));
}

// Every letter a capital, two letters at least: "ФСБ", "МВД", "NASA".
bool acronym(std::string_view t) {
    std::size_t pos = 0, letters = 0;
    while (pos < t.size()) {
        const unsigned c = text::next_code_point(t, pos);
        if (!upper_letter(c)) return false;
        ++letters;
    }
    return letters >= 2;
}

// Lower case of the Cyrillic and Latin capitals.
std::string folded(std::string_view t) {
    std::string out;
    std::size_t pos = 0;
    while (pos < t.size()) {
        unsigned c = text::next_code_point(t, pos);
        if ((c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F)) c += 0x20;
        if (c == 0x401) c = 0x451;
        text::append_utf8(out, c);
    }
    return out;
}

bool hyphen(std::string_view t) {
    return t == "-" || t == "\u2010" || t == "\u2011";
}

// Token j stands right after token i, with nothing between them.
bool touching(std::span<const Token> line, std::size_t i, std::size_t j) {
    return line[j].offset == line[i].offset + line[i].text.size();
}

// Lower-case words that head an organization when a place follows them ("правительства Мали",
// "посольство США", "сборной России"): stems whose every form NEREL train annotates so in most
// cases. Person words ("президента", "премьер-министра") and "города", "штата" are left out.
bool organization_head(std::string_view word) {
    static constexpr std::array<std::string_view, 10> stems = {
        "правительств", "администраци", "парламент", "посольств",  "прокуратур",
        "полици",       "министерств",  "сенат",     "консульств", "спецслужб"};
    static constexpr std::array<std::string_view, 10> forms = {
        "мэрия",   "мэрии",   "мэрию",   "мэрией",  "сборная",
        "сборной", "сборную", "сборные", "сборных", "сборным"};
    const std::string w = folded(word);
    for (auto s : stems)
        if (w.starts_with(s)) return true;
    return std::find(forms.begin(), forms.end(), w) != forms.end();
}

// The particles between the words of a foreign name ("Людвига ван Бетховена").
bool name_particle(std::string_view word) {
    static constexpr std::array<std::string_view, 12> particles = {
        "ван", "фон", "де", "да", "ди", "дер", "ла", "ле", "дю", "ибн", "бен", "аль"};
    return std::find(particles.begin(), particles.end(), word) != particles.end();
}

// A Russian ordinal's ending after its digits and hyphen ("1-го", "2-й", "5-я").
bool ordinal_ending(std::string_view word) {
    static constexpr std::array<std::string_view, 12> endings = {
        "го", "й", "я", "е", "м", "х", "ю", "ая", "ой", "ый", "ий", "ого"};
    return std::find(endings.begin(), endings.end(), word) != endings.end();
}

// Tokens [first, last] of a span within the line; false when the span is not on token edges.
bool token_range(std::span<const Token> line, const Span& s, std::size_t& first,
                 std::size_t& last) {
    const auto b = std::lower_bound(line.begin(), line.end(), s.begin,
                                    [](const Token& t, std::size_t o) { return t.offset < o; });
    const auto e = std::lower_bound(line.begin(), line.end(), s.end,
                                    [](const Token& t, std::size_t o) { return t.offset < o; });
    if (b == line.end() || b->offset != s.begin || e == b) return false;
    first = static_cast<std::size_t>(b - line.begin());
    last = static_cast<std::size_t>(e - line.begin()) - 1;
    return true;
}

void set_range(std::span<const Token> line, std::size_t first, std::size_t last, Span& s) {
    s.begin = line[first].offset;
    s.end = line[last].offset + line[last].text.size();
}

// The hyphen rule: the span takes in the rest of the hyphenated words it starts or ends in.
void extend_over_hyphens(std::span<const Token> line, std::size_t& first, std::size_t& last) {
    while (last + 2 < line.size() && hyphen(line[last + 1].text) &&
           touching(line, last, last + 1) && touching(line, last + 1, last + 2) &&
           is_word(line[last + 2].text))
        last += 2;
    while (first >= 2 && hyphen(line[first - 1].text) && touching(line, first - 1, first) &&
           touching(line, first - 2, first - 1) && is_word(line[first - 2].text))
        first -= 2;
}

// The ordinal rule: "1-го" before the span joins it.
void extend_over_ordinal(std::span<const Token> line, std::size_t& first) {
    if (first < 3) return;
    const auto& d = line[first - 3];
    if (!digit(first_code_point(d.text)) || !hyphen(line[first - 2].text) ||
        !touching(line, first - 3, first - 2) || !touching(line, first - 2, first - 1) ||
        !ordinal_ending(line[first - 1].text))
        return;
    for (std::size_t pos = 0; pos < d.text.size();)
        if (!digit(text::next_code_point(d.text, pos))) return;
    first -= 3;
}

// The named-after rule: the name after "имени" / "им." inside the span or right after it, however
// much of the name the span holds ("Ассоциации имени Людвига ван" ends at "Бетховена").
void extend_over_named_after(std::span<const Token> line, const std::vector<Span>& spans,
                             std::size_t first, std::size_t& last) {
    auto marker = [&](std::size_t i, std::size_t& after) {
        if (i >= line.size()) return false;
        const std::string w = folded(line[i].text);
        if (w == "имени") {
            after = i + 1;
            return true;
        }
        if (w == "им" && i + 1 < line.size() && line[i + 1].text == "." &&
            touching(line, i, i + 1)) {
            after = i + 2;
            return true;
        }
        return false;
    };
    std::size_t i = 0;
    bool found = false;
    for (std::size_t k = last + 1; k-- > first && !found;)
        found = marker(k, i);
    if (!found && !marker(last + 1, i)) return;
    // A person the tagger found there is the name ("имени Петра Чайковского Даниил Трифонов").
    for (const auto& p : spans) {
        std::size_t pf = 0, pl = 0;
        if (p.type() == EntityType::person && token_range(line, p, pf, pl) && pf == i) {
            last = std::max(last, pl);
            return;
        }
    }
    std::size_t name_end = 0; // one past the name's last capitalized word; 0: none yet
    while (i < line.size()) {
        const auto t = line[i].text;
        if (capitalized(t) && t.size() <= 2 && i + 1 < line.size() && line[i + 1].text == ".") {
            i += 2; // an initial ("М.", "A.")
        } else if (capitalized(t) && !acronym(t)) {
            name_end = ++i;
            if (i + 1 < line.size() && hyphen(line[i].text) && touching(line, i - 1, i) &&
                touching(line, i, i + 1) && capitalized(line[i + 1].text))
                name_end = i += 2; // "Римского-Корсакова"
        } else if (name_particle(t) && i + 1 < line.size() && capitalized(line[i + 1].text)) {
            ++i;
        } else {
            break;
        }
    }
    if (name_end > 0) last = std::max(last, name_end - 1);
}

// Another span than `self` of another type crossing tokens [first, last] partly (nesting is fine).
bool crosses_other(std::span<const Token> line, const std::vector<Span>& spans, const Span& self,
                   std::size_t first, std::size_t last) {
    const std::size_t b = line[first].offset, e = line[last].offset + line[last].text.size();
    for (const auto& o : spans) {
        if (&o == &self || o.type() == self.type() || o.end <= b || e <= o.begin) continue;
        const bool inside = b <= o.begin && o.end <= e;
        if (!inside) return true;
    }
    return false;
}

} // namespace

void fix_organization_extents(std::span<const Token> line, std::vector<Span>& spans) {
    if (line.empty()) return;
    auto place_starting_at = [&](std::size_t token) -> const Span* {
        for (const auto& s : spans)
            if (s.chain == place_chain && s.begin == line[token].offset) return &s;
        return nullptr;
    };
    // A tagged place written with a capital right after token i.
    auto place_after = [&](std::size_t i) -> const Span* {
        return i + 1 < line.size() && capitalized(line[i + 1].text) ? place_starting_at(i + 1)
                                                                    : nullptr;
    };
    for (auto& s : spans) {
        std::size_t first = 0, last = 0;
        if (s.chain != organization_chain || !token_range(line, s, first, last)) continue;
        const std::size_t old_first = first, old_last = last;
        extend_over_hyphens(line, first, last);
        extend_over_ordinal(line, first);
        extend_over_named_after(line, spans, first, last);
        if (const Span* place = place_after(last)) {
            std::size_t pf = 0, pl = 0;
            if (token_range(line, *place, pf, pl)) last = pl;
        }
        if ((first != old_first || last != old_last) && !crosses_other(line, spans, s, first, last))
            set_range(line, first, last, s);
    }
    // The head rule: a head word right before a tagged place, outside every organization.
    std::vector<Span> added;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        if (!lower_case(line[i].text) || !organization_head(line[i].text)) continue;
        const Span* place = place_after(i);
        if (!place) continue;
        const bool taken = std::any_of(spans.begin(), spans.end(), [&](const Span& o) {
            return o.type() == EntityType::organization && o.begin <= line[i].offset &&
                   line[i].offset < o.end;
        });
        if (!taken) added.push_back({line[i].offset, place->end, organization_chain});
    }
    spans.insert(spans.end(), added.begin(), added.end());
}

} // namespace dateline::entities::tagger
