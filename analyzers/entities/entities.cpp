#include "entities.h"

#include "analyzers/entities/dateline.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/glued_tags.h"
#include "analyzers/entities/inflection.h"
#include "analyzers/entities/matcher.h"
#include "analyzers/entities/name_finder.h"
#include "analyzers/entities/nominative.h"
#include "analyzers/entities/phrase_nominative.h"
#include "analyzers/entities/place_adjectives.h"
#include "analyzers/entities/platforms.h"
#include "analyzers/entities/statistical_names.h"
#include "analyzers/entities/token_stream.h"
#include "analyzers/text.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace dateline::entities {

namespace {

constexpr std::uint32_t none = Gazetteer::npos;

// The word keys of a text: a set in one flat array (open addressing), filled once per article
// without an allocation per word.
class WordKeySet {
  public:
    explicit WordKeySet(const std::vector<Word>& words)
        : slots_(std::bit_ceil(2 * words.size() + 1)), mask_(slots_.size() - 1) {
        for (const auto& w : words) {
            std::size_t i = slot_of(w.key);
            if (!slots_[i]) slots_[i] = w.key;
        }
    }
    bool contains(std::string_view key) const { return slots_[slot_of(key)].has_value(); }

  private:
    // The slot that holds the key, or the empty slot where it would go.
    std::size_t slot_of(std::string_view key) const {
        const std::size_t hash = std::hash<std::string_view>{}(key);
        std::size_t i = hash & mask_;
        while (slots_[i] && *slots_[i] != key)
            i = (i + 1) & mask_;
        return i;
    }

    std::vector<std::optional<std::string_view>> slots_;
    std::size_t mask_;
};

// What the article says, for resolving ambiguous aliases.
struct ArticleContext {
    explicit ArticleContext(const std::vector<Word>& words) : keys(words) {}

