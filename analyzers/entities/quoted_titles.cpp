#include "quoted_titles.h"

#include "analyzers/text.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>

namespace dateline::entities::tagger {

namespace {

bool opening(std::string_view t) {
    return t == "«" || t == "„" || t == "\"" || t == "“";
}

bool closing(std::string_view t) {
    return t == "»" || t == "“" || t == "\"" || t == "”";
}

// Words that name what a quoted title is when it is no organization, as stems of their forms.
bool title_kind(std::string_view word) {
    static constexpr std::array<std::string_view, 41> stems = {
        "фильм",  "кинолент", "картин",       "сериал",    "спектакл", "песн",        "альбом",
        "сингл",  "роман",    "книг",         "повест",    "сочинени", "произведени", "балет",
        "мюзикл", "поэм",     "стихотворени", "выставк",   "фестивал", "конкурс",     "преми",
        "орден",  "медал",    "номинаци",     "кинотеатр", "стадион",  "метро",       "станци",
        "улиц",   "площад",   "корабл",       "судн",      "самолёт",  "ракет",       "операци",
        "закон",  "передач",  "шоу",          "программ",  "названи",  "мультфильм"};
    const std::string w = fold(word);
    // Longer words that share a stem: "премьер", "законодательного" (собрания «...»),
    // "программист" («Яндекса»).
    if (w.starts_with("премьер") || w.starts_with("законодат") || w.starts_with("программист"))
        return false;
    return std::any_of(stems.begin(), stems.end(),
                       [&](std::string_view s) { return w.starts_with(s); });
}

// Words after which a name in Latin letters, quoted or not, is a work, an award or an event
// ("премии Grammy", "с треком Firestarter"). Narrower than title_kind: after "альбома", "кинотеатр"
// or "проекту" a Latin name is as often a band or a company ("альбома U2", "проекту Mozilla").
bool latin_title_kind(std::string_view word) {
    static constexpr std::array<std::string_view, 13> stems = {
        "преми", "трек", "номинаци", "фестивал",  "конкурс", "шоу",      "сериал",
        "фильм", "песн", "сингл",    "композици", "турнир",  "чемпионат"};
    const std::string w = fold(word);
    if (w.starts_with("премьер")) return false;
    return std::any_of(stems.begin(), stems.end(),
                       [&](std::string_view s) { return w.starts_with(s); });
}

// The index of the token before the list of quoted names that token `open` (an opening mark)
// starts, walking back over earlier quoted names joined by commas, "и", "а также" and "как";
// line.size() when there is none.
std::size_t before_list(std::span<const Token> line, std::size_t open) {
    std::size_t i = open;
    for (int names = 0; names < 16; ++names) {
        std::size_t j = i;
        while (j > 0) {
            const std::string w = fold(line[j - 1].text);
            if (w != "," && w != "и" && w != "а" && w != "также" && w != "как" && w != "среди" &&
                w != "которых")
                break;
            --j;
        }
        // Another quoted name before the joiners: "«Звезда», «Космос» и «Юность»".
        if (j < i && j > 0 && closing(line[j - 1].text)) {
            std::size_t k = j - 1;
            while (k > 0 && !opening(line[k - 1].text))
                --k;
            if (k == 0) return line.size();
            i = k - 1;
            continue;
        }
        // "такие картины, как «Цирк»": the joiners stand after the kind word.
        return j > 0 ? j - 1 : line.size();
    }
    return line.size();
}

// Whether a word naming a work, a place or an award (title_kind) stands among the 8 tokens
// before the colon at `colon`, within its sentence: a list after a colon is of that kind
// ("в девяти кинотеатрах городской сети «Москино»: «Полёт», «Юность»", "Автор произведений:
// «Софичка», «Детство Чика»"; on NEREL train 19 such quoted names, none an organization).
bool title_kind_before_colon(std::span<const Token> line, std::size_t colon) {
    for (std::size_t i = colon, seen = 0; i > 0 && seen < 8; --i, ++seen) {
        const auto t = line[i - 1].text;
        if (t == "." || t == "!" || t == "?" || t == ";" || t == ":") return false;
        if (title_kind(t)) return true;
    }
    return false;
}

// Whether tokens [first, end) are written in Latin letters, digits and marks only, one letter
// at least ("Invaders Must Die", "It’s My Life").
bool latin_only(std::span<const Token> line, std::size_t first, std::size_t end) {
    bool letter = false;
    for (std::size_t i = first; i < end; ++i) {
        const auto t = line[i].text;
        for (std::size_t pos = 0; pos < t.size();) {
            const unsigned c = text::next_code_point(t, pos);
            if (c >= 0x80 && c != 0x2019) return false; // "’" is in "It’s"
            letter = letter || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
    }
    return letter;
}

// Whether tokens from `at` read "(1997)": a year in brackets, as after an album or a film.
bool year_in_brackets(std::span<const Token> line, std::size_t at) {
    if (at + 2 >= line.size() || line[at].text != "(" || line[at + 2].text != ")") return false;
    const auto y = line[at + 1].text;
    return y.size() == 4 &&
           std::all_of(y.begin(), y.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether tokens [first, end) hold an English word of a sentence, not of a name: a pronoun, a
// form of "be", "what", "such", "never", or "a" in lower case ("It’s My Life", "Such a Shame",
// "What You Make It"). "I" is left out (an initial), and so is a word in capitals ("IT", "ME").
bool sentence_word(std::span<const Token> line, std::size_t first, std::size_t end) {
    static constexpr std::array<std::string_view, 18> words = {
        "my", "your", "his", "her", "our",  "their", "me",    "you", "we",
        "is", "are",  "was", "am",  "what", "such",  "never", "it",  "its"};
    for (std::size_t i = first; i < end; ++i) {
        const auto t = line[i].text;
        if (t == "a") return true;
        if (t.size() < 2 || t.size() > 5 || (t[1] >= 'A' && t[1] <= 'Z')) continue;
        std::string w(t);
        w[0] = static_cast<char>(w[0] >= 'A' && w[0] <= 'Z' ? w[0] - 'A' + 'a' : w[0]);
        if (std::find(words.begin(), words.end(), w) != words.end()) return true;
    }
    return false;
}

} // namespace

void drop_quoted_titles(std::span<const Token> line, std::vector<Span>& spans) {
    // The people's spans, [begin, end) in bytes: a quoted name followed by its author.
    std::vector<std::pair<std::size_t, std::size_t>> people;
    for (const auto& p : spans)
        if (p.type() == EntityType::person) people.emplace_back(p.begin, p.end);
    auto person_from = [&](std::size_t begin) -> std::size_t { // its end, or 0
        for (const auto& [b, e] : people)
            if (b == begin) return e;
        return 0;
    };
    auto person_to = [&](std::size_t end) {
        return std::any_of(people.begin(), people.end(),
                           [&](const auto& p) { return p.second == end; });
    };
    auto joiner = [](std::string_view t) { return t == "," || t == "и"; };
    // A list of works with their authors: "«Катынь» Анджея Вайды, «Маска» Братьев Куэй". Token
    // `close` closes the quoted name; true when a person follows it and the list goes on before
    // or after ("..., «X» Y" or "«X» Y, «...").
    auto authored_in_list = [&](std::size_t open, std::size_t close) {
        if (close + 1 >= line.size()) return false;
        const std::size_t author_end = person_from(line[close + 1].offset);
        if (author_end == 0) return false;
        const auto next = token_at(line, author_end);
        const bool list_after = next != line.end() && next + 1 != line.end() &&
                                joiner(next->text) && opening((next + 1)->text);
        const bool list_before = open >= 2 && joiner(line[open - 1].text) &&
                                 person_to(line[open - 2].offset + line[open - 2].text.size());
        return list_after || list_before;
    };
    std::erase_if(spans, [&](const Span& s) {
        if (s.type() != EntityType::organization) return false;
        const auto first = token_at(line, s.begin);
        if (first == line.end() || first->offset != s.begin) return false;
        const auto end = token_at(line, s.end);
        const auto at = static_cast<std::size_t>(first - line.begin());
        const auto after = static_cast<std::size_t>(end - line.begin());
        // A Latin name before a year in brackets is a work: "Invaders Must Die (2009)".
        if (latin_only(line, at, after) && year_in_brackets(line, after)) return true;
        // A Latin name that reads as a sentence is a title: "It’s My Life", "Such a Shame".
        if (after - at >= 2 && latin_only(line, at, after) && sentence_word(line, at, after))
            return true;
        if (first == line.begin()) return false;
        if (latin_only(line, at, after) && latin_title_kind(line[at - 1].text)) return true;
        const auto open = at - 1;
        if (!opening(line[open].text)) return false;
        if (end == line.end() || !closing(end->text)) return false; // not the whole quoted name
        if (authored_in_list(open, after)) return true;
        const std::size_t kind = before_list(line, open);
        if (kind >= line.size()) return false;
        return title_kind(line[kind].text) ||
               (line[kind].text == ":" && title_kind_before_colon(line, kind));
    });
}

void drop_event_names(std::span<const Token> line, std::vector<Span>& spans) {
    static constexpr std::array<std::string_view, 13> stems = {
        "преми",   "конкурс",  "кубк",  "кубок",  "олимпиад",     "чемпионат", "турнир",
        "выставк", "фестивал", "съезд", "саммит", "кинофестивал", "биеннале"};
    auto event_word = [&](std::string_view word) {
        const std::string w = fold(word);
        if (w.starts_with("премьер")) return false;
        return std::any_of(stems.begin(), stems.end(),
                           [&](std::string_view s) { return w.starts_with(s); });
    };
    std::erase_if(spans, [&](const Span& s) {
        if (s.type() != EntityType::organization) return false;
        auto t = token_at(line, s.begin);
        for (int k = 0; k < 3 && t != line.end() && t->offset < s.end; ++k, ++t)
            if (event_word(t->text)) return true;
        return false;
    });
}

void drop_facility_names(std::span<const Token> line, std::vector<Span>& spans) {
    static constexpr std::array<std::string_view, 6> kinds = {"АЭС",  "ГЭС", "ТЭЦ",
                                                              "ГРЭС", "ТЭС", "АЗС"};
    std::erase_if(spans, [&](const Span& s) {
        if (s.type() != EntityType::organization) return false;
        for (auto t = token_at(line, s.begin); t != line.end() && t->offset < s.end; ++t)
            if (std::find(kinds.begin(), kinds.end(), t->text) != kinds.end()) return true;
        return false;
    });
}

void retype_latin_performers(std::span<const Token> line, std::vector<Span>& spans) {
    static constexpr std::array<std::string_view, 6> stems = {"блогер", "рэпер", "певиц",
                                                              "певец",  "певц",  "диджей"};
    static_assert(!chains[0].nested && chains[0].type == EntityType::person);
    for (auto& s : spans) {
        if (s.type() != EntityType::organization || chains[s.chain].nested) continue;
        const auto first = token_at(line, s.begin);
        if (first == line.end() || first == line.begin() || first->offset != s.begin) continue;
        const auto end = token_at(line, s.end);
        const auto at = static_cast<std::size_t>(first - line.begin());
        if (!latin_only(line, at, static_cast<std::size_t>(end - line.begin()))) continue;
        const std::string w = fold(line[at - 1].text);
        if (std::any_of(stems.begin(), stems.end(),
                        [&](std::string_view st) { return w.starts_with(st); }))
            s.chain = 0;
    }
}

namespace {

// Words that name an organization's kind, as stems of their forms ("партии", "группы",
// "газета"): a quoted name after them is an organization on NEREL train (see the header).
bool organization_kind(std::string_view word) {
    static constexpr std::array<std::string_view, 25> stems = {
        "групп",       "компани",  "движени",    "клуб",       "банк",    "радио",     "газет",
        "журнал",      "телекана", "агентств",   "организаци", "концерн", "предприят", "холдинг",
        "издательств", "фонд",     "объединени", "корпораци",  "фирм",    "завод",     "комбинат",
        "студи",       "лейбл",    "союз",       "команд"};
    static constexpr std::array<std::string_view, 7> not_kinds = {
        "журналист", "банкрот", "командир", "командова", "союзн", "фирмен", "фондов"};
    static constexpr std::array<std::string_view, 6> parties = {"партия",  "партии", "партию",
                                                                "партией", "партий", "партиям"};
    const std::string w = fold(word);
    auto starts = [&](std::string_view st) { return w.starts_with(st); };
    if (std::any_of(not_kinds.begin(), not_kinds.end(), starts)) return false;
    return std::any_of(stems.begin(), stems.end(), starts) ||
           std::find(parties.begin(), parties.end(), w) != parties.end();
}

bool capital_or_digit(std::string_view t) {
    std::size_t pos = 0;
    const unsigned c = t.empty() ? 0 : text::next_code_point(t, pos);
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 0x410 && c <= 0x42F) ||
           c == 0x401;
}

} // namespace

void add_quoted_organizations(std::span<const Token> line, std::vector<Span>& spans) {
    constexpr std::size_t organization_chain = 1, longest = 12;
    static_assert(!chains[organization_chain].nested &&
                  chains[organization_chain].type == EntityType::organization);
    for (std::size_t open = 0; open + 2 < line.size(); ++open) {
        if (!opening(line[open].text) || !capital_or_digit(line[open + 1].text)) continue;
        std::size_t close = open + 1;
        while (close < line.size() && close <= open + longest && !closing(line[close].text) &&
               !opening(line[close].text))
            ++close;
        if (close >= line.size() || !closing(line[close].text) || close == open + 1) continue;
        const std::size_t kind = before_list(line, open);
        if (kind >= line.size() || !organization_kind(line[kind].text)) continue;
        // A band's song is no band: "хитов группы как «It’s My Life», «Such a Shame»".
        if (latin_only(line, open + 1, close) && sentence_word(line, open + 1, close)) continue;
        const Span name{line[open + 1].offset, line[close - 1].offset + line[close - 1].text.size(),
                        organization_chain};
        // Left alone when an organization is there already, or a span crosses the name's edges;
        // a person or a place that is the whole name is the organization instead.
        bool free = true;
        for (const auto& o : spans) {
            if (o.end <= name.begin || name.end <= o.begin) continue;
            const bool inside = name.begin <= o.begin && o.end <= name.end;
            const bool whole = o.begin == name.begin && o.end == name.end;
            if ((o.type() == EntityType::organization && !chains[o.chain].nested) ||
                (!inside && !whole))
                free = false;
        }
        if (!free) continue;
        std::erase_if(spans, [&](const Span& o) {
            return o.type() != EntityType::organization && o.begin == name.begin &&
                   o.end == name.end;
        });
        spans.push_back(name);
    }
}

} // namespace dateline::entities::tagger
