#include "organization_extent.h"

#include "analyzers/entities/inflection.h"
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
    const std::string w = fold(word);
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
    const auto b = token_at(line, s.begin);
    const auto e = token_at(line, s.end);
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
        const std::string w = fold(line[i].text);
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

// Head nouns that take a complement in a name: "Агентство по охране окружающей среды", "Движение
// за развитие Мали". `with_for`: the head takes "за" too (a movement, a union: what it is for).
bool complement_head(std::string_view folded_word, bool& with_for) {
    static constexpr std::array<std::string_view, 17> by = {
        "агентств",    "служб",      "комитет", "комисси",  "управлени", "департамент",
        "министерств", "совет",      "центр",   "бюро",     "трибунал",  "суд",
        "ассоциаци",   "организаци", "групп",   "федераци", "инспекци"};
    static constexpr std::array<std::string_view, 6> for_ = {"движени", "союз",   "конвенци",
                                                             "парти",   "альянс", "фронт"};
    with_for = false;
    for (auto h : for_)
        if (folded_word.starts_with(h)) return with_for = true;
    for (auto h : by)
        if (folded_word.starts_with(h)) return !folded_word.starts_with("судь");
    return false;
}

// Words after "по" that start an adverbial, not a complement: "по словам", "по данным".
bool adverbial_after_by(std::string_view folded_word) {
    static constexpr std::array<std::string_view, 34> words = {
        "словам",     "данным",       "итогам",    "поводу",       "делу",    "результатам",
        "подозрению", "обвинению",    "факту",     "этому",        "его",     "её",
        "ее",         "их",           "всей",      "всему",        "всем",    "мнению",
        "сообщению",  "информации",   "оценкам",   "сравнению",    "просьбе", "приглашению",
        "инициативе", "требованию",   "решению",   "причине",      "случаю",  "телефону",
        "сведениям",  "собственному", "приговору", "специальности"};
    return std::find(words.begin(), words.end(), folded_word) != words.end();
}

// A verb's ending: the name ends before it ("Агентство по охране среды заявило").
bool verb_like(std::string_view folded_word) {
    // Not "ть" alone: "солидарность", "безопасность" are nouns.
    static constexpr std::array<std::string_view, 13> endings = {
        "ла", "ло", "ли", "ся", "ать", "ять", "ить", "еть", "уть", "ет", "ют", "ит", "ят"};
    return std::any_of(endings.begin(), endings.end(),
                       [&](std::string_view e) { return folded_word.ends_with(e); });
}

bool ends_with_any(std::string_view w, std::span<const std::string_view> endings) {
    return std::any_of(endings.begin(), endings.end(),
                       [&](std::string_view e) { return w.size() > e.size() && w.ends_with(e); });
}

// An adjective's ending, in any case: the phrase's noun is still to come.
bool adjective_like(std::string_view w) {
    static constexpr std::array<std::string_view, 18> endings = {
        "ому", "ему", "ой", "ей", "ым", "им", "ыми", "ими", "ых",
        "их",  "ую",  "юю", "ая", "яя", "ое", "ее",  "ые",  "ие"};
    return ends_with_any(w, endings) || w.ends_with("ого") || w.ends_with("его");
}

// A genitive's ending (nouns and adjectives): "охране окружающей среды", "правам человека".
bool genitive_like(std::string_view w) {
    static constexpr std::array<std::string_view, 13> endings = {
        "а", "я", "ы", "и", "ов", "ев", "ей", "ий", "ого", "его", "ой", "ых", "их"};
    return ends_with_any(w, endings);
}