    WordKeySet keys;                             // every word key of the text
    std::unordered_set<std::uint32_t> confirmed; // entities named by an unambiguous alias
    std::unordered_set<std::string> countries;   // countries of confirmed entities
};

bool unambiguous(const Mention& m) {
    for (const auto& c : m.candidates)
        if (c.entity != m.candidates.front().entity || (c.flags & (needs_context | common_word)))
            return false;
    return true;
}

// A tagged person that begins with a gazetteer place and goes on with a full name of two words
// or more ("Гессен Фолькера Буфье", the premier of Hesse) is the place and then the person: the
// person is made to start after the place (a one-word rest is the gazetteer misreading a given
// name: "Кит Флинт"). NEREL dev person F1 0.915 -> 0.918 (tp/fp/fn 848/59/99 -> 851/56/96),
// place 0.897 -> 0.900 (658/62/85; "Монако Альбер II" too).
void split_leading_places(std::vector<TaggedName>& tagged, const std::vector<Mention>& mentions,
                          std::string_view text, const std::vector<Word>& words,
                          const Gazetteer& g) {
    for (auto& t : tagged) {
        if (t.type != EntityType::person) continue;
        for (const auto& m : mentions) {
            if (m.from_tag || m.begin != t.begin || m.end + 2 > t.end || m.stem_only) continue;
            if (std::any_of(m.candidates.begin(), m.candidates.end(), [&](const AliasTarget& c) {
                    return (c.flags & needs_context) != 0 ||
                           g.entity(c.entity).type != EntityType::place;
                }))
                continue;
            t.begin = m.end;
            t.text_begin = static_cast<std::size_t>(words[m.end].text.data() - text.data());
            break;
        }
    }
}

// Whether a tagged person's first word is a given name that `e` (a gazetteer person whose surname
// the tagged name ends with) is never given: "Мишель" in "Мишель Обамы" (Barack Obama's aliases
// give "Барак"), "Мелании" in "Мелании Трамп". A word is one of the entity's given names when it
// begins with one less its last letter ("Барака", "Владимира") or is an initial of one ("В."). Only
// given names of the word's own script count (Cyrillic, Latin): with none, it is not told apart;
// nor is it from an entity with a given name of one letter ("E. Gerald Corrigan").
bool other_given_name(const GazetteerEntity& e, const Word& first) {
    const auto cyrillic = [](std::string_view key) {
        return !key.empty() && (static_cast<unsigned char>(key[0]) & 0xFE) == 0xD0;
    };
    const std::string_view key = first.key;
    bool same_script = false;
    for (std::string_view given : e.given_names) {
        if (given.empty() || cyrillic(given) != cyrillic(key)) continue;
        same_script = true;
        const auto stem = without_last_letter(given);
        if (key.starts_with(stem) || given.starts_with(key)) return false;
    }
    return same_script;
}

// Whether a word follows the word before it in one sentence: no period, only white space, '-' or
// an abbreviation's '.' between them.
bool in_sentence_after(const Word& w) {
    return w.joins_previous && !w.after_period;
}

// Whether only white space stands between words k - 1 and k.
bool white_space_before(const std::vector<Word>& words, std::size_t k) {
    return gap_before(words, k).find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Whether a one-word mention of gazetteer person `e` is the surname of someone else, whose given
// name is written right before it: "Elizabeth Dole" (not Robert Dole), "Nancy Reagan", "Justice
// Lewis Powell" (not Jerome Powell), "Foreign Minister Pik Botha" (not P.W. Botha), "minister
// Shintaro Abe" (not Shinzo Abe). The word before is capitalized, only white space away, and
// either a listed given name (Gazetteer::is_first_name) or any capitalized word after a title
// word ("Pik", "Shintaro"); and none of e's given names (other_given_name()), nor one edit from
// one ("Mikhael Gorbachev", "Wiliam Seidman", "Jamie Ongpin" are misspelt). Nicknames are not
// listed given names ("Dick Darman" stays Richard Darman's). Reuters: 54 articles' people changed,
// e.g. "Shintaro Abe" in 14 (was Shinzo Abe), "Elizabeth Dole" in 9 (was Robert Dole), "Makoto
// Kuroda" in 7 (was Haruhiko Kuroda), "J. Henry Schroder" (the bank) no longer Gerhard Schroeder
// in 10, "Lewis Powell" no longer Jerome Powell; people recall unchanged (0.989); 10kGNAD
// "Michelle Obama", "Ashton Carter", "Dennis Schröder" likewise.
bool another_persons_surname(const Mention& m, const GazetteerEntity& e,
                             const std::vector<Word>& words, const Gazetteer& g) {
    if (e.type != EntityType::person || m.end != m.begin + 1 || m.begin == 0) return false;
    const Word& surname = words[m.begin];
    const Word& given = words[m.begin - 1];
    if (!surname.joins_previous || surname.after_period || given.shape != Shape::capitalized)
        return false;
    if (!white_space_before(words, m.begin)) return false; // "Yeutter-de Clercq"
    if (is_title_word(given.key) || is_legal_form(given.key)) return false;
    const bool after_title =
        m.begin >= 2 && in_sentence_after(given) && is_title_word(words[m.begin - 2].key);
    if (!g.is_first_name(given.key) && !after_title) return false;
    for (std::string_view own : e.given_names)
        if (text::code_points(own).size() >= 4 && text::edit_distance(own, given.key, 1) <= 1)
            return false;
    return other_given_name(e, given);
}

// Whether a one-word city's mention is the surname of a person a title names with a given name:
// "Chairman Kazuo Nagano" (not the city of Nagano), "vice president Ray Mendoza", "president
// Leopoldo Sucre Figarella", "chairman-elect Denys Henderson" (name_finder.h: ends_title()). The
// word before is capitalized and no mention's, the one before it ends a title, all only white
// space apart; the name finder then reads the person whole. Reuters: 19 articles gain a person
// ("Fernando Santos Alvite", "Richard Henderson"), places unchanged.
bool surname_after_title(const std::vector<Word>& words, const Mention& m,
                         const std::vector<bool>& mentioned) {
    if (m.end != m.begin + 1 || m.begin < 2 || mentioned[m.begin - 1]) return false;
    const Word& given = words[m.begin - 1];
    return in_sentence_after(words[m.begin]) && in_sentence_after(given) &&
           given.shape == Shape::capitalized && !given.caps_line && !is_title_word(given.key) &&
           ends_title(words, m.begin - 2);
}

// Whether a one-word place's mention is the surname of a person whose listed given name is
// written right before it, only white space apart, and whose name it ends: "David Henderson
// said" (not the city of Henderson, Nevada), "Congressman Glenn English". A capitalized word or a
// number after it makes it part of a longer name or a table's row instead ("Franklin Ohio Insured
// Tax-Free Income Fund", "George Washington Bridge", "Lou Gulf 1.73"). `mentioned[k]`: a gazetteer
// mention covers word k.
bool surname_after_given_name(const std::vector<Word>& words, const Mention& m,
                              const std::vector<bool>& mentioned, const Gazetteer& g) {
    if (m.end != m.begin + 1 || m.begin == 0) return false;
    const Word& given = words[m.begin - 1];
    if (!in_sentence_after(words[m.begin]) || mentioned[m.begin - 1] ||
        given.shape != Shape::capitalized || given.caps_line || !g.is_first_name(given.key))
        return false;
    if (m.end < words.size() && in_sentence_after(words[m.end]) &&
        words[m.end].shape != Shape::lower)
        return false;
    return white_space_before(words, m.begin);
}

// Whether a one-word city's mention is the given name of a person a title names: "Chairman Milan
// Panic", "analyst Rosario Ilacqua", "Senator Rand Paul", "opposition leader Constantine
// Mitsotakis". A title ends right before it and a capitalized word no mention covers follows, all
// only white space apart; the name finder then reads the person whole.
bool given_name_after_title(const std::vector<Word>& words, const Mention& m,
                            const std::vector<bool>& mentioned) {
    if (m.end != m.begin + 1 || m.begin == 0 || m.end >= words.size()) return false;
    const Word& surname = words[m.end];
    return in_sentence_after(words[m.begin]) && in_sentence_after(surname) &&
           surname.shape == Shape::capitalized && !surname.caps_line && !mentioned[m.end] &&
           !words[m.begin].caps_line && ends_title(words, m.begin - 1);
}

// Whether a one-word place's mention is written as a place: after a locative preposition ("in
// Henderson", "of Henderson"), before a comma and a place the gazetteer names ("Henderson, Nevada")
// or as "Henderson-based".
bool written_as_place(const std::vector<Word>& words, const Mention& m,
                      const std::vector<bool>& mentioned) {
    static constexpr std::string_view locatives[] = {
        "in",     "at",      "from",   "near",   "to",      "of",    "outside", "into",
        "across", "around",  "via",    "toward", "towards", "based", "through", "throughout",
        "within", "between", "inside", "north",  "south",   "east",  "west"};
    if (m.begin > 0 && std::find(std::begin(locatives), std::end(locatives),
                                 words[m.begin - 1].key) != std::end(locatives))
        return true;
    if (m.end >= words.size()) return false;
    const Word& next = words[m.end];
    if (next.key == "based" && next.joins_previous) return true;
    return gap_before(words, m.end).find(',') != std::string_view::npos && mentioned[m.end];
}

// The entity a mention names in this article, or none.
std::uint32_t resolve(const Mention& m, const ArticleContext& ctx, const Gazetteer& g) {
    std::uint32_t best = none;
    int best_score = -1;
    for (const auto& c : m.candidates) {
        const auto& e = g.entity(c.entity);
        if (c.flags & common_word) {
            bool vetoed = false;
            for (const auto& v : e.veto)
                vetoed = vetoed || ctx.keys.contains(v);
            if (vetoed) continue;
        }
        int support = 0;
        for (const auto& s : e.support)
            if (ctx.keys.contains(s)) {
                support += 2;
                break;
            }
        if (ctx.confirmed.contains(c.entity)) support += 2;
        if (!e.country.empty() && ctx.countries.contains(e.country)) support += 1;
        if ((c.flags & needs_context) && support == 0) continue;
        if (support > best_score) {
            best_score = support;
            best = c.entity;
        }
    }
    return best;
}

// Whether a canonical name begins with the English article ("The Hague", "The Economist").
bool starts_with_the(std::string_view name) {
    return name.size() > 4 && (name[0] == 'T' || name[0] == 't') && name[1] == 'h' &&
           name[2] == 'e' && name[3] == ' ';
}

// Where one mention of an entity is written: a gazetteer entity, or (entity == none) a found name.
struct Span {
    std::size_t begin = 0, end = 0; // words [begin, end)
    std::uint32_t entity = none;
    EntityType type = EntityType::other;
    std::string name; // found names only
    // Bytes of the joined text, when not the words' extent (FoundName::text_begin).
    std::size_t text_begin = FoundName::npos, text_end = FoundName::npos;
};

struct Tally {
    std::map<std::uint32_t, int> known;                      // gazetteer entity -> mentions
    std::map<std::pair<EntityType, std::string>, int> found; // names not in the gazetteer
    // Found names that begin with a lower-case word: common nouns the tagger reads as a name, as
    // NEREL annotates them ("полиции", "правительства", "кабинета министров"). They are mentions
    // (org:, place: match them) but no facet value: the article is not about "полиции". On
    // NEREL train 1,389 of 12,426 entities were such names.
    std::set<std::pair<EntityType, std::string>> common;
    std::vector<Span> spans; // every mention in the text
};

// Whether word i is joined to a neighbour by an ampersand ("Holm & Partners", "Procter & Gamble"):
// then it is part of a firm's name, not a person's.
bool beside_ampersand(const std::vector<Word>& words, std::size_t i) {
    auto ampersand_between = [&](std::size_t a) {
        const char* from = words[a].text.data() + words[a].text.size();
        const std::string_view gap(from, static_cast<std::size_t>(words[a + 1].text.data() - from));
        return gap.find_first_not_of(" \t") != std::string_view::npos &&
               gap.find_first_not_of(" \t&") == std::string_view::npos &&
               std::count(gap.begin(), gap.end(), '&') == 1;
    };
    return (i + 1 < words.size() && ampersand_between(i)) || (i > 0 && ampersand_between(i - 1));
}

// A person found by a cue whose name is how a company the article names begins, and does not
// begin with a given name ("Pizza Inn" of "Pizza Inn Inc", "Waste Management", "K Mart", "Nuclear
// Data"), is that company written short: a mention of the organization, under its full name.
// A name that begins with a given name is the company only when the company adds nothing but its
// legal form ("Walt Disney" of "Walt Disney Co", "Sara Lee" of "Sara Lee Corp", "Morgan Grenfell"
// of "Morgan Grenfell Group PLC"), and the article names no partner's firm of that name ("Mario
// Gabelli, head of ... Mario Gabelli and Co" is the man; so "Eli Lilly" beside "Eli Lilly and Co"
// stays a person too): on Reuters 36 names are retyped so, all of them firms ("Jim Walter", "Paula
// Payne", "Robert Halmi" of "Robert Halmi Inc", which "said it"); people recall unchanged.
// A person found after a title cue that is the company's own word ("General" + "Binding" of
// "General Binding Corp", "Mr. Jax" of "Mr Jax Fashions Inc", "Gen Term Corp") is that company too,
// the title word included: on Reuters 30 such one-word people ("Dynamics", "Automation",
// "Nutrition") were all firms; places, people recall, Wikinews, 10kGNAD, NEREL unchanged.
// Trade-off: beside "Doris Day Animal Foundation" (Wikinews), "Doris Day" is the actress the story
// is about (with 21 lone "Day" mentions), and stays a person.
void retype_company_short_names(std::vector<FoundName>& found, const std::vector<Word>& words,
                                const Gazetteer& g) {
    std::vector<std::string_view> companies;
    for (const auto& f : found)
        if (f.type == EntityType::organization) companies.push_back(f.name);
    if (companies.empty()) return;
    auto only_legal_form = [&](std::string_view rest) {
        const auto tail = split_words(rest);
        return !tail.empty() && std::all_of(tail.begin(), tail.end(), [&](const Word& w) {
            return is_legal_form(w.key) || w.key == "group" || w.key == "holdings";
        });
    };
    // A partner's firm ("Mario Gabelli and Co", "Charles Schwab and Co Inc") is named beside him.
    auto partners_firm = [&](std::string_view name) {
        return std::any_of(companies.begin(), companies.end(), [&](std::string_view c) {
            if (!c.starts_with(name)) return false;
            const auto rest = c.substr(name.size());
            return rest.starts_with(" and ") || rest.starts_with(" & ");
        });
    };
    // "General" + "Binding" of "General Binding Corp", "Mr" + "Jax" of "Mr Jax Fashions Inc": a
    // title cue that is the company's own first word.
    auto company_with_title = [&](const FoundName& f) -> std::string_view {
        if (f.begin == 0 || !is_title_word(words[f.begin - 1].key)) return {};
        const auto written = std::span(words).subspan(f.begin - 1, f.end - f.begin + 1);
        const auto same_key = [](const Word& a, const Word& b) { return a.key == b.key; };
        for (auto company : companies) {
            const auto name = split_words(company);
            if (name.size() > written.size() &&
                std::search(name.begin(), name.end(), written.begin(), written.end(), same_key) !=
                    name.end())
                return company;
        }
        return {};
    };
    for (auto& f : found) {
        if (f.type != EntityType::person) continue;
        if (const auto company = company_with_title(f); !company.empty()) {
            f.type = EntityType::organization;
            f.name = std::string(company);
            --f.begin; // the title is the company's word
            continue;
        }
        if (f.end - f.begin < 2) continue;
        const bool given_name_first = g.is_first_name(words[f.begin].key) && !f.compound;
        if (given_name_first && partners_firm(f.name)) continue;
        for (auto company : companies)
            if (company.size() > f.name.size() + 1 && company.starts_with(f.name) &&
                company[f.name.size()] == ' ' &&
                (!given_name_first || only_legal_form(company.substr(f.name.size() + 1)))) {
                f.type = EntityType::organization;
                f.name = std::string(company);
                break;
            }
    }
}

// Word i comes right after "General" or "Gen".
bool after_general(const std::vector<Word>& words, std::size_t i) {
    return i > 0 && (words[i - 1].key == "general" || words[i - 1].key == "gen");
}

// "General" before one word begins a firm's or a treaty's name far more often than it names a
// general ("General Partners", "General Foods", "General Agreement" on Reuters: 31 such people of
// 32, with the firms retype_company_short_names() takes), and a general's name is written without
// the rank too ("General Soleimani" ... "Soleimani was head"). So a one-word person after
// "General" that the text never writes alone, capitalized, is dropped; places and people recall
// on Reuters unchanged, Wikinews unchanged, 10kGNAD 3 fewer ("gen Nullpunkt",
// "Gen-Wechselwirkungen").
void drop_general_firm_words(std::vector<FoundName>& found, const std::vector<Word>& words) {
    auto written_alone = [&](std::size_t i) {
        for (std::size_t k = 0; k < words.size(); ++k)
            if (k != i && words[k].key == words[i].key && words[k].shape == Shape::capitalized &&
                !after_general(words, k))
                return true;
        return false;
    };
    std::erase_if(found, [&](const FoundName& f) {
        return f.type == EntityType::person && f.end == f.begin + 1 &&
               after_general(words, f.begin) && !written_alone(f.begin);
    });
}

// Lone names (facet hygiene): a later surname ("Reagan") or a given name alone ("Shintaro") joins
// the one full name of the article that ends or begins with it. A single-word found name that joins
// none is dropped when it is a given name ("Ali", "Fernando": the rest of the name was missed) or a
// word the article also writes in lower case ("Partners", "Agreement": a headline's common noun).
// A surname beside an ampersand names a firm ("Holm & Partners"), and joins no one.
// A single-word gazetteer person ("Subroto") is a name in its own right and stays.
void join_lone_names(const std::vector<Word>& words, const std::vector<bool>& used,
                     const std::vector<FoundName>& found,
                     const std::vector<std::pair<std::uint32_t, std::size_t>>& people,
                     const Gazetteer& g, std::string_view language, Tally& tally) {
    using Who = std::pair<std::uint32_t, std::size_t>; // gazetteer id, or none and index into found
    // surname or given-name key -> the full name; keys naming two full names are dropped.
    std::unordered_map<std::string, Who> surnames, given;
    std::unordered_set<std::string> ambiguous_surnames, ambiguous_given;
    auto add = [&](const std::string& full, Who who) {
        const auto words_of = split_words(full);
        if (words_of.size() < 2) return;
        if (auto [it, inserted] = surnames.emplace(words_of.back().key, who);
            !inserted && it->second != who)
            ambiguous_surnames.insert(words_of.back().key);
        if (auto [it, inserted] = given.emplace(words_of.front().key, who);
            !inserted && it->second != who)
            ambiguous_given.insert(words_of.front().key);
    };
    for (const auto& [id, unused] : people)
        add(g.entity(id).name, {id, 0});
    // A full name found twice (the title's and the body's "Igor Matovič") is one person: its
    // first finding stands for both, so its surname is not ambiguous. A company read as a person
    // lends its last word too ("Pizza Inn": Reuters about 64 of 206 joined mentions); tried: only
    // a found name beginning with a known given name lends it, which lost 1,485 good Reuters
    // mentions (foreign given names: "Masao Fujioka", "Rilwanu Lukman"), dropped.
    std::unordered_map<std::string_view, std::size_t> first_finding;
    for (std::size_t i = 0; i < found.size(); ++i)
        if (found[i].type == EntityType::person)
            add(found[i].name, {none, first_finding.try_emplace(found[i].name, i).first->second});
    for (const auto& key : ambiguous_surnames)
        surnames.erase(key);
    for (const auto& key : ambiguous_given)
        given.erase(key);
    // A word the article also writes in lower case, or a single letter, is no one's name alone,
    // whatever full name a cue ended with it ("Initially I", "... Ali And" claimed every "I" and
    // "And" of a Wikinews interview: 576 false mentions there, none lost). Trade-off: a surname
    // that is a common word the article also uses is left alone too ("Rose" of Charles Rose beside
    // "prices rose"); on Reuters 137 lone mentions go, about 115 of them false ("The", "S",
    // "Management" after a company taken for a name), about 20 true ("Rose", "Maxwell"); document
    // recall of people unchanged (0.989).
    const auto lower = lower_case_keys(words);
    const auto common = [&](const std::string& key) {
        return letter_count(key) < 2 || lower.contains(key);
    };
    std::erase_if(surnames, [&](const auto& entry) { return common(entry.first); });
    std::erase_if(given, [&](const auto& entry) { return common(entry.first); });

    // Words [begin, end) name `who`.
    auto credit = [&](Who who, std::size_t begin, std::size_t end) {
        Span span{.begin = begin,
                  .end = end,
                  .entity = who.first,
                  .type = EntityType::person,
                  .name = {}};
        if (who.first != none) {
            ++tally.known[who.first];
        } else {
            span.name = found[who.second].name;
            ++tally.found[{EntityType::person, span.name}];
        }
        tally.spans.push_back(std::move(span));
    };
    // A found name that is no facet value of its own: its count and its span go.
    auto uncount = [&](const FoundName& f) {
        auto& count = tally.found[{EntityType::person, f.name}];
        if (--count <= 0) tally.found.erase({EntityType::person, f.name});
        std::erase_if(tally.spans, [&](const Span& s) {
            return s.entity == none && s.begin == f.begin && s.end == f.end;
        });
    };
    // In a language that inflects names, a surname found alone in another case joins the full
    // name by its nominative or, failing that, its stem: "Голунова" (nominative "Голунов") and
    // "Солженицыну" (read "Солженицына") join "Иван Голунов" and "Александр Солженицын". Only
    // stems no two full names share.
    std::unordered_map<std::string, Who> surname_stems;
    std::unordered_set<std::string> ambiguous_stems;
    if (inflects(language))
        for (const auto& [key, who] : surnames)
            if (auto [it, inserted] = surname_stems.emplace(stem_key(language, key), who);
                !inserted && it->second != who)
                ambiguous_stems.insert(it->first);
    for (const auto& stem : ambiguous_stems)
        surname_stems.erase(stem);
    auto inflected_surname = [&](const FoundName& f) -> const Who* {
        if (surname_stems.empty()) return nullptr;
        if (auto it = surnames.find(word_key(f.name)); it != surnames.end()) return &it->second;
        // Any case its endings allow: "Агафонова" joins "Иван Агафонов" (Ивана Агафонова).
        const Who* by_ending = nullptr;
        for (const auto& form : surname_nominatives(words[f.begin].text, language))
            if (auto it = surnames.find(word_key(form)); it != surnames.end()) {
                if (by_ending && *by_ending != it->second) return nullptr; // his or hers
                by_ending = &it->second;
            }
        if (by_ending) return by_ending;
        const std::string& key = words[f.begin].key;
        const std::string stem = stem_key(language, words[f.begin].text);
        if (!is_inflection(key, stem)) return nullptr;
        auto it = surname_stems.find(stem);
        return it == surname_stems.end() ? nullptr : &it->second;
    };
    // Single-word people found by a cue ("President Reagan", "Shintaro said").
    for (const auto& f : found) {
        if (f.type != EntityType::person || f.end - f.begin != 1) continue;
        const std::string& key = words[f.begin].key;
        const Who* full = nullptr;
        if (auto it = surnames.find(key); it != surnames.end())
            full = &it->second;
        else if (auto jt = given.find(key); jt != given.end())
            full = &jt->second;
        else
            full = inflected_surname(f);
        if (!full && !g.is_first_name(key) && !common(key)) continue;
        uncount(f);
        if (full && !beside_ampersand(words, f.begin)) credit(*full, f.begin, f.end);
    }
    // A name of two words or more that ends a longer one of the article, as a double surname
    // does ("Santos Alvite" of "Fernando Santos Alvite", "Perez de Cuellar" of "Javier Perez de
    // Cuellar"), is that person when it ends only one, the longer name begins with a listed given
    // name and the shorter does not: "Markus Werner" is a name of its own, and the longer a
    // misreading ("dem Roman von Markus Werner"). Reuters: 11 names joined, each right.
    for (const auto& f : found) {
        if (f.type != EntityType::person || f.end - f.begin < 2 ||
            g.is_first_name(words[f.begin].key))
            continue;
        std::optional<Who> longer;
        bool ambiguous = false;
        auto consider = [&](std::string_view full, Who who) {
            if (full.size() <= f.name.size() + 1 || !full.ends_with(f.name) ||
                full[full.size() - f.name.size() - 1] != ' ' || (longer && *longer == who) ||
                !g.is_first_name(split_words(full).front().key))
                return;
            ambiguous = ambiguous || longer.has_value();
            longer = who;
        };
        for (const auto& [id, unused] : people)
            consider(g.entity(id).name, {id, 0});
        for (std::size_t i = 0; i < found.size(); ++i)
            if (found[i].type == EntityType::person)
                consider(found[i].name, {none, first_finding.at(found[i].name)});
        if (!longer || ambiguous) continue;
        uncount(f);
        credit(*longer, f.begin, f.end);
    }
    if (surnames.empty()) return;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (used[i] || (words[i].shape != Shape::capitalized && words[i].shape != Shape::upper))
            continue;
        if (i + 1 < words.size() && words[i + 1].joins_previous &&
            words[i + 1].shape == Shape::capitalized && !words[i + 1].caps_line)
            continue;                             // part of a longer name
        if (beside_ampersand(words, i)) continue; // a firm's name
        auto it = surnames.find(words[i].key);
        if (it != surnames.end()) credit(it->second, i, i + 1);
    }
}

} // namespace

