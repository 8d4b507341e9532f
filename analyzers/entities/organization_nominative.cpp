#include "organization_nominative.h"

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

// A reading of one word: the genders and cases its ending allows, and its nominative.
struct Form {
    unsigned genders, cases;
    std::string nominative;
    // Forms of this word that only this reading has, so that the article writing one of them
    // speaks for it (default: the nominative itself, when it cannot be another case's form).
    std::vector<std::string> evidence = {};
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

// Stems of the adjectives in stressed -ой that name institutions most ("городской совет",
// "Военно-морской флот", "Мировой банк"); other hard stems take -ый or -ий.
bool stressed(std::string_view stem) {
    static constexpr std::string_view stems[] = {
        "городск", "Городск", "морск", "Морск", "донск",  "Донск",  "миров", "Миров",
        "делов",   "Делов",   "свят",  "Свят",  "трудов", "Трудов", "боев",  "Боев",
        "стальн",  "Стальн",  "краев", "Краев", "окружн", "Окружн"};
    return std::find(std::begin(stems), std::end(stems), stem) != std::end(stems);
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
std::vector<Form> simple_noun_forms(std::string_view last, bool instrumental_oj) {
    struct Ending {
        std::string_view ending, nominative;
        unsigned cases;
    };
    auto with = [&](std::span<const Ending> endings, unsigned gender, std::vector<Form>& out) {
        for (const auto& e : endings)
            if (long_enough(last, e.ending))
                out.push_back({gender, e.cases,
                               std::string(last.substr(0, last.size() - e.ending.size())) +
                                   std::string(e.nominative)});
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
    with(neuter_stvo, neuter, out);
    if (out.empty()) with(neuter_enie, neuter, out);
    if (out.empty()) with(neuter_ishche, neuter, out); // училища
    if (out.empty()) with(feminine_iya, feminine, out);
    if (out.empty()) with(feminine_eya, feminine, out); // Ассамблеи
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
        if (e.ending == "ой" && (!instrumental_oj || one_of(before, {"к", "н", "в"}))) continue;
        // "Думу": Дума's, or a Дум's? The article's "Думы", "Думой" say; its "Дума" does not.
        const std::string base(stem);
        out.push_back(
            {feminine, e.cases, base + "а", {base + (soft_gen ? "и" : "ы"), base + "ой"}});
    }
    static constexpr Ending masculine_consonant[] = {
        {"а", "", gen}, {"у", "", dat}, {"ом", "", ins}, {"е", "", pre}};
    for (const auto& e : masculine_consonant) {
        if (!long_enough(last, e.ending)) continue;
        const auto stem = last.substr(0, last.size() - e.ending.size());
        if (consonant(last_letter(stem)))
            out.push_back({masculine,
                           e.cases,
                           std::string(stem),
                           {std::string(stem), std::string(stem) + "ом"}});
    }
    if (consonant(last_letter(last)) && last.size() >= 6)
        out.push_back({masculine, nom | acc, std::string(last)});
    return out;
}

// The readings of a noun. A compound declines in both parts when both can in one gender and case
// ("школу-студию" -> школа-студия), else in its last ("Карнеги-холла" -> Карнеги-холл,
// "пресс-службы", "Гоголь-центре"). A ministry written short
// with its genitive ("Минобороны", "Минкультуры", "Минимущества") does not decline.
std::vector<Form> noun_forms(std::string_view word, bool instrumental_oj) {
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
    auto tail = simple_noun_forms(last, instrumental_oj);
    if (head.empty()) return tail;
    std::vector<Form> both;
    for (const auto& a : simple_noun_forms(head.substr(0, head.size() - 1), instrumental_oj))
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

} // namespace

std::string organization_nominative(std::string_view name,
                                    const std::function<bool(std::string_view)>& written) {
    const auto words = text::split_on_spaces(name);
    if (words.empty()) return std::string(name);
    std::vector<Parts> parts;
    for (auto w : words)
        parts.push_back(split_punctuation(w));
    // One lower-case word in -ы, -и, or one in -цы, is more often a plural ("коммунисты",
    // "«Безумцы»") than a genitive.
    if (const std::string_view w = parts[0].core;
        words.size() == 1 &&
        (w.ends_with("цы") || (!capital(w.substr(0, 2)) &&
                               (w.ends_with("ы") || (w.ends_with("и") && !w.ends_with("ии"))))))
        return std::string(name);
    // The head: `k` adjectives, then the noun they agree with. A quotation mark ends it: "«Яблоко»
    // Москвы", "партии «Единая Россия»" decline in their first word only.
    std::size_t most_adjectives = std::min<std::size_t>(3, words.size() - 1);
    for (std::size_t i = 0; i < most_adjectives; ++i)
        if (!parts[i].trail.empty() || !parts[i + 1].lead.empty()) most_adjectives = i;
    double best_score = 0;
    std::vector<std::string> best;
    bool tied = false; // two readings as good, with other forms: "Службе" (Служба, or Служб?)
    std::vector<std::vector<Form>> adjectives; // each word's readings as an adjective, read once
    for (std::size_t i = 0; i < most_adjectives; ++i)
        adjectives.push_back(adjective_forms(parts[i].core));
    for (std::size_t k = 0; k <= most_adjectives; ++k) {
        std::vector<std::vector<Form>> readings(
            adjectives.begin(), adjectives.begin() + static_cast<std::ptrdiff_t>(k));
        readings.push_back(noun_forms(parts[k].core, k > 0 || words.size() == 1));
        // A lower-case adjective does not agree with a capitalized feminine or neuter noun: that
        // is a name after it ("командой Канады").
        const bool lower_adjective_before_name = k > 0 &&
                                                 !capital(parts[k - 1].core.substr(0, 2)) &&
                                                 capital(parts[k].core.substr(0, 2));
        for (unsigned g : genders)
            for (unsigned c : cases) {
                if (lower_adjective_before_name && g != masculine) continue;
                double score = 0;
                std::vector<std::string> forms;
                for (const auto& r : readings) {
                    const Form* f = find_form(r, g, c);
                    if (!f) break;
                    score += 1;
                    // ...but not this (not by a nominative in -а: "Парламента" written is
                    // Парламент's genitive as likely as a nominative).
                    if (c != nom && written && supported(*f, written)) score += 0.5;
                    forms.push_back(f->nominative);
                }
                if (forms.size() != readings.size()) continue;
                if (c == nom) score += 0.4; // the nominative wins ties...
                if (score > best_score) {
                    best_score = score;
                    best = std::move(forms);
                    tied = false;
                } else if (score == best_score && forms != best) {
                    tied = true;
                }
            }
    }
    if (best.empty() || tied) return std::string(name);
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!out.empty()) out += ' ';
        if (i < best.size()) {
            out += parts[i].lead;
            out += best[i];
            out += parts[i].trail;
        } else {
            out += words[i];
        }
    }
    return out;
}

} // namespace dateline::entities
