#include "nominative.h"

#include "analyzers/entities/phrase_nominative.h"
#include "analyzers/entities/russian_letters.h"
#include "analyzers/text.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <unordered_map>
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
    // Plural adjectives are already nominative (Канадские власти), not a noun's dative.
    {"ие", "ие", masculine | feminine, nom},
    {"ые", "ые", masculine | feminine, nom},
    // Patronymics in -ич: Ивановичем.
    {"ичем", "ич", masculine, ins},
    // Nouns in -а/-я: Надежда, Мария, Ольга, Наталья.
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
    {"ье", "ья", feminine, dat | pre},
    {"е", "а", feminine, dat | pre},
    {"у", "а", feminine, acc},
    {"ю", "я", feminine, acc},
    {"ой", "а", feminine, ins},
    {"ей", "я", feminine, ins},
    // Consonant stems: Иван, Алексей, Игорь.
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
    bool surname; // one of the surname paradigms (Иванова, Белоусовского)
};

// Every rule, the surname paradigms spelled out for each stem. Longer endings win over shorter
// ones for the same reading; for equal lengths, the first listed.
const std::vector<Rule>& rules() {
    static const std::vector<Rule> all = [] {
        std::vector<Rule> out;
        auto add = [&](std::string_view stem, const Paradigm& p) {
            out.push_back({std::string(stem) + std::string(p.ending),
                           std::string(stem) + std::string(p.nominative), p.genders, p.cases,
                           !stem.empty()});
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

using russian::ends_with_consonant;
using russian::has_cyrillic;

// Whether `word`, a person's first word, reads as a man's given name in the nominative: it ends
// in a consonant (Роберт, Фолькер, Хасан), or in "ей"/"ай" after another letter than "и" and "ь"
// (Сергей, Андрей, Николай; not the feminine instrumental Марией, Натальей). A man's given name
// declines in every other case, so the name is in the nominative ("Роберт Мугабе", not the
// feminine dative "Мугаба"). Left out: "ь" (women's names too: Мишель, Любовь), "м" (the
// instrumental: Александром, Иваном) and "й" after other vowels (Надеждой, Юрий).
bool masculine_given_name(std::string_view word) {
    if (word.size() < 6) return false; // three Cyrillic letters
    if (ends_with_consonant(word)) return !word.ends_with("м");
    if (!word.ends_with("ей") && !word.ends_with("ай")) return false;
    const auto before = word.substr(word.size() - 6, 2);
    return before != "и" && before != "ь";
}

// Russian given names, written as facts (the common ones of Russian news): a first word that is
// one of them settles the gender the endings leave open. "Мария Голунова" is a woman in the
// nominative, not the genitive of "Марий Голунов" that the article's "Иван Голунов" would vote
// for; "Юрия Царёва" is Юрий Царёв's genitive, "Ивану Петрову" his dative. A name that reads as
// both ("Александра", "Валентина", "Евгения", "Яна": a woman's, or the genitive of Александр,
// Валентин, Евгений, Ян) settles nothing: the other words and the article's forms decide.
constexpr std::string_view men_given_names[] = {
    "Абрам",
    "Адам",
    "Айдар",
    "Александр",
    "Алексей",
    "Альберт",
    "Анатолий",
    "Андрей",
    "Антон",
    "Аркадий",
    "Арсений",
    "Артём",
    "Артем",
    "Артур",
    "Ахмед",
    "Богдан",
    "Борис",
    "Вадим",
    "Валентин",
    "Валерий",
    "Василий",
    "Вениамин",
    "Виктор",
    "Виталий",
    "Владимир",
    "Владислав",
    "Всеволод",
    "Вячеслав",
    "Гавриил",
    "Геннадий",
    "Георгий",
    "Герман",
    "Глеб",
    "Григорий",
    "Давид",
    "Даниил",
    "Денис",
    "Дмитрий",
    "Евгений",
    "Егор",
    "Ефим",
    "Иван",
    "Игнат",
    "Игорь",
    "Иннокентий",
    "Иосиф",
    "Ислам",
    "Кирилл",
    "Константин",
    "Лаврентий",
    "Леонид",
    "Магомед",
    "Максим",
    "Марат",
    "Марк",
    "Матвей",
    "Михаил",
    "Назар",
    "Николай",
    "Олег",
    "Остап",
    "Рамзан",
    "Ринат",
    "Роберт",
    "Родион",
    "Роман",
    "Ростислав",
    "Руслан",
    "Рустам",
    "Святослав",
    "Семён",
    "Семен",
    "Сергей",
    "Станислав",
    "Степан",
    "Тимофей",
    "Тимур",
    "Трофим",
    "Фёдор",
    "Федор",
    "Феликс",
    "Филипп",
    "Эдуард",
    "Эльдар",
    "Эмиль",
    "Юлиан",
    "Юрий",
    "Ян",
    "Яков",
    "Ярослав",
    "Пётр",
    "Петр",
    "Павел",
    "Лев",
    // ...and foreign names as Russian news writes them.
    "Джон",
    "Джордж",
    "Джеймс",
    "Майкл",
    "Питер",
    "Пол",
    "Том",
    "Билл",
    "Барак",
    "Дональд",
    "Ричард",
    "Уильям",
    "Дэвид",
    "Дэниел",
    "Стив",
    "Стивен",
    "Кевин",
    "Брайан",
    "Эндрю",
    "Мэтью",
    "Джек",
    "Николас",
    "Эммануэль",
    "Жан",
    "Пьер",
    "Жак",
    "Шарль",
    "Герхард",
    "Гельмут",
    "Вольфганг",
    "Франк",
    "Олаф",
    "Карл",
    "Ханс",
    "Клаус",
    "Йоахим",
    "Фридрих",
    "Хуан",
    "Карлос",
    "Мигель",
    "Рауль",
    "Фидель",
    "Луис",
    "Лионель",
    "Реджеп",
    "Биньямин",
    "Ариэль",
    "Шимон",
    "Хасан",
    "Мохаммед",
    "Ахмад",
    "Башар",
    "Муаммар",
    "Саддам",
    "Махмуд",
    "Милош",
    "Дерек",
    "Алан",
    "Гордон",
    "Найджел",
    "Джастин",
    "Эрик",
    "Патрик",
    "Мартин",
    "Себастьян",
    // (names in -и and -о do not decline: they settle the gender only, "Берни Сандерса" -> Берни
    // Сандерс, "Уитни Хьюстон" not "Уитня")
    "Тони",
    "Джонни",
    "Берни",
    "Ронни",
    "Бенни",
    "Дэнни",
    "Джимми",
    "Бобби",
    "Билли",
    "Гарри",
    "Ларри",
    "Барри",
    "Джерри",
    "Луиджи",
    "Джанлуиджи",
    "Марио",
    "Сильвио",
    "Паоло",
};
constexpr std::string_view women_given_names[] = {
    "Агата",
    "Алевтина",
    "Алина",
    "Алиса",
    "Алла",
    "Алёна",
    "Алена",
    "Анастасия",
    "Ангелина",
    "Анна",
    "Антонина",
    "Арина",
    "Валентина",
    "Валерия",
    "Варвара",
    "Василиса",
    "Вера",
    "Вероника",
    "Виктория",
    "Галина",
    "Дарья",
    "Диана",
    "Ева",
    "Евгения",
    "Екатерина",
    "Елена",
    "Елизавета",
    "Жанна",
    "Зинаида",
    "Злата",
    "Зоя",
    "Инна",
    "Ирина",
    "Карина",
    "Кира",
    "Кристина",
    "Ксения",
    "Лариса",
    "Лидия",
    "Лилия",
    "Людмила",
    "Майя",
    "Маргарита",
    "Марина",
    "Мария",
    "Милана",
    "Надежда",
    "Наталья",
    "Наталия",
    "Нина",
    "Оксана",
    "Олеся",
    "Ольга",
    "Полина",
    "Раиса",
    "Регина",
    "Римма",
    "Светлана",
    "Снежана",
    "София",
    "Софья",
    "Таисия",
    "Тамара",
    "Татьяна",
    "Ульяна",
    "Эвелина",
    "Эльвира",
    "Юлия",
    "Яна",
    "Александра",
    "Ярослава",
    "Станислава",
    "Владислава",
    // ...and foreign names as Russian news writes them.
    "Ангела",
    "Анджела",
    "Хиллари",
    "Тереза",
    "Кэтрин",
    "Элизабет",
    "Мэри",
    "Дженнифер",
    "Анджелина",
    "Жаклин",
    "Бриджит",
    "Кристин",
    "Урсула",
    "Нэнси",
    "Камала",
    "Меган",
    "Кейт",
    "Мадлен",
    "Моника",
    "Сара",
    "Эмма",
    "Джулия",
    "Беназир",
    "Индира",
    "Уитни",
    "Кэти",
    "Салли",
    "Молли",
    "Бетти",
    "Дженни",
    "Ирэн",
    "Изабель",
};

bool listed(std::span<const std::string_view> names, std::string_view word) {
    return std::find(names.begin(), names.end(), word) != names.end();
}

struct Reading {
    std::string form;
    bool ruled = false;   // a rule gave it (not merely indeclinable)
    bool surname = false; // ...a surname paradigm's
};

// The word's nominative for one (gender, case) reading: the longest rule's, else the word itself.
Reading read(std::string_view word, unsigned gender, unsigned c) {
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
    if (head.empty())
        for (const auto& p : irregular_names)
            if (last == p.ending && (p.genders & gender) && (p.cases & c))
                return {std::string(p.nominative), true};
    // -ея and -ря end men's names in the genitive (Алексея, Игоря), hardly women's.
    const bool masculine_genitive = last.ends_with("ея") || last.ends_with("ря");
    const Rule* best = nullptr;
    for (const auto& r : rules()) {
        if (!(r.genders & gender) || !(r.cases & c)) continue;
        if (masculine_genitive && gender == feminine && c == nom) continue;
        // Keep at least two letters (Cyrillic: 4 bytes) of stem.
        if (!last.ends_with(r.ending) || last.size() < r.ending.size() + 4) continue;
        if (!best || r.ending.size() > best->ending.size()) best = &r;
    }
    if (!best) return {std::string(word), false};
    std::string_view stem = last.substr(0, last.size() - best->ending.size());
    std::string form(head);
    // A consonant stem ends in a consonant: "Бенуа", "Гоа" are no genitives of "Бену", "Го",
    // "Ундине" no form of "Ундиа", and "Лея" none of "Леь".
    const bool consonant_stem =
        best->ending != best->nominative && // a nominative as written may end so ("Андреа")
        ((gender == masculine && (best->nominative.empty() || best->nominative == "ь")) ||
         (gender == feminine && best->nominative == "а"));
    if (consonant_stem && !best->surname && !ends_with_consonant(stem))
        return {std::string(word), false};
    form += stem;
    form += best->nominative;
    return {form, true, best->surname};
}

// The gender a person's first word settles as a listed given name, in any case: feminine for
// "Мария", "Анну"; masculine for "Юрия", "Ивану", "Павла"; 0 when it is no listed name or reads
// as both ("Александра", "Валентина").
unsigned read_given_name_gender(std::string_view word) {
    if (!has_cyrillic(word)) return 0;
    bool woman = false, man = listed(men_given_names, word);
    for (unsigned c : cases) {
        if (!woman) {
            const auto r = read(word, feminine, c);
            woman = (r.ruled || c == nom) && listed(women_given_names, r.form);
        }
        if (!man && c != nom) {
            const auto r = read(word, masculine, c);
            man = r.ruled && listed(men_given_names, r.form);
        }
    }
    if (woman == man) return 0;
    return woman ? feminine : masculine;
}

// read_given_name_gender() of every word it can settle, computed once: the listed names and the
// forms the rules make of them (an ending's rule applied forwards), each read back as above, so
// that the answer is the same and costs a lookup. A word whose reading is a listed name is one
// of those forms, the rules being the same both ways.
unsigned given_name_gender(std::string_view word) {
    if (!has_cyrillic(word)) return 0;
    static const std::unordered_map<std::string, unsigned> genders = [] {
        std::vector<std::string> candidates;
        auto forms_of = [&](std::string_view name) {
            candidates.emplace_back(name);
            for (const auto& r : rules())
                if (name.ends_with(r.nominative))
                    candidates.push_back(
                        std::string(name.substr(0, name.size() - r.nominative.size())) + r.ending);
            for (const auto& p : irregular_names)
                if (name == p.nominative) candidates.emplace_back(p.ending);
        };
        for (auto name : men_given_names)
            forms_of(name);
        for (auto name : women_given_names)
            forms_of(name);
        std::unordered_map<std::string, unsigned> out;
        for (auto& w : candidates)
            if (const unsigned g = read_given_name_gender(w)) out.emplace(std::move(w), g);
        return out;
    }();
    const auto it = genders.find(std::string(word));
    return it == genders.end() ? 0 : it->second;
}

} // namespace

std::vector<std::string> surname_nominatives(std::string_view word, std::string_view language) {
    std::vector<std::string> out;
    if (language != "ru" || !has_cyrillic(word)) return out;
    for (unsigned gender : {masculine, feminine})
        for (unsigned c : cases)
            if (auto r = read(word, gender, c);
                r.surname && std::find(out.begin(), out.end(), r.form) == out.end())
                out.push_back(std::move(r.form));
    return out;
}

std::string nominative(std::string_view name, EntityType type, std::string_view language,
                       const std::function<bool(std::string_view)>& written) {
    // Only Cyrillic words decline (a Latin name in Russian text stays as written).
    if (language != "ru" || !has_cyrillic(name)) return std::string(name);
    if (type == EntityType::organization) return organization_nominative(name, written);
    if (type == EntityType::place) return place_nominative(name, written);
    if (type != EntityType::person) return std::string(name);
    const auto words = text::split_on_spaces(name);
    const unsigned settled = words.empty() ? 0 : given_name_gender(words.front());
    // A listed name as written is in the nominative, and so is the rest of the name ("Георгий
    // Данелия", not the genitive of "Данелий"; "Мария Шукшина") — when it declines at all: a man's
    // in a consonant, -й or -ь, a woman's in -а or -я ("Эндрю Джексона", "Кэтрин Уилсон" may be
    // in any case).
    const bool listed_first = settled && (listed(men_given_names, words.front()) ||
                                          listed(women_given_names, words.front()));
    const bool declines = [&] {
        const std::string_view w = words.empty() ? std::string_view{} : words.front();
        if (settled == masculine)
            return ends_with_consonant(w) || w.ends_with("й") || w.ends_with("ь");
        return w.ends_with("а") || w.ends_with("я");
    }();
    const bool settled_nominative = listed_first && declines;
    double best_score = -1;
    std::vector<std::string> best;
    std::vector<bool> best_ruled; // per word, in the best reading
    // Per word, whether a surname paradigm of some case reads it (the first word: any rule).
    std::vector<bool> ever_ruled(words.size());
    for (unsigned gender : {feminine, masculine}) { // "Анне": Анна before a man's "Анн"
        if (settled && gender != settled) continue;
        for (unsigned c : cases) {
            if (settled_nominative && c != nom) continue;
            double score = 0;
            std::vector<std::string> forms;
            std::vector<bool> ruled;
            for (auto w : words) {
                Reading r{std::string(w), false};
                // Initials, acronyms and foreign names stay as written.
                // ...and so does a listed name that does not decline ("Эндрю", not "Эндрь").
                const bool as_written = forms.empty() && listed_first && !declines;
                if (has_cyrillic(w) && !as_written) r = read(w, gender, c);
                if (forms.empty() && gender == masculine && c == nom && !r.ruled && !as_written)
                    r.ruled = masculine_given_name(w);
                // A man's surname in -а or -ия declines as the feminine nouns do ("Степана
                // Бандеры", "Андреем Кандыбой", "Алана Гарсии": Бандера, Кандыба, Гарсия); not
                // one in -и ("Михаила Саакашвили", "Романа Полански" do not decline), and after
                // a given name that does not decline none in -и but -ии ("Марио Драги", but
                // "Юрия Чайки": Чайка).
                if (settled == masculine && c != nom && !forms.empty() && !r.ruled &&
                    has_cyrillic(w) &&
                    (!(listed_first && !declines) || !w.ends_with("и") || w.ends_with("ии")))
                    if (auto f = read(w, feminine, c);
                        f.ruled && !f.surname && !f.form.ends_with("ска") &&
                        (f.form.ends_with("а") || f.form.ends_with("ия")))
                        r = std::move(f);
                score += r.ruled ? 1 : 0;
                if (r.ruled && c != nom && written && written(r.form))
                    score += 0.5; // ...but not this
                if (r.surname || (forms.empty() && r.ruled)) ever_ruled[forms.size()] = true;
                ruled.push_back(r.ruled);
                forms.push_back(std::move(r.form));
            }
            if (c == nom) score += 0.4; // the nominative wins ties...
            if (score > best_score) {
                best_score = score;
                best = std::move(forms);
                best_ruled = std::move(ruled);
            }
        }
    }
    // With the gender settled, a surname or a given name whose ending names another case than the
    // best reading's ("Дмитрия Песковым", "Майклом Лопесом-Алегрия") is no one name in one case:
    // left as written. (Indeclinable surnames that an ending rule merely fits, "Роберта Мугабе",
    // do not count.)
    if (settled)
        for (std::size_t i = 0; i < words.size(); ++i)
            if (!best_ruled[i] && ever_ruled[i]) return std::string(name);
    std::string out;
    for (const auto& f : best) {
        if (!out.empty()) out += ' ';
        out += f;
    }
    return out;
}

} // namespace dateline::entities