// The complement rule: a span ending in a head noun takes in the "по ..." (or "за ...") phrase
// after it, lower-case words joined by "и", commas of an enumeration closed by "и", and "в
// сфере" / "в области": "Федеральной службы по надзору в сфере образования и науки".
void extend_over_complement(std::span<const Token> line, const std::vector<Span>& spans,
                            std::size_t first, std::size_t& last) {
    auto word_at = [&](std::size_t i) {
        if (i >= line.size() || !lower_case(line[i].text)) return false;
        const std::string w = fold(line[i].text);
        static constexpr std::array<std::string_view, 28> function_words = {
            "и",   "в",     "во",    "по",    "за",     "с",   "со", "от",  "на",  "о",
            "об",  "к",     "ко",    "у",     "из",     "для", "до", "при", "под", "над",
            "без", "после", "через", "между", "против", "а",   "но", "что"};
        return std::find(function_words.begin(), function_words.end(), w) == function_words.end() &&
               !verb_like(w);
    };
    // The preposition: right after the span, or inside it with only complement words after it
    // ("Федеральной службы по надзору" goes on).
    auto preposition_at = [&](std::size_t k) {
        bool with_for = false;
        if (k == 0 || k + 1 >= line.size() || !complement_head(fold(line[k - 1].text), with_for))
            return false;
        const std::string p = fold(line[k].text);
        return (p == "по" || (with_for && p == "за")) && word_at(k + 1) &&
               !adverbial_after_by(fold(line[k + 1].text));
    };
    std::size_t k = last + 1;
    for (std::size_t j = last; j > first && (word_at(j) || preposition_at(j)); --j)
        if (preposition_at(j)) {
            k = j;
            break;
        }
    if (!preposition_at(k)) return;
    // A noun phrase follows the preposition (adjectives, then a noun in any case), then the nouns
    // in the genitive that it governs; "и", an enumeration's comma, "с" and "в сфере" start
    // another noun phrase: "по надзору в сфере связи, информационных технологий и массовых
    // коммуникаций". A word in no such form ends the name: "суд по правам человека вынес".
    constexpr std::size_t most_words = 12;
    std::size_t i = k + 1, end = 0, words = 0, comma_end = 0;
    bool open_comma = false; // an enumeration's comma not closed by "и" yet
    bool phrase_head = true; // the noun of the phrase is still to come
    while (i < line.size() && words < most_words) {
        const std::string w = fold(line[i].text);
        if (word_at(i) && (phrase_head || genitive_like(w))) {
            if (!adjective_like(w)) phrase_head = false;
            end = i;
            ++words;
            ++i;
        } else if (words > 0 && capitalized(line[i].text) && !acronym(line[i].text) &&
                   genitive_like(fold(line[i].text))) {
            // A proper noun in the genitive closes it: "за освобождение Азавада"; not the first
            // word of a longer name of another type, which ends it before: "по надзору в сфере
            // образования и науки Сергея Кравцова".
            const auto token_end = line[i].offset + line[i].text.size();
            const bool begins_other = std::any_of(spans.begin(), spans.end(), [&](const Span& o) {
                return o.type() != EntityType::organization && o.begin == line[i].offset &&
                       o.end > token_end;
            });
            if (!begins_other) end = i;
            break;
        } else if (phrase_head) {
            break;
        } else if (w == "и" && word_at(i + 1)) {
            open_comma = false;
            phrase_head = true;
            ++i;
        } else if (w == "с" && word_at(i + 1)) {
            phrase_head = true;
            ++i; // "по связям с общественностью"
        } else if (line[i].text == "," && word_at(i + 1)) {
            if (!open_comma) comma_end = end;
            open_comma = true;
            phrase_head = true;
            ++i;
        } else if ((w == "в" || w == "во") && i + 2 < line.size() &&
                   (fold(line[i + 1].text) == "сфере" || fold(line[i + 1].text) == "области") &&
                   word_at(i + 2)) {
            phrase_head = true;
            i += 2;
        } else {
            break;
        }
    }
    if (open_comma) end = comma_end;
    if (end > last) last = end;
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
        extend_over_complement(line, spans, first, last);
        if (const Span* place = place_after(last)) {
            std::size_t pf = 0, pl = 0;
            if (token_range(line, *place, pf, pl)) last = pl;
        }
        if ((first != old_first || last != old_last) && !crosses_other(line, spans, s, first, last))
            set_range(line, first, last, s);
    }
    // The without-the-place rule: a capitalized organization ending with a tagged place is also an
    // organization without it (and without a preposition before it), nested, when what is left is
    // two words or more ending in a lower-case one.
    std::vector<Span> added;
    for (const auto& s : spans) {
        std::size_t first = 0, last = 0;
        if (s.chain != organization_chain || !token_range(line, s, first, last) ||
            !capitalized(line[first].text))
            continue;
        for (const auto& p : spans) {
            std::size_t pf = 0, pl = 0;
            if (p.chain != place_chain || p.end != s.end || p.begin <= s.begin ||
                !token_range(line, p, pf, pl) || pf <= first)
                continue;
            std::size_t head_last = pf - 1;
            const std::string folded = fold(line[head_last].text);
            if (head_last > first && (folded == "по" || folded == "при" || folded == "в" ||
                                      folded == "во" || folded == "на"))
                --head_last;
            std::size_t words = 0;
            for (std::size_t i = first; i <= head_last; ++i)
                words += is_word(line[i].text);
            if (words < 2 || !lower_case(line[head_last].text)) continue;
            Span head{s.begin, line[head_last].offset + line[head_last].text.size(),
                      organization_chain + 1};
            const auto same = [&](const Span& o) {
                return o.type() == EntityType::organization && o.begin == head.begin &&
                       o.end == head.end;
            };
            if (std::none_of(spans.begin(), spans.end(), same) &&
                std::none_of(added.begin(), added.end(), same))
                added.push_back(head);
        }
    }
    // The head rule: a head word right before a tagged place, outside every organization.
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