std::vector<Entity> tag(const Article& article) {
    return tag(article, default_gazetteer());
}

Tagging tag_all(const Article& article) {
    return tag_all(article, default_gazetteer());
}

namespace {

// Where the parts of the tagged text begin, in words.
struct Layout {
    std::size_t title_end = 0;                        // words before it are the title's
    std::size_t lead_begin = 0;                       // first word of the story (after a dateline)
    std::size_t dateline_begin = 0, dateline_end = 0; // the dateline's words, if any
    std::size_t place_end = 0; // the dateline's place name is words [dateline_begin, place_end)
};

// What a mention names that places the article in a country.
enum class HitKind : std::uint8_t { name, demonym, place, organization };

// A mention that places the article in a country.
struct PlaceHit {
    std::string country;
    std::size_t word = 0;
    HitKind kind = HitKind::name;
    bool title = false; // in the title or a publisher tag
    bool dateline = false;
    bool weak = false; // a company's legal form, a currency ("U.S. dlrs"), an event's name
                       // ("the Paris accord"): says little
};

bool currency_word(std::string_view key) {
    static const std::unordered_set<std::string_view> currencies = {
        "dollar",   "dollars", "dlr",     "dlrs",  "cent",  "cents",  "yen",
        "franc",    "francs",  "mark",    "marks", "pound", "pounds", "guilder",
        "guilders", "peseta",  "pesetas", "lira",  "lire",  "peso",   "pesos",
        "crown",    "crowns",  "rupee",   "rupees"};
    return currencies.contains(key);
}

// A currency rather than a place: "yen", "guilders", or a country qualifying one ("6.28 billion
// U.S. Dlrs", "Swiss franc notes"). Money is quoted in every market story; it says little.
bool currency_mention(const std::vector<Word>& words, const Mention& m) {
    if (m.from_tag) return false;
    if (m.end == m.begin + 1 && currency_word(words[m.begin].key)) return true;
    return m.end < words.size() && words[m.end].joins_previous && currency_word(words[m.end].key);
}

// Whether a place's mention is part of a company's name: written inside the angle brackets news
// wires put around a company ("<Phoenix Canada Oil Co Ltd>"), or followed by at most four
// capitalized words that end in a legal form or a firm's head word ("Texaco Canada Inc",
// "Australia Wide Industries Ltd", "the Japan Fund").
bool in_company_name(const std::vector<Word>& words, const Mention& m, std::string_view text) {
    // Besides a legal form, the head words of a firm's name.
    static const std::unordered_set<std::string_view> heads = {"fund",     "trust",      "group",
                                                               "holdings", "industries", "bancorp"};
    if (m.from_tag) return false;
    const auto offset = static_cast<std::size_t>(words[m.begin].text.data() - text.data());
    if (offset > 0 && text[offset - 1] == '<') return true;
    for (std::size_t i = m.end; i < words.size() && i < m.end + 5; ++i) {
        const Word& w = words[i];
        if (!w.joins_previous || w.sentence_start) return false;
        if (is_legal_form(w.key) || heads.contains(w.key)) return true;
        if (w.shape != Shape::capitalized && w.shape != Shape::upper && w.key != "of") return false;
    }
    return false;
}

// A ticker symbol, not a name: one word in capitals of at most five letters written alone inside
// the angle brackets news wires put after a company ("Union Carbide <UK>", "Unilever <UN>",
// "Apache <APA>"). The company's name is written beside it; the symbol matched as an alias named
// South Korea ("<ROK>"), the United Kingdom and the United Nations in Reuters stories about firms.
bool ticker_symbol(const std::vector<Word>& words, const Mention& m, std::string_view text) {
    if (m.from_tag || m.end != m.begin + 1) return false;
    const Word& w = words[m.begin];
    if (w.shape != Shape::upper || w.text.size() > 5) return false;
    const auto offset = static_cast<std::size_t>(w.text.data() - text.data());
    const std::size_t end = offset + w.text.size();
    return offset > 0 && text[offset - 1] == '<' && end < text.size() && text[end] == '>';
}

// What a resolved mention of entity `id` names: the country itself, by name or demonym, one of its
// places, or one of its organizations (a company named after it counts as one: "Texaco Canada").
HitKind hit_kind(const std::vector<Word>& words, const Mention& m, std::string_view text,
                 std::uint32_t id, const GazetteerEntity& e) {
    if (e.type != EntityType::place || in_company_name(words, m, text))
        return HitKind::organization;
    if (!e.is_country) return HitKind::place;
    for (const auto& c : m.candidates)
        if (c.entity == id) return (c.flags & demonym) ? HitKind::demonym : HitKind::name;
    return HitKind::name;
}

// A place that names an agreement, a negotiating round or an affair ("the Paris accord", "the
// Uruguay Round", "the Iran arms scandal"): the event, usually reported from elsewhere, not the
// place. On Reuters TRAIN the country of such a mention is annotated one time in five (accord,
// agreement, pact), never (round) or one time in thirteen (scandal, affair).
bool names_an_event(const std::vector<Word>& words, const Mention& m) {
    static const std::unordered_set<std::string_view> events = {
        "accord", "accords", "agreement", "pact", "round", "scandal", "affair"};
    if (m.from_tag) return false;
    std::size_t i = m.end;
    if (i < words.size() && words[i].joins_previous && words[i].key == "arms") ++i; // "Iran arms"
    return i < words.size() && words[i].joins_previous && events.contains(words[i].key);
}

std::vector<CountryEvidence> gather_evidence(const std::vector<PlaceHit>& hits,
                                             const std::vector<Word>& words, const Layout& layout) {
    // sentence[i]: the story sentence word i is in, counted from the lead.
    std::vector<std::size_t> sentence(words.size(), 0);
    std::size_t n = 0;
    for (std::size_t i = layout.lead_begin; i < words.size(); ++i) {
        if (i > layout.lead_begin && words[i].sentence_start) ++n;
        sentence[i] = n;
    }
    std::vector<CountryEvidence> out;
    std::unordered_map<std::string, std::size_t> index;
    for (const auto& h : hits) {
        auto [it, inserted] = index.emplace(h.country, out.size());
        if (inserted)
            out.push_back(
                {.country = h.country,
                 .story_words = words.size() - std::min(words.size(), layout.lead_begin)});
        auto& e = out[it->second];
        if (h.weak) {
            ++e.weak_mentions;
            continue;
        }
        ++e.mentions;
        if (h.dateline) {
            e.dateline = true;
            continue;
        }
        switch (h.kind) {
        case HitKind::name:
            ++e.name_mentions;
            break;
        case HitKind::demonym:
            ++e.demonym_mentions;
            break;
        case HitKind::place:
            ++e.place_mentions;
            break;
        case HitKind::organization:
            ++e.org_mentions;
            break;
        }
        if (h.title) {
            e.title = true;
        } else if (h.word >= layout.lead_begin) {
            ++e.body_mentions;
            e.first_word = std::min(e.first_word, h.word - layout.lead_begin);
            e.first_sentence = std::min(e.first_sentence, sentence[h.word]);
        }
    }
    return out;
}

// A span located in the article's fields; `entity` is filled once the span's entity is named.
struct Located {
    Span span;
    EntityMention mention;
};

struct Analysis {
    Tally tally;
    bool unplaced_dateline = false; // the body opens with a dateline the gazetteer cannot place
    std::vector<CountryEvidence> evidence;
    std::vector<Located> located; // tally.spans, in text order
};

// Where the spans are written: the field and byte offsets within it (text is the title, the
// description and the body joined by blank lines, as analyze() builds it).
std::vector<Located> locate(std::vector<Span> spans, const std::vector<Word>& words,
                            std::string_view text, const Article& article) {
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    const std::size_t description_offset = article.title.size() + 2;
    const std::size_t body_offset = text.size() - article.body.size();
    std::vector<Located> out;
    out.reserve(spans.size());
    for (auto& span : spans) {
        const std::string_view last = without_possessive(words[span.end - 1].text);
        const auto start =
            span.text_begin != FoundName::npos
                ? span.text_begin
                : static_cast<std::size_t>(words[span.begin].text.data() - text.data());
        const auto end = span.text_end != FoundName::npos
                             ? span.text_end
                             : static_cast<std::size_t>(last.data() + last.size() - text.data());
        EntityMention m;
        std::size_t base = 0;
        if (end <= article.title.size()) {
            m.field = "title";
        } else if (!article.description.empty() && start >= description_offset &&
                   end <= description_offset + article.description.size()) {
            m.field = "description";
            base = description_offset;
        } else if (start >= body_offset) {
            m.field = "body";
            base = body_offset;
        } else {
            continue; // across two fields: cannot be (words never join over a blank line)
        }
        m.start = start - base;
        m.end = end - base;
        m.text = std::string(text.substr(start, end - start));
        m.type = span.type;
        out.push_back({std::move(span), std::move(m)});
    }
    return out;
}

Analysis analyze(const Article& article, const Gazetteer& g) {
    std::string text = article.title;
    for (const std::string* part : {&article.description, &article.body}) {
        if (part->empty()) continue;
        text += "\n\n";
        text += *part;
    }
    const std::size_t body_offset = text.size() - article.body.size();
    const auto dateline = parse_dateline(article.body);
    const std::uint32_t dateline_id = dateline ? dateline_entity(*dateline, g) : none;

    const std::vector<Word> words = split_words(text);
    Layout layout;
    auto offset_of = [&](const Word& w) {
        return static_cast<std::size_t>(w.text.data() - text.data());
    };
    while (layout.title_end < words.size() &&
           offset_of(words[layout.title_end]) < article.title.size())
        ++layout.title_end;
    layout.lead_begin = layout.title_end;
    if (dateline && dateline_id != none) {
        layout.dateline_begin = layout.dateline_end = words.size();
        for (std::size_t i = layout.title_end; i < words.size(); ++i) {
            const std::size_t o = offset_of(words[i]);
            if (o < body_offset) continue;
            if (o >= body_offset + dateline->end) break;
            layout.dateline_begin = std::min(layout.dateline_begin, i);
            layout.dateline_end = i + 1;
            if (o <
                body_offset + dateline->place.data() - article.body.data() + dateline->place.size())
                layout.place_end = i + 1;
        }
        if (article.description.empty() && layout.dateline_end < words.size())
            layout.lead_begin = layout.dateline_end;
    }
    auto in_dateline = [&](std::size_t i) {
        return i >= layout.dateline_begin && i < layout.dateline_end;
    };

    std::vector<Mention> mentions;
    for (auto& m : match_aliases(words, g, article.language))
        if (!in_dateline(m.begin) && !ticker_symbol(words, m, text))
            mentions.push_back(std::move(m));
    for (const auto& t : article.tags)
        for (auto& candidates : segment_tag(t, g)) {
            Mention m;
            m.candidates = std::move(candidates);
            m.from_tag = true;
            mentions.push_back(std::move(m));
        }

    ArticleContext ctx(words);
    auto confirm = [&](std::uint32_t id) {
        ctx.confirmed.insert(id);
        if (!g.entity(id).country.empty()) ctx.countries.insert(g.entity(id).country);
    };
    for (const auto& m : mentions)
        if (unambiguous(m)) confirm(m.candidates.front().entity);
    if (dateline_id != none) confirm(dateline_id);

    Analysis result;
    result.unplaced_dateline = dateline && dateline_id == none;
    Tally& tally = result.tally;
    std::vector<PlaceHit> hits;
    std::vector<EntityType> covered(words.size(), EntityType::other);
    std::vector<bool> used(words.size(), false);
    std::vector<std::pair<std::uint32_t, std::size_t>> people;
    if (dateline_id != none && layout.dateline_end > layout.dateline_begin) {
        ++tally.known[dateline_id];
        tally.spans.push_back({.begin = layout.dateline_begin,
                               .end = std::max(layout.place_end, layout.dateline_begin + 1),
                               .entity = dateline_id,
                               .type = g.entity(dateline_id).type,
                               .name = {}});
        hits.push_back({.country = g.entity(dateline_id).country,
                        .word = layout.dateline_begin,
                        .dateline = true});
        for (std::size_t i = layout.dateline_begin; i < layout.dateline_end; ++i) {
            covered[i] = EntityType::place;
            used[i] = true;
        }
    }
    // The statistical tagger's names (statistical_names.h): a gazetteer mention inside a tagged
    // person takes the person's extent, or is dropped when it is not a person or the tagged name
    // gives another given name than the entity's (other_given_name(): "Мишель Обамы").
    auto tagged = tagged_names(text, article.language, words);
    split_leading_places(tagged, mentions, text, words, g);
    // A gazetteer person whose surname another person of the article bears (another_persons_
    // surname(): "Elizabeth Dole") and who is never named here with a given name or a title
    // ("Robert Dole", "Senator Dole") is not the one the surname alone names: "Dole said".
    std::unordered_set<std::uint32_t> surname_taken, named_fully;
    // The first two words of the companies a gazetteer surname begins ("Carter Hawley" of
    // "Carter Hawley Hale Stores Inc"), to tell the company written short: "at Carter Hawley".
    std::set<std::pair<std::string_view, std::string_view>> company_starts;
    const auto next_key = [&](const Mention& m) -> std::string_view {
        if (m.end >= words.size() || !words[m.end].joins_previous || words[m.end].after_period ||
            words[m.end].shape != Shape::capitalized)
            return {};
        return words[m.end].key;
    };
    // Each mention resolved once (the context is settled above), and whether it is another
    // person's surname.
    std::vector<std::uint32_t> resolved(mentions.size(), none);
    std::vector<bool> others_surname(mentions.size(), false);
    // A one-word city that is a person's surname once in the article ("chairman-elect Denys
    // Henderson", "Pat Henderson") is theirs wherever it is not written as a place
    // (written_as_place()): "Henderson said", "Nagano's home", "the late Nagano".
    std::vector<bool> city_surname(mentions.size(), false);
    std::unordered_set<std::string_view> surnames;
    std::vector<bool> mentioned(words.size(), false);
    for (const auto& m : mentions)
        if (!m.from_tag)
            for (std::size_t k = m.begin; k < m.end; ++k)
                mentioned[k] = true;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const auto& m = mentions[i];
        const auto id = resolved[i] = resolve(m, ctx, g);
        if (!m.from_tag && id != none && g.entity(id).type == EntityType::place &&
            !g.entity(id).is_country &&
            (surname_after_title(words, m, mentioned) ||
             surname_after_given_name(words, m, mentioned, g))) {
            city_surname[i] = true;
            surnames.insert(words[m.begin].key);
        }
        if (m.from_tag || id == none || g.entity(id).type != EntityType::person) continue;
        if (m.end == m.begin + 1 && in_company_name(words, m, text) && !next_key(m).empty())
            company_starts.emplace(words[m.begin].key, next_key(m));
        if (another_persons_surname(m, g.entity(id), words, g)) {
            others_surname[i] = true;
            surname_taken.insert(id);
        } else if (m.end > m.begin + 1 || (m.begin > 0 && words[m.begin].joins_previous &&
                                           is_title_word(words[m.begin - 1].key)))
            named_fully.insert(id);
    }
    std::vector<PlaceHit> tag_hits;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const auto& m = mentions[i];
        const auto id = resolved[i];
        if (id == none) continue;
        const auto& e = g.entity(id);
        std::size_t begin = m.begin, end = m.end;
        if (!m.from_tag && m.end == m.begin + 1 && surname_taken.contains(id) &&
            (!named_fully.contains(id) || others_surname[i]))
            continue;
        // A surname that begins a company's name is the company's word, not the person's:
        // "Baker Hughes Inc", "<Baker International Corp>" (not James Baker), "Clinton American
        // Corp"; the name finder then reads the company whole. So is it in the company's name
        // written short, without its legal form ("Carter Hawley" after "Carter Hawley Hale
        // Stores Inc"): no mention of anyone then.
        if (e.type == EntityType::person && m.end == m.begin + 1 &&
            (in_company_name(words, m, text) ||
             company_starts.contains({words[m.begin].key, next_key(m)})))
            continue;
        if (!m.from_tag && e.type == EntityType::place && !e.is_country && m.end == m.begin + 1 &&
            (city_surname[i] || given_name_after_title(words, m, mentioned) ||
             (surnames.contains(words[m.begin].key) && !written_as_place(words, m, mentioned))))
            continue;
        if (!m.from_tag &&
            overruled_by_tagger(tagged, text, words, begin, end, e.type, m.stem_only))
            continue;
        if (const auto* person = m.from_tag ? nullptr : enclosing_person(tagged, begin, end);
            person) {
            if (e.type != EntityType::person) continue;
            if (person->begin < begin && other_given_name(e, words[person->begin])) continue;
            begin = person->begin;
            end = person->end;
            if (!tally.spans.empty() && tally.spans.back().begin == begin) continue; // one name
        }
        if (m.from_tag) {
            // A publisher keyword is the keyword facet's (schema::prefix::keyword), never an
            // entity: it only weighs for a country the text names too (below).
            if (!e.country.empty() && e.type != EntityType::person)
                tag_hits.push_back({.country = e.country, .word = 0, .title = true});
            continue;
        }
        // An article the alias spells out ("the Kremlin") is not part of the name as written,
        // unless the canonical name begins with it ("The Hague").
        if (end - begin > 1 && words[begin].key == "the" && !starts_with_the(e.name)) ++begin;
        if (platform_as_medium(words, begin, end)) continue; // "написал в Twitter"
        ++tally.known[id];
        tally.spans.push_back(
            {.begin = begin, .end = end, .entity = id, .type = e.type, .name = {}});
        if (e.type == EntityType::person) people.emplace_back(id, 0);
        // People do not imply places: measured on Reuters, it costs more precision than it brings
        // recall. Places and organizations (a central bank, a ministry, a national company) do.
        if (!e.country.empty() && e.type != EntityType::person)
            hits.push_back({.country = e.country,
                            .word = m.begin,
                            .kind = hit_kind(words, m, text, id, e),
                            .title = m.begin < layout.title_end,
                            .weak = currency_mention(words, m) || names_an_event(words, m)});
        for (std::size_t i = begin; i < end; ++i) {
            covered[i] = e.type;
            used[i] = true;
        }
    }
    for (const auto& h : tag_hits)
        if (std::any_of(hits.begin(), hits.end(),
                        [&](const PlaceHit& t) { return t.country == h.country; }))
            hits.push_back(h);
    // The merge point of names found outside the gazetteer (entities.h): rule and cue names, then
    // any statistical tagger's spans, appended to `found` as word spans over `words` (the title,
    // description and body joined). From here on every FoundName counts as an entity, becomes a
    // mention with field and offsets (locate()) and takes part in joining lone names.
    auto found = find_names(words, covered, g, article.language);
    std::vector<WordSpan> earlier;
    earlier.reserve(tally.spans.size());
    for (const auto& s : tally.spans)
        earlier.push_back({s.begin, s.end, s.type,
                           s.entity != none ? std::string_view(g.entity(s.entity).name) : ""});
    append_tagged_names(text, article.language, words, tagged, earlier, found);
    std::erase_if(found,
                  [&](const FoundName& f) { return platform_as_medium(words, f.begin, f.end); });
    // An adjective the tagger finds as a place ("армянском", "российских"; capitalized, as in
    // "Московского государственного университета") is a mention of the country or city it is of
    // (place_adjectives.h), as an English demonym is; a place it finds whose nominative is an
    // alias of one gazetteer place ("Кубы" -> "Куба") is that place.
    const auto count_place = [&](const FoundName& f, std::uint32_t id, HitKind kind) {
        const auto& e = g.entity(id);
        ++tally.known[id];
        tally.spans.push_back(
            {.begin = f.begin, .end = f.end, .entity = id, .type = e.type, .name = {}});
        hits.push_back({.country = e.country,
                        .word = f.begin,
                        .kind = kind,
                        .title = f.begin < layout.title_end});
        used[f.begin] = true;
    };
    std::erase_if(found, [&](const FoundName& f) {
        if (f.type != EntityType::place || f.text_begin == FoundName::npos ||
            words[f.begin].shape == Shape::lower)
            return false;
        auto id = place_of_name(f.name, g);
        // A Russian place whose name is no alias ("Кубе" left as written: Куба, or a Куб?) is
        // the one gazetteer place its readings name; two places, none (a reading that is the
        // alias of two places names none, and is passed over).
        if (id == none && article.language == "ru")
            for (const auto& reading : place_nominatives(text::collapse_whitespace(
                     text.substr(f.text_begin, f.text_end - f.text_begin)))) {
                const auto other = place_of_name(reading, g);
                if (other == none || other == id) continue;
                if (id != none) return false; // two places
                id = other;
            }
        if (id == none) return false;
        count_place(f, id, g.entity(id).is_country ? HitKind::name : HitKind::place);
        return true;
    });
    std::erase_if(found, [&](const FoundName& f) {
        if (f.type != EntityType::place ||
            (words[f.begin].shape != Shape::lower && f.text_begin == FoundName::npos))
            return false;
        // One word, or words hyphenated into one ("нью-йоркском").
        const char* const first = words[f.begin].text.data();
        const char* last = first + words[f.begin].text.size();
        for (std::size_t i = f.begin + 1; i < f.end; ++i) {
            if (words[i].text.data() != last + 1 || *last != '-') return false;
            last = words[i].text.data() + words[i].text.size();
        }
        const auto id =
            place_of_adjective(std::string_view(first, static_cast<std::size_t>(last - first)), g);
        if (id == none) return false;
        count_place(f, id, g.entity(id).is_country ? HitKind::demonym : HitKind::place);
        return true;
    });
    retype_company_short_names(found, words, g);
    drop_general_firm_words(found, words);
    std::erase_if(found,
                  [](const FoundName& f) { return f.compound && f.type == EntityType::person; });
    for (const auto& f : found) {
        ++tally.found[{f.type, f.name}];
        // Not a name's particle ("de Klerk", "ван Бетховена", "аль-Асад"): those are short.
        if (words[f.begin].shape == Shape::lower && letter_count(words[f.begin].text) >= 5)
            tally.common.insert({f.type, f.name});
        tally.spans.push_back({.begin = f.begin,
                               .end = f.end,
                               .type = f.type,
                               .name = f.name,
                               .text_begin = f.text_begin,
                               .text_end = f.text_end});
        for (std::size_t i = f.begin; i < f.end; ++i)
            used[i] = true;
        // A company's legal form ("Inc" -> US).
        if (!f.country.empty())
            hits.push_back({.country = f.country, .word = f.begin, .weak = true});
    }
    // A story that names no country at all is placed by the legal form of a company its title
    // names ("GELCO CORP 2ND QTR SHR 67 CTS VS 23 CTS", a headline alone): find_names skips a
    // line in capitals, so the title's forms are read here. A weak mention: it never outweighs a
    // country the story names.
    if (hits.empty())
        for (std::size_t i = 1; i < layout.title_end; ++i)
            if (const auto country = legal_form_country(words[i].key);
                !country.empty() && words[i].joins_previous) {
                hits.push_back(
                    {.country = std::string(country), .word = i, .title = true, .weak = true});
                break;
            }
    join_lone_names(words, used, found, people, g, article.language, tally);
    result.evidence = gather_evidence(hits, words, layout);
    result.located = locate(std::move(tally.spans), words, text, article);
    return result;
}

} // namespace

