#include "phrase_nominative.h"

#include "analyzers/entities/russian_letters.h"
#include "analyzers/text.h"

#include <algorithm>
#include <array>
#include <span>
#include <vector>

namespace dateline::entities {

namespace {

enum Gender : unsigned { masculine = 1, feminine = 2, neuter = 4 };
enum Case : unsigned { nom = 1, gen = 2, dat = 4, acc = 8, ins = 16, pre = 32 };
constexpr std::array<unsigned, 6> cases = {nom, gen, dat, acc, ins, pre};
constexpr std::array<unsigned, 3> genders = {masculine, feminine, neuter};

enum class Kind { organization, place };

// A reading of one word: the genders and cases its ending allows, and its nominative.
struct Form {
    unsigned genders, cases;
    std::string nominative;
    // Forms of this word that only this reading has, so that the article writing one of them
    // speaks for it (default: the nominative itself, when it cannot be another case's form).
    std::vector<std::string> evidence = {};
    int prior = 0; // added to the reading's score, in tenths (a town's stem: see town_stem)
};

using russian::capital;
using russian::consonant;
using russian::last_letter;
using russian::one_of;
using russian::sibilant;
using russian::velar;

// A word without the quotation marks and brackets around it: «Единой -> Единой.
struct Parts {
    std::string_view lead, core, trail;
};

Parts split_punctuation(std::string_view word) {
    static constexpr std::string_view marks[] = {"«", "»", "„", "“", "”", "\"", "(", ")", ",", "."};
    Parts p{{}, word, {}};
    for (bool again = true; again;) {
        again = false;
        for (auto m : marks)
            if (p.core.size() > m.size() && p.core.starts_with(m)) {
                p.lead = word.substr(0, p.lead.size() + m.size());
                p.core.remove_prefix(m.size());
                again = true;
            }
    }
    for (bool again = true; again;) {
        again = false;
        for (auto m : marks)
            if (p.core.size() > m.size() && p.core.ends_with(m)) {
                p.core.remove_suffix(m.size());
                again = true;
            }
    }
    p.trail = word.substr(p.lead.size() + p.core.size());
    return p;
}

// A hyphenated word declines in its last part ("Торгово-промышленной", "Аль-Кайды").
std::pair<std::string_view, std::string_view> split_hyphen(std::string_view word) {
    const auto hyphen = word.rfind('-');
    if (hyphen == std::string_view::npos) return {{}, word};
    return {word.substr(0, hyphen + 1), word.substr(hyphen + 1)};
}

// A word with its first letter in lower case ("Золотого" -> "золотого").
std::string lower_first(std::string_view word) {
    if (!capital(word.substr(0, 2))) return std::string(word);
    return text::fold_case(word.substr(0, 2)) + std::string(word.substr(2));
}

// Stems of the adjectives in stressed -ой that name institutions most ("городской совет",
// "Военно-морской флот", "Мировой банк"); other hard stems take -ый or -ий.
bool stressed(std::string_view stem) {
    static constexpr std::string_view stems[] = {
        "городск", "морск",   "донск", "тверск", "мужск", "миров",   "делов",
        "свят",    "трудов",  "боев",  "стальн", "краев", "окружн",  "областн",
        "речн",    "лесн",    "земн",  "золот",  "крив",  "шест",    "втор",
        "полев",   "передов", "молод", "голуб",  "родн",  "берегов", "больш"};
    return std::find(std::begin(stems), std::end(stems), lower_first(stem)) != std::end(stems);
}

// How much a place's masculine consonant stem reads as a town's rather than as a feminine noun's
// in -а: a consonant before -ск or -цк, or -бург, -град, -город (Орск, Наро-Фоминск, Страсбург:
// "Орске", "Орска" are Орск's; Аляска, Небраска have a vowel before -ск) outweighs even the
// nominative reading of -а. (-ов, -ев do not: "Ростове" and "Женеве", "Молдове" are alike.)
int town_stem(std::string_view stem) {
    for (std::string_view s : {"ск", "цк"})
        if (stem.ends_with(s) && consonant(last_letter(stem.substr(0, stem.size() - s.size()))))
            return 5;
    for (std::string_view s : {"бург", "град", "город"})
        if (stem.ends_with(s)) return 5;
    return 0;
}

// How much a masculine stem reads as the noun of an institution rather than as a feminine noun's
// in -а: the nouns organizations are named by, alone or ending a compound ("Совета Безопасности",
// "Конгрессе", "Генштаба", "Сбербанка": Совет, Конгресс, Генштаб, Сбербанк), outweigh even the
// nominative reading of -а, which no such noun has.
int institution_noun(std::string_view stem) {
    static constexpr std::string_view nouns[] = {
        "совет",       "комитет",     "сенат",    "конгресс",    "парламент", "департамент",
        "штаб",        "университет", "институт", "кабинет",     "союз",      "фонд",
        "банк",        "суд",         "центр",    "клуб",        "театр",     "альянс",
        "концерн",     "холдинг",     "трибунал", "секретариат", "совбез",    "муниципалитет",
        "комиссариат", "наркомат",    "завод",    "комбинат",    "синод",     "консорциум"};
    const std::string lower = lower_first(stem);
    for (auto n : nouns)
        if (lower.ends_with(n)) return 5;
    return 0;
}

// ...and a feminine one's in the oblique cases ("Службе безопасности", "Думе", "Госдуму":
// Служба, Дума, Госдума; not a "Служб"). The short ones only alone or in the compounds listed.
int feminine_institution_noun(std::string_view stem) {
    static constexpr std::string_view nouns[] = {
        "служб", "палат", "прокуратур", "газет",     "групп",  "команд", "школ", "лиг",
        "рад",   "дум",   "госдум",     "мосгордум", "гордум", "фирм",   "бирж", "трупп"};
    const std::string lower = lower_first(stem);
    for (auto n : nouns)
        if (lower == n || (n.size() >= 10 && lower.ends_with(n))) return 5;
    return 0;
}

// Feminine place stems: -иц(а), -цц(а), -щин(а) (Сребренице, Ницце, Тамбовщине: no masculine town
// ends so; Елец's "Ельце" is not read either way).
int feminine_place_stem(std::string_view stem) {
    return stem.ends_with("иц") || stem.ends_with("цц") || stem.ends_with("щин") ? 1 : 0;
}

// The nominative of a masculine stem whose last vowel drops as it declines, for the nouns that
// names are made of ("Звёздного городка", "Московскому комсомольцу": городок, комсомолец); other
// stems as they are (a name's "Нью-Йорка", "Ганца" keep theirs).
std::string fleeting_vowel(std::string_view stem) {
    static constexpr std::pair<std::string_view, std::string_view> stems[] = {
        {"городк", "городок"},        {"поселк", "поселок"}, {"посёлк", "посёлок"},
        {"комсомольц", "комсомолец"}, {"дворц", "дворец"},   {"рынк", "рынок"}};
    const std::string lower = lower_first(stem);
    for (const auto& [oblique, nominative] : stems)
        if (lower == oblique) // the first letter as written ("Городка"), then the nominative's
            return std::string(stem.substr(0, 2)) + std::string(nominative.substr(2));
    return std::string(stem);
}

// "сборная" (a national team) declines as an adjective but heads the name as its noun ("сборной
// Финляндии": сборная Финляндии, not "сборная Финляндия").
bool team(std::string_view word) {
    return word.starts_with("сборн") || word.starts_with("Сборн");
}

// Whether a word is letters and hyphens only (not "Лента.ру", "Ту-154").
bool letters_only(std::string_view word) {
    for (unsigned char c : word)
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-'))
            return false;
    return true;
}

// At least two letters of stem before the ending.
bool long_enough(std::string_view word, std::string_view ending) {
    return word.ends_with(ending) && word.size() >= ending.size() + 4;
}

// The readings of a word as an adjective (team nouns included: see adjective_forms).
std::vector<Form> adjective_endings(std::string_view word) {
    struct Ending {
        std::string_view ending;
        unsigned genders, cases;
        bool soft;
    };
    static constexpr Ending endings[] = {
        {"ый", masculine, nom | acc, false},
        {"ий", masculine, nom | acc, true},
        {"ой", masculine, nom | acc, false}, // Деловой
        {"ого", masculine | neuter, gen, false},
        {"его", masculine | neuter, gen, true},
        {"ому", masculine | neuter, dat, false},
        {"ему", masculine | neuter, dat, true},
        {"ым", masculine | neuter, ins, false},
        {"им", masculine | neuter, ins, true},
        {"ом", masculine | neuter, pre, false},
        {"ем", masculine | neuter, pre, true},
        {"ая", feminine, nom, false},
        {"яя", feminine, nom, true},
        {"ой", feminine, gen | dat | ins | pre, false},
        {"ей", feminine, gen | dat | ins | pre, true},
        {"ую", feminine, acc, false},
        {"юю", feminine, acc, true},
        {"ое", neuter, nom | acc, false},
        {"ее", neuter, nom | acc, true},
    };
    const auto [head, last] = split_hyphen(word);
    std::vector<Form> out;
    for (const auto& e : endings) {
        if (!long_enough(last, e.ending)) continue;
        const std::string_view stem = last.substr(0, last.size() - e.ending.size());
        const std::string_view before = last_letter(stem);
        if (!consonant(before)) continue;
        // -ской, -цкой: a masculine nominative only in the stressed stems ("Донской"); else the
        // feminine's oblique cases ("Кировоградской" alone is Кировоградская's).
        if (e.ending == "ой" && (e.cases & nom) && !stressed(stem) &&
            (stem.ends_with("ск") || stem.ends_with("цк")))
            continue;
        for (unsigned g : genders) {
            if (!(e.genders & g)) continue;
            std::string_view ending;
            if (e.cases & nom) {
                ending = e.ending; // as written
            } else if (g == masculine) {
                ending = stressed(stem)                                ? "ой"
                         : e.soft || velar(before) || sibilant(before) ? "ий"
                                                                       : "ый";
            } else if (g == feminine) {
                ending = e.soft && !sibilant(before) ? "яя" : "ая";
            } else {
                // "иракским" is hard, spelt after a velar: иракское.
                ending = !velar(before) && (e.soft || sibilant(before)) ? "ее" : "ое";
            }
            out.push_back(
                {g, e.cases, std::string(head) + std::string(stem) + std::string(ending)});
        }
    }
    return out;
}

std::vector<Form> adjective_forms(std::string_view word) {
    if (team(split_hyphen(word).second)) return {}; // a noun, whatever its endings
    return adjective_endings(word);
}

// The readings of a noun without a hyphen. `instrumental_oj`: whether a feminine instrumental in
// -ой is a reading (not for a first word that more words follow: "Федеральной службы" is an
// adjective's, not a noun "Федеральна").
std::vector<Form> simple_noun_forms(std::string_view last, bool instrumental_oj, Kind kind) {
    struct Ending {
        std::string_view ending, nominative;
        unsigned cases;
    };
    // The readings of `endings`, for a stem whose last letter `before` accepts (any by default).
    auto with = [&](std::span<const Ending> endings, unsigned gender, std::vector<Form>& out,
                    bool (*before)(std::string_view) = nullptr) {
        for (const auto& e : endings) {
            if (!long_enough(last, e.ending)) continue;
            const auto stem = last.substr(0, last.size() - e.ending.size());
            if (!before || before(last_letter(stem)))
                out.push_back({gender, e.cases, std::string(stem) + std::string(e.nominative)});
        }
    };
    std::vector<Form> out;
    // Neuters in -ство and -ение, and feminines in -ия, by their own endings (the shorter ones
    // below would read "министерства" as a feminine nominative, "партии" as a masculine).
    static constexpr Ending neuter_stvo[] = {{"ство", "ство", nom | acc},
                                             {"ства", "ство", gen},
                                             {"ству", "ство", dat},
                                             {"ством", "ство", ins},
                                             {"стве", "ство", pre}};
    static constexpr Ending neuter_enie[] = {{"ение", "ение", nom | acc},
                                             {"ения", "ение", gen},
                                             {"ению", "ение", dat},
                                             {"ением", "ение", ins},
                                             {"ении", "ение", pre}};
    static constexpr Ending neuter_ishche[] = {{"ище", "ище", nom | acc | pre},
                                               {"ища", "ище", gen},
                                               {"ищу", "ище", dat},
                                               {"ищем", "ище", ins}};
    static constexpr Ending feminine_eya[] = {{"ея", "ея", nom},
                                              {"еи", "ея", gen},
                                              {"ее", "ея", dat | pre},
                                              {"ею", "ея", acc},
                                              {"еей", "ея", ins}};
    static constexpr Ending feminine_iya[] = {
        {"ия", "ия", nom}, {"ии", "ия", gen | dat | pre}, {"ию", "ия", acc}, {"ией", "ия", ins}};
    // Places in -ье (Поволжье, Подмосковье, Приморье): no person's or organization's noun; not
    // a first word that more words follow ("Третьем рейхе", "Бабьем Яре": soft adjectives), and
    // no -ью (the instrumental of Сибирь, Казань as often as a dative of -ье).
    static constexpr Ending neuter_ye[] = {
        {"ье", "ье", nom | acc | pre}, {"ья", "ье", gen}, {"ьем", "ье", ins}};
    // ...and море, поле, озеро, село, кольцо, which the consonant stems would make "мор", "озер".
    static constexpr Ending neuter_more[] = {
        {"е", "е", nom | acc | pre}, {"я", "е", gen}, {"ю", "е", dat}, {"ем", "е", ins}};
    static constexpr Ending neuter_ozero[] = {
        {"о", "о", nom | acc}, {"а", "о", gen}, {"у", "о", dat}, {"ом", "о", ins}, {"е", "о", pre}};
    if (kind == Kind::place) {
        const std::string lower = lower_first(last);
        for (std::string_view stem : {"мор", "пол", "озер", "сел", "кольц"}) {
            if (!lower.starts_with(stem)) continue;
            const std::string_view ending = std::string_view(lower).substr(stem.size());
            for (const auto& e : stem == "мор" || stem == "пол"
                                     ? std::span<const Ending>(neuter_more)
                                     : std::span<const Ending>(neuter_ozero))
                if (ending == e.ending)
                    out.push_back(
                        {neuter, e.cases,
                         std::string(last.substr(0, stem.size())) + std::string(e.nominative)});
        }
        if (!out.empty()) return out;
    }
    with(neuter_stvo, neuter, out);
    if (out.empty() && kind == Kind::place && instrumental_oj) with(neuter_ye, neuter, out);
    if (out.empty()) with(neuter_enie, neuter, out);
    if (out.empty()) with(neuter_ishche, neuter, out); // училища
    if (out.empty()) with(feminine_iya, feminine, out);
    if (out.empty()) {
        with(feminine_eya, feminine, out); // Ассамблеи
        // ...and places in -ей (Енисей, Сидней: "Сиднея" is Сидней's when the article writes
        // "Сидней"); their -ее yields to the feminine's ("Корее" is Корея's).
        static constexpr Ending masculine_ey[] = {{"ей", "ей", nom | acc},
                                                  {"ея", "ей", gen},
                                                  {"ею", "ей", dat},
                                                  {"еем", "ей", ins},
                                                  {"ее", "ей", pre}};
        if (kind == Kind::place && !last.ends_with("еей")) { // Гвинеей is Гвинея's
            with(masculine_ey, masculine, out);
            for (auto& f : out)
                if (f.genders == masculine && f.cases == pre) f.prior = -2;
        }
    }
    if (!out.empty()) return out;
    if (kind == Kind::place) {
        // Places in -ай (Китай, край, Дубай: "Донецкого края"), and feminines in -мля (Земля:
        // "Земли"; not "Мали", "Беркли", which do not decline).
        static constexpr Ending masculine_ay[] = {{"ай", "ай", nom | acc},
                                                  {"ая", "ай", gen},
                                                  {"аю", "ай", dat},
                                                  {"аем", "ай", ins},
                                                  {"ае", "ай", pre}};
        static constexpr Ending feminine_lya[] = {{"ля", "ля", nom},
                                                  {"ли", "ля", gen},
                                                  {"ле", "ля", dat | pre},
                                                  {"лю", "ля", acc},
                                                  {"лей", "ля", ins}};
        with(masculine_ay, masculine, out, consonant); // not "Ушуая"
        with(feminine_lya, feminine, out, [](std::string_view l) { return l == "м"; });
    }
    if (!out.empty()) return out;
    // An acronym with a case ending: МИДа, МХАТе, ВГИКом.
    if (last.size() >= 6) {
        for (std::string_view ending : {"а", "у", "ом", "е"}) {
            if (!last.ends_with(ending)) continue;
            const auto stem = last.substr(0, last.size() - ending.size());
            if (stem.size() < 4 || !capital(last_letter(stem)) ||
                !capital(stem.substr(stem.size() - 4, 2)))
                continue;
            const unsigned c = ending == "а"    ? gen
                               : ending == "у"  ? dat
                               : ending == "ом" ? ins
                                                : pre;
            out.push_back({masculine, c, std::string(stem)});
        }
        if (!out.empty()) return out;
    }
    // Feminines in -а (служба, палатой, Лиги) and masculine consonant stems (комитет, Сената),
    // the stem ending in a consonant ("израильские" is no "израильскиа"); -и after г, к, х and
    // the sibilants, -ы after the others; -ой after -к, -н, -в is an adjective's ("парламентской").
    static constexpr Ending feminine_a[] = {{"а", "а", nom}, {"е", "а", dat | pre},
                                            {"у", "а", acc}, {"ы", "а", gen},
                                            {"и", "а", gen}, {"ой", "а", ins}};
    for (const auto& e : feminine_a) {
        if (!long_enough(last, e.ending)) continue;
        const auto stem = last.substr(0, last.size() - e.ending.size());
        const auto before = last_letter(stem);
        if (!consonant(before)) continue;
        const bool soft_gen = velar(before) || sibilant(before);
        if ((e.ending == "ы" && soft_gen) || (e.ending == "и" && !soft_gen)) continue;
        // A place's -жи, -ши, -чи is a name that does not decline as often ("Сочи").
        if (kind == Kind::place && e.ending == "и" && sibilant(before)) continue;
        if (e.ending == "ой" && (!instrumental_oj || one_of(before, {"к", "н", "в"}))) continue;
        // "Думу": Дума's, or a Дум's? The article's "Думы", "Думой" say; its "Дума" does not.
        const std::string base(stem);
        out.push_back({feminine,
                       e.cases,
                       base + "а",
                       {base + (soft_gen ? "и" : "ы"), base + "ой"},
                       e.cases & nom         ? 0
                       : kind == Kind::place ? feminine_place_stem(stem)
                                             : feminine_institution_noun(stem)});
    }
    static constexpr Ending masculine_consonant[] = {
        {"а", "", gen}, {"у", "", dat}, {"ом", "", ins}, {"е", "", pre}};
    for (const auto& e : masculine_consonant) {
        if (!long_enough(last, e.ending)) continue;
        const auto stem = last.substr(0, last.size() - e.ending.size());
        // "-ском" is an adjective's prepositional as often as a town's instrumental ("сенатском",
        // "Минском"): not read.
        if (e.ending == "ом" && (stem.ends_with("ск") || stem.ends_with("цк"))) continue;
        if (!consonant(last_letter(stem))) continue;
        const std::string nominative = fleeting_vowel(stem);
        out.push_back({masculine,
                       e.cases,
                       nominative,
                       {nominative, std::string(stem) + "ом"},
                       kind == Kind::place ? town_stem(stem) : institution_noun(stem)});
    }
    // (Not an adjective's -ским, -ском: "Муромским", "Минском" are no nominatives.)
    if (consonant(last_letter(last)) && last.size() >= 6 && !last.ends_with("ским") &&
        !last.ends_with("цким") && !last.ends_with("ском") && !last.ends_with("цком"))
        out.push_back({masculine, nom | acc, std::string(last)});
    return out;
}

// The readings of a noun. A compound declines in both parts when both can in one gender and case
// ("школу-студию" -> школа-студия), else in its last ("Карнеги-холла" -> Карнеги-холл,
// "пресс-службы", "Гоголь-центре"). A ministry written short
// with its genitive ("Минобороны", "Минкультуры", "Минимущества") does not decline.
std::vector<Form> noun_forms(std::string_view word, bool instrumental_oj, Kind kind) {
    if (!letters_only(word)) return {};
    if (word.starts_with("Мин") && !word.starts_with("Минист") &&
        (word.ends_with("ы") || word.ends_with("и") || word.ends_with("ства") ||
         word.ends_with("ния")))
        return {};
    const auto [head, last] = split_hyphen(word);
    if (team(last)) {
        auto forms = adjective_endings(word);
        std::erase_if(forms, [](const Form& f) { return !(f.genders & feminine); });
        return forms;
    }
    auto tail = simple_noun_forms(last, instrumental_oj, kind);
    if (head.empty()) return tail;
    std::vector<Form> both;
    for (const auto& a : simple_noun_forms(head.substr(0, head.size() - 1), instrumental_oj, kind))
        for (const auto& b : tail)
            if ((a.genders & b.genders) && (a.cases & b.cases))
                both.push_back({b.genders, a.cases & b.cases, a.nominative + "-" + b.nominative});
    if (!both.empty()) return both;
    for (auto& f : tail) {
        f.nominative.insert(0, head);
        for (auto& w : f.evidence)
            w.insert(0, head);
    }
    return tail;
}

// The readings of a place named by its adjective alone: masculine or feminine, of a stem that
// adjectives of places end in (-ск-, -цк-, -н-, a velar: "Приволжского", "Красной", "Великого";
// not "Кубой", "Москвой", "Чусовой", nouns' instrumentals or a town's name); and, but for the
// stressed stems, no masculine nominative in -ой.
std::vector<Form> lone_place_adjective_forms(std::string_view word) {
    auto forms = adjective_forms(word);
    std::erase_if(forms, [&](const Form& f) {
        const std::string_view stem =
            std::string_view(f.nominative).substr(0, f.nominative.size() - 4);
        const bool place_stem = stem.ends_with("ск") || stem.ends_with("цк") ||
                                last_letter(stem) == "н" || velar(last_letter(stem));
        return f.genders == neuter || !place_stem ||
               (f.genders == masculine && (f.cases & nom) && word.ends_with("ой") &&
                !stressed(stem));
    });
    return forms;
}

// Whether the article writes a form that speaks for this reading.
bool supported(const Form& f, const std::function<bool(std::string_view)>& written) {
    if (f.evidence.empty()) return !f.nominative.ends_with("а") && written(f.nominative);
    return std::any_of(f.evidence.begin(), f.evidence.end(),
                       [&](const std::string& w) { return written(w); });
}

const Form* find_form(const std::vector<Form>& forms, unsigned gender, unsigned c) {
    for (const auto& f : forms)
        if ((f.genders & gender) && (f.cases & c)) return &f;
    return nullptr;
}

// The name with its first words replaced by `forms` (their quotation marks kept).
std::string with_forms(std::span<const std::string_view> words, std::span<const Parts> parts,
                       std::span<const std::string> forms) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!out.empty()) out += ' ';
        if (i < forms.size()) {
            out += parts[i].lead;
            out += forms[i];
            out += parts[i].trail;
        } else {
            out += words[i];
        }
    }
    return out;
}