void add_institution_nouns(std::span<const Token> line, std::vector<Span>& spans) {
    // Stems of the nouns; a form is a stem plus an ending of at most two letters.
    static constexpr std::array<std::string_view, 6> stems = {
        "полици", "правительств", "парламент", "прокуратур", "мэри", "кабмин"};
    std::vector<Span> added;
    for (const auto& t : line) {
        if (!lower_case(t.text)) continue;
        const std::string w = fold(t.text);
        const bool noun = std::any_of(stems.begin(), stems.end(), [&](std::string_view stem) {
            return w.starts_with(stem) &&
                   letter_count(std::string_view(w).substr(stem.size())) <= 2;
        });
        if (!noun) continue;
        const std::size_t end = t.offset + t.text.size();
        const bool covered = std::any_of(spans.begin(), spans.end(), [&](const Span& o) {
            return o.begin < end && t.offset < o.end;
        });
        if (!covered) {
            added.push_back({t.offset, end, organization_chain});
            continue;
        }
        // The noun that begins a longer organization is one too, nested: "полиции" in
        // "полиции Сан-Диего", "правительства" in "правительства России". Every span over it
        // (one at least: it is covered) must be such an organization.
        const bool begins_organizations =
            std::all_of(spans.begin(), spans.end(), [&](const Span& o) {
                return o.end <= t.offset || end <= o.begin ||
                       (o.type() == EntityType::organization && o.begin == t.offset && o.end > end);
            });
        if (begins_organizations) added.push_back({t.offset, end, organization_chain + 1});
    }
    spans.insert(spans.end(), added.begin(), added.end());
}