std::vector<CountryEvidence> explain_places(const Article& article, const Gazetteer& gazetteer) {
    return analyze(article, gazetteer).evidence;
}

Tagging tag_all(const Article& article, const Gazetteer& g, const TagOptions& options) {
    auto [tally, unplaced_dateline, evidence, located] = analyze(article, g);

    // The countries to report: those the article is about, or every one it mentions.
    std::unordered_map<std::string, const CountryEvidence*> kept;
    const auto about = salient_countries(evidence, unplaced_dateline);
    for (std::size_t i = 0; i < evidence.size(); ++i)
        if (options.places == PlaceSelection::all || about[i])
            kept.emplace(evidence[i].country, &evidence[i]);
    auto salient = [&](const GazetteerEntity& e) {
        return e.type != EntityType::place || e.country.empty() || kept.contains(e.country);
    };
    // A country known only by its places' or organizations' mentions is reported itself too.
    std::unordered_set<std::string> named;
    for (const auto& [id, count] : tally.known)
        if (g.entity(id).is_country && salient(g.entity(id))) named.insert(g.entity(id).country);
    for (const auto& [country, e] : kept) {
        const auto id = g.country_entity(country);
        if (id == none || named.contains(country)) continue;
        int places = 0;
        for (const auto& [other, count] : tally.known)
            if (g.entity(other).type == EntityType::place && g.entity(other).country == country)
                places += count;
        const int all = e->mentions + e->weak_mentions;
        if (all > places) tally.known[id] = all - places;
    }

    std::vector<Entity> out;
    std::unordered_set<std::string> names;
    for (const auto& [id, count] : tally.known) {
        const auto& e = g.entity(id);
        Entity entity{e.name, e.type, count, e.type == EntityType::place ? e.country : "",
                      salient(e)};
        names.insert(std::string(entity_type_name(e.type)) + "\t" + e.name);
        out.push_back(std::move(entity));
    }
    for (const auto& [key, count] : tally.found) {
        if (!names.insert(std::string(entity_type_name(key.first)) + "\t" + key.second).second)
            continue;
        out.push_back({key.second, key.first, count, "", !tally.common.contains(key)});
    }
    std::sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
        if (a.salient != b.salient) return a.salient;
        return a.count != b.count ? a.count > b.count : a.name < b.name;
    });

    // Every span names the entity it was counted for; spans of dropped names are dropped.
    Tagging result{.entities = std::move(out), .mentions = {}};
    for (auto& [span, mention] : located) {
        if (span.entity != none) {
            mention.entity = g.entity(span.entity).name;
        } else if (tally.found.contains({span.type, span.name})) {
            mention.entity = span.name;
        } else {
            continue;
        }
        result.mentions.push_back(std::move(mention));
    }
    return result;
}

std::vector<Entity> tag(const Article& article, const Gazetteer& g, const TagOptions& options) {
    auto entities = tag_all(article, g, options).entities;
    std::erase_if(entities, [](const Entity& e) { return !e.salient; });
    return entities;
}

} // namespace dateline::entities