struct Reading {
    int score; // in tenths: a word read 10, the article's evidence 5, the nominative 4
    std::string name;
    bool apposition = false; // the words after the head declined too (see place_nominatives)
};

// Every (gender, case) reading of the name's head, as the whole name it gives, best first.
std::vector<Reading> readings(std::string_view name,
                              const std::function<bool(std::string_view)>& written, Kind kind) {
    const auto words = text::split_on_spaces(name);
    std::vector<Reading> out;
    if (words.empty()) return out;
    std::vector<Parts> parts;
    for (auto w : words)
        parts.push_back(split_punctuation(w));
    // One lower-case word in -ы, -и, or one in -цы, is more often a plural ("коммунисты",
    // "«Безумцы»") than a genitive.
    if (const std::string_view w = parts[0].core;
        words.size() == 1 &&
        (w.ends_with("цы") || (!capital(w.substr(0, 2)) &&
                               (w.ends_with("ы") || (w.ends_with("и") && !w.ends_with("ии"))))))
        return out;
    // The head: `k` adjectives, then the noun they agree with. A quotation mark ends it: "«Яблоко»
    // Москвы", "партии «Единая Россия»" decline in their first word only.
    std::size_t most_adjectives = std::min<std::size_t>(3, words.size() - 1);
    for (std::size_t i = 0; i < most_adjectives; ++i)
        if (!parts[i].trail.empty() || !parts[i + 1].lead.empty()) most_adjectives = i;
    std::vector<std::vector<Form>> adjectives; // each word's readings as an adjective, read once
    for (std::size_t i = 0; i < most_adjectives; ++i)
        adjectives.push_back(adjective_forms(parts[i].core));
    // A place named by its adjective alone ("Приволжского", "Кировоградской": the district, the
    // region) reads as that adjective, masculine or feminine.
    // Not one in -ом, -ем, -ым, -им, which are a noun's instrumental and prepositional as often
    // ("Сиртом", "Муроме"), but for -ским, -цким ("Муромским"); not a lower-case word in -ей
    // ("москвичей" is a plural).
    const std::string_view first = parts[0].core;
    const bool lone_adjective = kind == Kind::place && words.size() == 1 &&
                                (first.ends_with("ским") || first.ends_with("цким") ||
                                 (!first.ends_with("ом") && !first.ends_with("ем") &&
                                  !first.ends_with("ым") && !first.ends_with("им"))) &&
                                (capital(first.substr(0, 2)) || !first.ends_with("ей"));
    // A first word that more words follow is no noun when it reads as an adjective in the
    // nominative as written ("Верхнее Нащекино", not a "Верхнея") or ends in -ском, -цком
    // ("Гегаркуникском областном", not a town "Гегаркуникск").
    const bool first_is_adjective =
        words.size() > 1 &&
        (first.ends_with("ском") || first.ends_with("цком") ||
         (!adjectives.empty() &&
          std::any_of(adjectives[0].begin(), adjectives[0].end(),
                      [&](const Form& f) { return (f.cases & nom) && f.nominative == first; })));
    for (std::size_t k = 0; k <= most_adjectives + (lone_adjective ? 1 : 0); ++k) {
        // Each word's readings: k adjectives and their noun, or the lone place adjective.
        std::vector<std::vector<Form>> word_forms;
        if (k > most_adjectives) {
            word_forms.push_back(lone_place_adjective_forms(first));
        } else {
            word_forms.assign(adjectives.begin(),
                              adjectives.begin() + static_cast<std::ptrdiff_t>(k));
            if (k == 0 && first_is_adjective) continue;
            word_forms.push_back(noun_forms(parts[k].core, k > 0 || words.size() == 1, kind));
        }
        // A lower-case adjective does not agree with a capitalized feminine or neuter noun: that
        // is a name after it ("командой Канады").
        const bool lower_adjective_before_name = k > 0 && k <= most_adjectives &&
                                                 !capital(parts[k - 1].core.substr(0, 2)) &&
                                                 capital(parts[k].core.substr(0, 2));
        for (unsigned g : genders)
            for (unsigned c : cases) {
                if (lower_adjective_before_name && g != masculine) continue;
                int score = 0;
                std::vector<std::string> forms;
                for (const auto& r : word_forms) {
                    const Form* f = find_form(r, g, c);
                    if (!f) break;
                    score += 10 + f->prior;
                    // ...but not this (not by a nominative in -а: "Парламента" written is
                    // Парламент's genitive as likely as a nominative).
                    if (c != nom && written && supported(*f, written)) score += 5;
                    forms.push_back(f->nominative);
                }
                if (forms.size() != word_forms.size()) continue;
                if (c == nom) score += 4; // the nominative wins ties...
                out.push_back({score, with_forms(words, parts, forms)});
                // A place's words after its head in the same case, as nouns ("Федеративную
                // республику Германию"): a name to look up, not to show.
                if (kind == Kind::place && c != nom && forms.size() < words.size()) {
                    auto declined = forms;
                    for (std::size_t i = forms.size(); i < words.size(); ++i) {
                        const auto nouns = noun_forms(parts[i].core, true, kind);
                        const auto it = std::find_if(nouns.begin(), nouns.end(),
                                                     [&](const Form& f) { return f.cases & c; });
                        if (it == nouns.end()) break;
                        declined.push_back(it->nominative);
                    }
                    if (declined.size() == words.size())
                        out.push_back({score - 10, with_forms(words, parts, declined), true});
                }
            }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Reading& a, const Reading& b) { return a.score > b.score; });
    return out;
}

// The best reading's name; the name as written when there is none, or when two readings as good
// give other names ("Службе": Служба, or Служб?).
std::string phrase_nominative(std::string_view name,
                              const std::function<bool(std::string_view)>& written, Kind kind) {
    auto all = readings(name, written, kind);
    std::erase_if(all, [](const Reading& r) { return r.apposition; });
    if (all.empty()) return std::string(name);
    for (std::size_t i = 1; i < all.size() && all[i].score == all[0].score; ++i)
        if (all[i].name != all[0].name) return std::string(name);
    return all[0].name;
}

} // namespace

std::string organization_nominative(std::string_view name,
                                    const std::function<bool(std::string_view)>& written) {
    return phrase_nominative(name, written, Kind::organization);
}

std::string place_nominative(std::string_view name,
                             const std::function<bool(std::string_view)>& written) {
    return phrase_nominative(name, written, Kind::place);
}

std::vector<std::string> place_nominatives(std::string_view name) {
    std::vector<std::string> out;
    if (!russian::has_cyrillic(name)) return out;
    for (auto& r : readings(name, {}, Kind::place))
        if (std::find(out.begin(), out.end(), r.name) == out.end())
            out.push_back(std::move(r.name));
    return out;
}

} // namespace dateline::entities
