#include "person_extents.h"

#include "analyzers/entities/inflection.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace dateline::entities::tagger {
namespace {

// Where a span's second person begins: tokens [0, first_end) are the first, [second_begin, n) the
// second.
struct Cut {
    std::size_t first_end = 0, second_begin = 0;
};

class SpanTokens {
  public:
    explicit SpanTokens(std::span<const Token> tokens) : tokens_(tokens) {}

    std::size_t size() const { return tokens_.size(); }

    // A capitalized word of two letters or more ("Шаймиева", not "В" nor "-").
    bool name_word(std::size_t i) const {
        const std::string_view t = tokens_[i].text;
        return letter_count(t) >= 2 && fold(t) != t;
    }
    // A capital letter followed by a period ("В.").
    bool initial(std::size_t i) const {
        const std::string_view t = tokens_[i].text;
        return i + 1 < size() && letter_count(t) == 1 && fold(t) != t && tokens_[i + 1].text == ".";
    }
    // A dash with white space on both sides.
    bool spaced_dash(std::size_t i) const {
        const std::string_view t = tokens_[i].text;
        if (t != "-" && t != "—" && t != "–") return false;
        return i > 0 && i + 1 < size() &&
               tokens_[i - 1].offset + tokens_[i - 1].text.size() < tokens_[i].offset &&
               tokens_[i].offset + t.size() < tokens_[i + 1].offset;
    }
    std::string key(std::size_t i) const { return fold(tokens_[i].text); }

  private:
    std::span<const Token> tokens_;
};

bool has_name_word(const SpanTokens& t, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
        if (t.name_word(i)) return true;
    return false;
}

// One word is the other plus an ending of at most two letters, both of five letters or more.
bool same_surname(const std::string& a, const std::string& b) {
    const auto& [shorter, longer] = a.size() <= b.size() ? std::tie(a, b) : std::tie(b, a);
    return a != b && letter_count(shorter) >= 5 && longer.starts_with(shorter) &&
           letter_count(std::string_view(longer).substr(shorter.size())) <= 2;
}

std::optional<Cut> find_cut(const SpanTokens& t) {
    const std::size_t n = t.size();
    auto valid = [&](Cut c) -> std::optional<Cut> {
        if (c.first_end == 0 || c.second_begin >= n || !has_name_word(t, 0, c.first_end) ||
            !has_name_word(t, c.second_begin, n))
            return std::nullopt;
        return c;
    };
    for (std::size_t i = 1; i + 1 < n; ++i)
        if (t.spaced_dash(i))
            if (auto c = valid({i, i + 1})) return c;
    if (t.initial(0))
        for (std::size_t i = 2; i + 1 < n; ++i)
            if (t.initial(i) && t.name_word(i - 1))
                if (auto c = valid({i, i})) return c;
    // Only at the end: a repeated word that begins a name is part of it ("Жа Жа Габор").
    if (n >= 3 && t.name_word(n - 1) && t.name_word(n - 2) && t.key(n - 1) == t.key(n - 2))
        if (auto c = valid({n - 1, n - 1})) return c;
    for (std::size_t j = 0; j + 2 < n; ++j) {
        if (!t.name_word(j) || !t.name_word(j + 1)) continue;
        for (std::size_t i = j + 2; i < n; ++i)
            if (t.name_word(i) && same_surname(t.key(j), t.key(i)))
                if (auto c = valid({j + 1, j + 1})) return c;
    }
    return std::nullopt;
}

} // namespace

void split_joined_people(std::span<const Token> line, std::vector<Span>& spans) {
    std::vector<Span> out;
    out.reserve(spans.size());
    std::vector<Span> work(spans.rbegin(), spans.rend()); // a stack, in text order
    while (!work.empty()) {
        const Span s = work.back();
        work.pop_back();
        if (s.type() != EntityType::person || chains[s.chain].nested) {
            out.push_back(s);
            continue;
        }
        const auto first = token_at(line, s.begin);
        auto last = first;
        while (last != line.end() && last->offset < s.end)
            ++last;
        const std::span<const Token> tokens(first, last);
        const auto cut = find_cut(SpanTokens(tokens));
        if (!cut) {
            out.push_back(s);
            continue;
        }
        const Token& end_token = tokens[cut->first_end - 1];
        // The second part first, so that it is split again if it holds two people too.
        work.push_back({tokens[cut->second_begin].offset, s.end, s.chain});
        out.push_back({s.begin, end_token.offset + end_token.text.size(), s.chain});
    }
    spans = std::move(out);
}

void extend_glued_initials(std::span<const Token> line, std::vector<Span>& spans) {
    std::vector<std::pair<std::size_t, std::size_t>> extended; // (old end, new end)
    for (auto& s : spans) {
        if (s.type() != EntityType::person || chains[s.chain].nested) continue;
        const auto next = token_at(line, s.end);
        if (next == line.begin() || next == line.end() || next + 1 == line.end()) continue;
        const Token& last = *(next - 1);
        const Token& name = *(next + 1);
        const std::size_t letters = letter_count(last.text);
        if (last.offset + last.text.size() != s.end || letters < 1 || letters > 3 ||
            fold(last.text) == last.text || next->text != "." || next->offset != s.end ||
            name.offset != s.end + 1 || letter_count(name.text) < 2 || fold(name.text) == name.text)
            continue;
        extended.emplace_back(s.end, name.offset + name.text.size());
        s.end = extended.back().second;
    }
    std::erase_if(spans, [&](const Span& s) {
        return s.type() == EntityType::person &&
               std::any_of(extended.begin(), extended.end(),
                           [&](const auto& e) { return s.begin >= e.first && s.end <= e.second; });
    });
}

void trim_leading_titles(std::span<const Token> line, std::vector<Span>& spans) {
    // Stems of titles, ranks and kinships, each taking an ending of up to two letters.
    // Not "мэр", "эмир", "шейх": given names too ("Мэри", "Эмир Кустурица", "Шейх Музафар").
    static constexpr std::array<std::string_view, 33> titles = {
        "император", "императриц", "корол",     "принц",   "президент", "премьер",    "папа",
        "патриарх",  "вдова",      "вдовец",    "сын",     "дочь",      "жена",       "муж",
        "отец",      "сестра",     "герцог",    "граф",    "князь",     "княгин",     "царь",
        "султан",    "доктор",     "профессор", "генерал", "полковник", "губернатор", "режиссёр",
        "актёр",     "актриса",    "певица",    "мистер",  "сэр"};
    // Nor does a person begin with an institution it names ("Института Пушкина": Пушкина).
    static constexpr std::array<std::string_view, 9> institutions = {
        "институт", "университет", "академи",      "музе",     "театр",
        "фонд",     "колледж",     "консерватори", "библиотек"};
    for (auto& s : spans) {
        if (s.type() != EntityType::person || chains[s.chain].nested) continue;
        const auto first = token_at(line, s.begin);
        if (first == line.end() || first + 1 == line.end() || first->offset != s.begin) continue;
        const Token& name = *(first + 1);
        if (name.offset >= s.end || fold(first->text) == first->text ||
            letter_count(name.text) < 2 || fold(name.text) == name.text)
            continue;
        const std::string word = fold(first->text);
        const auto is_form = [&](std::string_view t) {
            return word.starts_with(t) &&
                   letter_count(std::string_view(word).substr(t.size())) <= 3;
        };
        if (std::any_of(titles.begin(), titles.end(), is_form) ||
            std::any_of(institutions.begin(), institutions.end(), is_form))
            s.begin = name.offset;
    }
}

} // namespace dateline::entities::tagger
