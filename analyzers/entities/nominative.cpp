#include "nominative.h"

#include <algorithm>
#include <array>
#include <span>
#include <vector>

namespace dateline::entities {

namespace {

enum Gender : unsigned { masculine = 1, feminine = 2 };
enum Case : unsigned { nom = 1, gen = 2, dat = 4, acc = 8, ins = 16, pre = 32 };
constexpr std::array<unsigned, 6> cases = {nom, gen, dat, acc, ins, pre};

// An ending, what replaces it in the nominative, and the readings it allows.
struct Paradigm {
    std::string_view ending, nominative;
    unsigned genders, cases;
    bool adjective = false; // a place's adjective ("Новой Шотландии"); not applied to people
};

// Surnames in -ов/-ев/-ёв/-ин/-ын (Иванов, Иванова) and in -ский/-цкий: the endings after the stem.
constexpr std::string_view surname_stems[] = {"ов", "ев", "ёв", "ин", "ын"};
constexpr Paradigm surname_endings[] = {
    {"", "", masculine, nom},
    {"а", "", masculine, gen | acc},
    {"у", "", masculine, dat},
    {"ым", "", masculine, ins},
    {"е", "", masculine, pre},
    {"а", "а", feminine, nom},
    {"ой", "а", feminine, gen | dat | ins | pre},
    {"у", "а", feminine, acc},
};
constexpr std::string_view adjective_surname_stems[] = {"ск", "цк"};
constexpr Paradigm adjective_surname_endings[] = {
    {"ий", "ий", masculine, nom},
    {"ого", "ий", masculine, gen | acc},
    {"ому", "ий", masculine, dat},
    {"им", "ий", masculine, ins},
    {"ом", "ий", masculine, pre},
    {"ая", "ая", feminine, nom},
    {"ой", "ая", feminine, gen | dat | ins | pre},
    {"ую", "ая", feminine, acc},
};

constexpr Paradigm other_rules[] = {
    // Adjectives of place names: Новая Шотландия, Нижний Новгород.
    {"ый", "ый", masculine, nom, true},
    {"ий", "ий", masculine, nom, true},
    {"ого", "ый", masculine, gen | acc, true},
    {"его", "ий", masculine, gen | acc, true},
    {"ому", "ый", masculine, dat, true},
    {"ему", "ий", masculine, dat, true},
    {"ым", "ый", masculine, ins, true},
    {"ая", "ая", feminine, nom, true},
    {"яя", "яя", feminine, nom, true},
    {"ой", "ая", feminine, gen | dat | ins | pre, true},
    {"ей", "яя", feminine, gen | dat | ins | pre, true},
    {"ую", "ая", feminine, acc, true},
    // Plural adjectives are already nominative (Канадские власти), not a noun's dative.
    {"ие", "ие", masculine | feminine, nom},
    {"ые", "ые", masculine | feminine, nom},
    // Patronymics in -ич: Ивановичем.
    {"ичем", "ич", masculine, ins},
    // Nouns in -а/-я: Надежда, Мария, Ольга, Наталья, Шотландия.
    {"а", "а", feminine, nom},
    {"я", "я", feminine, nom},
    {"ы", "а", feminine, gen},
    {"ги", "га", feminine, gen},
    {"ки", "ка", feminine, gen},
    {"хи", "ха", feminine, gen},
    {"жи", "жа", feminine, gen},
    {"ши", "ша", feminine, gen},
    {"чи", "ча", feminine, gen},
    {"щи", "ща", feminine, gen},
    {"ли", "ля", feminine, gen}, // Оли; not a bare -и: foreign names in -и do not decline (Макри)
    {"ни", "ня", feminine, gen},
    {"ии", "ия", feminine, gen | dat | pre},
    // Places in -ия/-ея (not people: "Хаменеи" does not decline): Чехией, not the adjective's
    // "Чехияя" (no adjective ends in -ией, -еей: the longer ending shadows the adjective's -ей in
    // all its cases); Кореи, Гвинеи.
    {"ией", "ия", feminine, gen | dat | ins | pre, true},
    {"еи", "ея", feminine, gen | dat | pre, true},
    {"еей", "ея", feminine, gen | dat | ins | pre, true},
    {"ье", "ья", feminine, dat | pre},
    {"е", "а", feminine, dat | pre},
    {"у", "а", feminine, acc},
    {"ю", "я", feminine, acc},
    {"ой", "а", feminine, ins},
    {"ей", "я", feminine, ins},
    // Consonant stems: Иван, Алексей, Игорь, Галифакс.
    {"а", "", masculine, gen | acc},
    {"у", "", masculine, dat},
    {"ом", "", masculine, ins},
    {"е", "", masculine, pre},
    {"ия", "ий", masculine, gen | acc},
    {"ию", "ий", masculine, dat},
    {"ием", "ий", masculine, ins},
    {"ии", "ий", masculine, pre},
    {"ея", "ей", masculine, gen | acc},
    {"ею", "ей", masculine, dat},
    {"еем", "ей", masculine, ins},
    {"ее", "ей", masculine, pre},
    {"я", "ь", masculine, gen | acc},
    {"ю", "ь", masculine, dat},
    {"ем", "ь", masculine, ins},
    // Men's names in -ай: Николай, Исай (Николая, not "Николаь").
    {"ая", "ай", masculine, gen | acc},
    {"аю", "ай", masculine, dat},
    {"аем", "ай", masculine, ins},
    {"ае", "ай", masculine, pre},
};

// Given names whose vowel drops when they decline, as written: Павел (Павла), Лев (Льва).
constexpr Paradigm irregular_names[] = {
    {"Павла", "Павел", masculine, gen | acc}, {"Павлу", "Павел", masculine, dat},
    {"Павлом", "Павел", masculine, ins},      {"Павле", "Павел", masculine, pre},
    {"Льва", "Лев", masculine, gen | acc},    {"Льву", "Лев", masculine, dat},
    {"Львом", "Лев", masculine, ins},         {"Льве", "Лев", masculine, pre},
};

struct Rule {
    std::string ending, nominative;
    unsigned genders, cases;
    bool adjective;
};

// Every rule, the surname paradigms spelled out for each stem. Longer endings win over shorter
// ones for the same reading; for equal lengths, the first listed.
const std::vector<Rule>& rules() {
    static const std::vector<Rule> all = [] {
        std::vector<Rule> out;
        auto add = [&](std::string_view stem, const Paradigm& p) {
            out.push_back({std::string(stem) + std::string(p.ending),
                           std::string(stem) + std::string(p.nominative), p.genders, p.cases,
                           p.adjective});
        };
        for (auto stem : surname_stems)
            for (const auto& p : surname_endings)
                add(stem, p);
        for (auto stem : adjective_surname_stems)
            for (const auto& p : adjective_surname_endings)
                add(stem, p);
        for (const auto& p : other_rules)
            add("", p);
        return out;
    }();
    return all;
}

// Whether `word`, a person's first word, reads as a man's given name in the nominative: it ends
// in a consonant (Роберт, Фолькер, Хасан), or in "ей"/"ай" after another letter than "и" and "ь"
// (Сергей, Андрей, Николай; not the feminine instrumental Марией, Натальей). A man's given name
// declines in every other case, so the name is in the nominative ("Роберт Мугабе", not the
// feminine dative "Мугаба"). Left out: "ь" (women's names too: Мишель, Любовь), "м" (the
// instrumental: Александром, Иваном) and "й" after other vowels (Надеждой, Юрий).
bool masculine_given_name(std::string_view word) {
    static constexpr std::string_view consonants[] = {"б", "в", "г", "д", "ж", "з", "к",
                                                      "л", "н", "п", "р", "с", "т", "ф",
                                                      "х", "ц", "ч", "ш", "щ"};
    if (word.size() < 6) return false; // three Cyrillic letters
    const auto last = word.substr(word.size() - 2);
    if (std::find(std::begin(consonants), std::end(consonants), last) != std::end(consonants))
        return true;
    if (!word.ends_with("ей") && !word.ends_with("ай")) return false;
    const auto before = word.substr(word.size() - 6, 2);
    return before != "и" && before != "ь";
}

struct Reading {
    std::string form;
    bool ruled = false; // a rule gave it (not merely indeclinable)
};

// The word's nominative for one (gender, case) reading: the longest rule's, else the word itself.
Reading read(std::string_view word, unsigned gender, unsigned c, bool places) {
    // Hyphenated names decline in their last part ("Нью-Йорка").
    const auto hyphen = word.rfind('-');
    const std::string_view head =
        hyphen == std::string_view::npos ? "" : word.substr(0, hyphen + 1);
    const std::string_view last = word.substr(head.size());
    // A patronymic in -ич is a man's: no feminine reading of it ("Владимировича").
    if (gender == feminine &&
        (last.ends_with("ич") || last.ends_with("ича") || last.ends_with("ичу") ||
         last.ends_with("ичем") || last.ends_with("иче")))
        return {std::string(word), false};
    if (!places && head.empty())
        for (const auto& p : irregular_names)
            if (last == p.ending && (p.genders & gender) && (p.cases & c))
                return {std::string(p.nominative), true};
    // -ея and -ря end men's names in the genitive (Алексея, Игоря), hardly women's (and places:
    // "Сиднея" is Сидней's; Гвинея, Корея written so are lost to it, "Новая Гвинея" included).
    const bool masculine_genitive = last.ends_with("ея") || last.ends_with("ря");
    const Rule* best = nullptr;
    for (const auto& r : rules()) {
        if (!(r.genders & gender) || !(r.cases & c) || (r.adjective && !places)) continue;
        if (masculine_genitive && gender == feminine && c == nom) continue;
        // Keep at least two letters (Cyrillic: 4 bytes) of stem.
        if (!last.ends_with(r.ending) || last.size() < r.ending.size() + 4) continue;
        if (!best || r.ending.size() > best->ending.size()) best = &r;
    }
    if (!best) return {std::string(word), false};
    std::string form(head);
    form += last.substr(0, last.size() - best->ending.size());
    form += best->nominative;
    return {form, true};
}

bool has_cyrillic(std::string_view word) {
    for (std::size_t i = 0; i + 1 < word.size(); ++i)
        if (word[i] == '\xD0' || word[i] == '\xD1') return true;
    return false;
}

} // namespace

std::string nominative(std::string_view name, EntityType type, std::string_view language,
                       const std::function<bool(std::string_view)>& written) {
    if (language != "ru" || (type != EntityType::person && type != EntityType::place))
        return std::string(name);
    std::vector<std::string_view> words;
    for (std::size_t pos = 0; pos < name.size();) {
        auto space = name.find(' ', pos);
        if (space == std::string_view::npos) space = name.size();
        if (space > pos) words.push_back(name.substr(pos, space - pos));
        pos = space + 1;
    }
    const bool places = type == EntityType::place;
    double best_score = -1;
    std::vector<std::string> best;
    for (unsigned gender : {feminine, masculine}) // "Канаде": Канада before Канад
        for (unsigned c : cases) {
            double score = 0;
            std::vector<std::string> forms;
            for (auto w : words) {
                Reading r{std::string(w), false};
                // Initials, acronyms and foreign names stay as written.
                if (has_cyrillic(w)) r = read(w, gender, c, places);
                if (!places && forms.empty() && gender == masculine && c == nom && !r.ruled)
                    r.ruled = masculine_given_name(w);
                score += r.ruled ? 1 : 0;
                if (r.ruled && c != nom && written && written(r.form))
                    score += 0.5; // ...but not this
                forms.push_back(std::move(r.form));
            }
            if (c == nom) score += 0.4; // the nominative wins ties...
            if (score > best_score) {
                best_score = score;
                best = std::move(forms);
            }
        }
    std::string out;
    for (const auto& f : best) {
        if (!out.empty()) out += ' ';
        out += f;
    }
    return out;
}

} // namespace dateline::entities