void add_nested_acronyms(std::span<const Token> line, std::vector<Span>& spans) {
    auto cyrillic_acronym = [](std::string_view t) {
        std::size_t pos = 0, letters = 0;
        while (pos < t.size()) {
            const unsigned c = text::next_code_point(t, pos);
            if (!((c >= 0x410 && c <= 0x42F) || c == 0x401)) return false;
            ++letters;
        }
        return letters >= 3;
    };
    // Acronyms of a legal form or a kind of institution, not of a name ("ЗАО «Роспром»",
    // "Дебенской СОШ", "Михайловский ГОК", "Комитет по оценке СМИ").
    static constexpr std::array<std::string_view, 20> kinds = {
        "ООО", "ОАО", "ЗАО",   "ПАО", "НАО", "ПКФ", "ФГУП", "ГУП", "МУП", "ФГБУ",
        "ГБУ", "НКО", "ФГБОУ", "СМИ", "СОШ", "НИИ", "ГОК",  "ТЭЦ", "ГЭС", "АЭС"};
    auto place_at = [&](std::size_t i) {
        return std::any_of(spans.begin(), spans.end(), [&](const Span& o) {
            return o.type() == EntityType::place && o.begin == line[i].offset;
        });
    };
    std::vector<Span> added;
    for (const auto& s : spans) {
        std::size_t first = 0, last = 0;
        if (s.chain != organization_chain || !token_range(line, s, first, last) || first == last)
            continue;
        for (std::size_t i = first; i <= last; ++i) {
            if (!cyrillic_acronym(line[i].text) ||
                std::find(kinds.begin(), kinds.end(), line[i].text) != kinds.end())
                continue;
            // A word hyphenated to it is one name with it ("ОВД-Инфо").
            if ((i > first && touching(line, i - 1, i) && hyphen(line[i - 1].text)) ||
                (i < last && touching(line, i, i + 1) && hyphen(line[i + 1].text)))
                continue;
            // First, it names the organization only when a place or "по" follows ("МВД России",
            // "УФСБ по Пермскому краю"), not a name ("РИА Новости", "ООО «МНКТ»").
            if (i == first && !(place_at(i + 1) || fold(line[i + 1].text) == "по")) continue;
            const Span nested{line[i].offset, line[i].offset + line[i].text.size(),
                              organization_chain + 1};
            // A place written there stays a place ("СССР" in "МВД СССР"); a longer organization
            // starting there ("МВД России" in "ГУ МВД России") leaves it too (train: 29 of 35).
            const bool taken = std::any_of(spans.begin(), spans.end(), [&](const Span& o) {
                return o.begin == nested.begin &&
                       (o.end == nested.end || (o.type() == EntityType::place && o.end <= s.end));
            });
            if (!taken && std::find(added.begin(), added.end(), nested) == added.end())
                added.push_back(nested);
        }
    }
    spans.insert(spans.end(), added.begin(), added.end());
}

void add_nested_with_places(std::span<const Token> line, std::vector<Span>& spans) {
    constexpr std::size_t nested_chain = organization_chain + 1;
    static_assert(chains[nested_chain].nested &&
                  chains[nested_chain].type == EntityType::organization);
    std::vector<Span> added;
    for (const auto& n : spans) {
        if (n.chain != nested_chain) continue;
        const auto next = token_at(line, n.end);
        if (next == line.end() || !capitalized(next->text)) continue;
        for (const auto& p : spans) {
            if (p.type() != EntityType::place || p.begin != next->offset) continue;
            const Span with{n.begin, p.end, nested_chain};
            // Inside an outer organization, and not one already.
            const bool inside = std::any_of(spans.begin(), spans.end(), [&](const Span& o) {
                return o.chain == organization_chain && o.begin <= with.begin &&
                       with.end <= o.end && (o.begin != with.begin || o.end != with.end);
            });
            const bool known = std::any_of(spans.begin(), spans.end(), [&](const Span& o) {
                return o.type() == EntityType::organization && o.begin == with.begin &&
                       o.end == with.end;
            });
            if (inside && !known && std::find(added.begin(), added.end(), with) == added.end())
                added.push_back(with);
        }
    }
    spans.insert(spans.end(), added.begin(), added.end());
}

void drop_complement_heads(std::span<const Token> line, std::vector<Span>& spans) {
    std::erase_if(spans, [&](const Span& n) {
        if (n.type() != EntityType::organization) return false;
        const auto last = token_at(line, n.end);
        if (last == line.begin() || last == line.end()) return false;
        if (!lower_case(std::prev(last)->text)) return false; // the head ends in a common noun
        const std::string preposition = fold(last->text);
        if ((preposition != "по" && preposition != "за") || std::next(last) == line.end() ||
            !lower_case(std::next(last)->text))
            return false;
        return std::any_of(spans.begin(), spans.end(), [&](const Span& o) {
            return &o != &n && o.type() == EntityType::organization && o.begin == n.begin &&
                   o.end > last->offset;
        });
    });
}

} // namespace dateline::entities::tagger
