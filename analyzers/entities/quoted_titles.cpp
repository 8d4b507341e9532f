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

// The index of the token before the list of quoted names that token `open` (an opening mark)
// starts, walking back over earlier quoted names joined by commas, "и", "а также" and "как";
// line.size() when there is none.
std::size_t before_list(std::span<const Token> line, std::size_t open) {
    std::size_t i = open;
    for (int names = 0; names < 16; ++names) {
        std::size_t j = i;
        while (j > 0) {
            const std::string w = fold(line[j - 1].text);
            if (w != "," && w != "и" && w != "а" && w != "также" && w != "как") break;
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

} // namespace

void drop_quoted_titles(std::span<const Token> line, std::vector<Span>& spans) {
    std::erase_if(spans, [&](const Span& s) {
        if (s.type() != EntityType::organization) return false;
        const auto first =
            std::lower_bound(line.begin(), line.end(), s.begin,
                             [](const Token& t, std::size_t o) { return t.offset < o; });
        if (first == line.end() || first == line.begin() || first->offset != s.begin) return false;
        const auto open = static_cast<std::size_t>(first - line.begin()) - 1;
        if (!opening(line[open].text)) return false;
        const auto end =
            std::lower_bound(line.begin(), line.end(), s.end,
                             [](const Token& t, std::size_t o) { return t.offset < o; });
        if (end == line.end() || !closing(end->text)) return false; // not the whole quoted name
        const std::size_t kind = before_list(line, open);
        return kind < line.size() && title_kind(line[kind].text);
    });
}

} // namespace dateline::entities::tagger
