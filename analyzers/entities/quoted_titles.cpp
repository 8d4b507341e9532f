#include "quoted_titles.h"

#include "analyzers/text.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

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
    static constexpr std::array<std::string_view, 38> stems = {
        "фильм",  "кинолент", "картин",       "сериал",    "спектакл", "песн",        "альбом",
        "сингл",  "роман",    "книг",         "повест",    "сочинени", "произведени", "балет",
        "мюзикл", "поэм",     "стихотворени", "выставк",   "фестивал", "конкурс",     "преми",
        "орден",  "медал",    "номинаци",     "кинотеатр", "стадион",  "метро",       "станци",
        "улиц",   "площад",   "корабл",       "судн",      "самолёт",  "ракет",       "операци",
        "закон",  "передач",  "шоу"};
    const std::string w = fold(word);
    // Longer words that share a stem: "премьер", "законодательного" (собрания «...»).
    if (w.starts_with("премьер") || w.starts_with("законодат")) return false;
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

} // namespace

void drop_quoted_titles(std::span<const Token> line, std::vector<Span>& spans) {
    std::erase_if(spans, [&](const Span& s) {
        if (s.type() != EntityType::organization) return false;
        const auto first = token_at(line, s.begin);
        if (first == line.end() || first->offset != s.begin) return false;
        const auto end = token_at(line, s.end);
        const auto at = static_cast<std::size_t>(first - line.begin());
        const auto after = static_cast<std::size_t>(end - line.begin());
        // A Latin name before a year in brackets is a work: "Invaders Must Die (2009)".
        if (latin_only(line, at, after) && year_in_brackets(line, after)) return true;
        if (first == line.begin()) return false;
        if (latin_only(line, at, after) && latin_title_kind(line[at - 1].text)) return true;
        const auto open = at - 1;
        if (!opening(line[open].text)) return false;
        if (end == line.end() || !closing(end->text)) return false; // not the whole quoted name
        const std::size_t kind = before_list(line, open);
        return kind < line.size() && title_kind(line[kind].text);
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

} // namespace dateline::entities::tagger
