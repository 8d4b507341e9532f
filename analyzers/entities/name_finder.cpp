#include "name_finder.h"

#include "analyzers/text.h"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_set>

namespace dateline::entities {

namespace {

bool in(std::span<const std::string_view> list, std::string_view k) {
    return std::find(list.begin(), list.end(), k) != list.end();
}

constexpr std::string_view title_words[] = {
    "president",     "minister",     "secretary",  "chancellor", "senator",   "sen",
    "rep",           "governor",     "chairman",   "chairwoman", "spokesman", "spokeswoman",
    "spokesperson",  "mr",           "mrs",        "ms",         "dr",        "prof",
    "professor",     "director",     "ambassador", "judge",      "pope",      "general",
    "gen",           "col",          "colonel",    "adm",        "admiral",   "premier",
    "mayor",         "leader",       "sheikh",     "lord",       "sir",       "dame",
    "envoy",         "commissioner", "treasurer",  "economist",  "analyst",   "congressman",
    "congresswoman", "lawmaker",     "officer",    "executive",  "attorney",  "prosecutor",
    "justice",       "captain",      "ceo",        "chief",      "opponent",  "critic",
    "activist",      "lawyer",       "candidate",  "monsieur"};

constexpr std::string_view org_tail_words[] = {
    "ministry",     "party",      "bank",        "inc",        "corp",         "corporation",
    "co",           "company",    "ltd",         "plc",        "group",        "agency",
    "commission",   "council",    "association", "federation", "union",        "university",
    "institute",    "airlines",   "airways",     "bureau",     "committee",    "fund",
    "board",        "exchange",   "department",  "authority",  "ag",           "nv",
    "gmbh",         "spa",        "bv",          "holdings",   "industries",   "trust",
    "bancorp",      "securities", "motors",      "petroleum",  "foundation",   "organisation",
    "organization", "office",     "court",       "parliament", "assembly",     "congress",
    "army",         "police",     "service",     "news",       "llc",          "kgaa",
    "kk",           "pty",        "bhd",         "oyj",        "incorporated",
};

// Business words that end firms' names and no person's ("Offshore Data Services", "Shamrock
// Associates", "Abbott Laboratories"); not "steel", "gold", "power" ("David Steel", "Samantha
// Power"). Weaker than org_tail_words: after a place alone ("U.S. Oil company", "Texas Oil") or
// a title ("Minister of Energy") they end no firm's name, nor in German, where they are loanwords
// ending nouns' runs ("Ölkonzern Indian Oil", "Social Media").
constexpr std::string_view business_tail_words[] = {
    "services",     "systems",  "division",  "associates",     "utilities",  "lines",
    "brothers",     "partners", "resources", "enterprises",    "products",   "energy",
    "oil",          "foods",    "media",     "network",        "management", "properties",
    "laboratories", "labs",     "works",     "pharmaceuticals"};

// Whether the capitalized words [s, and_at) before "and" and the firm's name [b, e) after it are
// two firms of a list ("Sanwa Bank and Sumitomo Bank", "Fleet Financial Group and Norstar
// Bancorp Inc") rather than one firm named for two ("Procter and Gamble Co", "Harris Trust and
// Savings Bank", "Texas Oil and Gas Corp"): the name before "and" is two words or more and ends
// with an organization word (a business word is too weak: "Texas Oil and Gas", "Air Products and
// Chemicals"; one word is a part: "Army and Air Force Exchange Service"), and the one after begins
// with a name, not with a line of business (a word the text writes in lower case, or one of those
// below); or the one after holds an "and" of its own ("Capital Markets and E.F. Hutton and Co"). A
// place beginning the name after "and" tells nothing: "Credit Suisse and Swiss Bank Corp" but
// "Great Atlantic and Pacific Tea Co". (A legal form before "and" never reaches here: it ends a
// firm.)
template <typename LowerCase>
bool two_firms(const std::vector<Word>& words, std::size_t s, std::size_t and_at, std::size_t b,
               std::size_t e, LowerCase written_in_lower_case) {
    static constexpr std::string_view lines_of_business[] = {
        "savings",   "banking",   "loan",          "investment", "investments", "development",
        "insurance", "casualty",  "surety",        "trading",    "finance",     "financial",
        "commerce",  "industry",  "trade",         "marine",     "fire",        "mortgage",
        "realty",    "land",      "life",          "gas",        "chemical",    "chemicals",
        "mineral",   "minerals",  "metals",        "state",      "licensing",   "shipping",
        "mining",    "marketing", "manufacturing", "publishing", "engineering", "broadcasting",
        "refining",  "smelting",  "printing",      "processing", "leasing",     "lending",
        "housing"};
    for (std::size_t k = b; k < e; ++k)
        if (words[k].key == "and") return true;
    return and_at >= s + 2 && in(org_tail_words, words[and_at - 1].key) &&
           !in(org_tail_words, words[b].key) && !in(business_tail_words, words[b].key) &&
           !in(lines_of_business, words[b].key) && !written_in_lower_case(words[b].key);
}

// Whether words [b, e) hold a title and its complement ("Minister of Energy", "Deputy Secretary
// of Energy"); a title word alone may be a firm's ("American President Lines").
bool titled_run(const std::vector<Word>& words, std::size_t b, std::size_t e) {
    for (std::size_t k = b; k + 1 < e; ++k)
        if (is_title_word(words[k].key) && words[k + 1].key == "of") return true;
    return false;
}

// A kind of oil, the commodity: "Crude Oil", "Soybean Oil", "Heating Oil" are no firms.
bool oil_of_a_kind(const std::vector<Word>& words, std::size_t b, std::size_t e) {
    static constexpr std::string_view kinds[] = {
        "crude",     "soybean", "soya",      "palm",        "fuel",   "heating", "gas",
        "olive",     "coconut", "rapeseed",  "sunflower",   "castor", "linseed", "cottonseed",
        "groundnut", "corn",    "vegetable", "lubricating", "diesel", "cooking", "edible"};
    return e - b >= 2 && words[e - 1].key == "oil" && in(kinds, words[e - 2].key);
}

// Company law forms: a name's last words (is_legal_form()).
constexpr std::string_view legal_forms[] = {
    "co",      "cos", "company", "inc", "incorporated", "corp", "corporation", "ltd",
    "limited", "plc", "llc",     "ag",  "nv",           "gmbh", "spa",         "bv",
    "kgaa",    "kk",  "pty",     "bhd", "oyj",          "sa"};

constexpr std::string_view org_head_words[] = {"ministry", "bank",      "university",
                                               "bureau",   "council",   "department",
                                               "office",   "institute", "commission"};

// Lower-case words allowed inside a name ("Bank of Montreal", "Ludwig van Beethoven").
constexpr std::string_view connectors[] = {"of", "de", "du",  "van", "von", "der", "den",
                                           "la", "le", "del", "da",  "di",  "bin", "al"};

// Connector word e inside a run begun at i may join the words around it. "der" and "den" are
// German articles before a capitalized noun ("Gonzalo Higuain den Ball", "Politik der
// Europäischen Union"), so they join only after "van" or "von" ("Van der Bellen", "von der
// Leyen", "van den Broek").
bool connects_here(const std::vector<Word>& words, std::size_t i, std::size_t e) {
    if (words[e].key != "der" && words[e].key != "den") return true;
    return e > i && (words[e - 1].key == "van" || words[e - 1].key == "von");
}

constexpr std::string_view speech_verbs[] = {"said", "says", "told", "added", "stated", "declared"};

// Capitalized words that start sentences or headings far more often than names (the German
// articles too: "Die Europäische Fußball-Union").
constexpr std::string_view sentence_words[] = {
    "the", "a",    "an",    "in",    "on",     "at",   "for",   "but",   "and",   "or",
    "if",  "when", "while", "after", "before", "as",   "this",  "that",  "these", "those",
    "it",  "he",   "she",   "they",  "we",     "his",  "her",   "their", "its",   "our",
    "new", "read", "more",  "last",  "first",  "next", "other", "under", "since", "with",
    "die", "das",  "der",   "dem",   "des",    "ein",  "eine"};

// Abbreviations a name goes on after their period ("Mr. Peskov", "St. Louis", "Gen. Jaruzelski").
constexpr std::string_view name_abbreviations[] = {
    "mr",  "mrs", "ms",  "messrs", "dr", "st",  "mt",   "ft",   "gen", "sen",
    "rep", "col", "adm", "gov",    "lt", "sgt", "capt", "prof", "rev", "hon"};

// Capitalized words that never end a name: they begin the next sentence ("Ltd The").
constexpr std::string_view run_enders[] = {"the", "and",  "or",  "but",   "it",   "this", "that",
                                           "we",  "they", "she", "his",   "her",  "its",  "their",
                                           "our", "my",   "you", "these", "those"};

// Word i is "I" and the next word is lower case, not a preposition: "I am", "I thought".
bool pronoun_i(const std::vector<Word>& words, std::size_t i) {
    static constexpr std::string_view prepositions[] = {"in", "of",  "and", "on",   "at",
                                                        "to", "for", "by",  "with", "from"};
    return words[i].key == "i" && i + 1 < words.size() && words[i + 1].shape == Shape::lower &&
           !in(prepositions, words[i + 1].key);
}

bool capitalized(const Word& w) {
    return !w.caps_line && (w.shape == Shape::capitalized || w.shape == Shape::upper);
}

// A legal form that is never a name alone. "Limited" and "Cos" can be: "The Limited Inc", and
// "Cos Inc" of "Lowe's Cos Inc" (the possessive cuts the run), a firm's name that places it.
bool never_a_name(std::string_view key) {
    return is_legal_form(key) && key != "limited" && key != "cos";
}

// Word e may continue a name begun before it. The tokenizer joins across the period after any
// word of up to three letters ("U.S. Treasury"), which also ends sentences ("Morgan Guaranty
// Ltd. The", "Ayaan Hirsi Ali. And", "March 21st sir. Initially I"): a name goes on across a
// period only after an initial, an abbreviation with periods inside ("U.S."), a name
// abbreviation, or from one legal form to another ("Co. Ltd", not "Inc. News").
// A title word, unless it is a short form written in capitals on a line that is not: a firm's
// or a product's initials ("ADM Growmark", "MS Net", "REP Bulk"), not "Adm", "Ms", "Rep", and
// not written with periods.
bool written_as_title(const Word& w) {
    return is_title_word(w.key) &&
           !(w.shape == Shape::upper && !w.caps_line && in(name_abbreviations, w.key) &&
             w.text.find('.') == std::string_view::npos); // "M.S. Swaminathan": initials
}

// Capitalized words that are never a person's name alone after a title: days, months, a name's
// suffix and the second word of a title ("chief executive Friday", "John Pope Jr", "Executive
// Vice-president", "General Manager", "Chief Inspector", "chief House taxwriter"). Reuters: 10
// of the 134 one-word people.
bool never_a_name_alone(std::string_view key) {
    static constexpr std::string_view words[] = {
        "monday",    "tuesday",   "wednesday", "thursday", "friday",  "saturday", "sunday",
        "january",   "february",  "march",     "april",    "june",    "july",     "august",
        "september", "october",   "november",  "december", "jr",      "sr",       "vice",
        "manager",   "inspector", "deputy",    "house",    "general", "ing"};
    return in(words, key);
}

// Whether the title word k of the run [b, e) is a surname after a given name, ending the run or
// before a suffix, and a surname too: "Claude Pope", "John Pope Jr", "Michel Mayor" (not "Lilly
// Chairman Richard Wood", "Lilly Chairman").
bool title_as_surname(const std::vector<Word>& words, std::size_t b, std::size_t k, std::size_t e,
                      const Gazetteer& gazetteer) {
    // Title words that are also surnames ("Lilly Chairman would stay" is no one's name).
    static constexpr std::string_view surnames[] = {"pope", "lord", "mayor", "judge", "general"};
    return k > b && in(surnames, words[k].key) && gazetteer.is_first_name(words[k - 1].key) &&
           (k + 1 == e || (k + 2 == e && never_a_name_alone(words[k + 1].key)));
}

// Where "of" splits an organization's run [b, e) into a person and their firm ("David Wyss of
// Data Resources Inc", "Jeffrey Leeds of Chemical Bank"): the run begins with a given name, "of"
// is its third or fourth word, and no word before it is a firm's ("Sara Lee Corp of Canada Ltd"
// stays whole). Returns e when it does not. Reuters: 100 such "organizations" were an analyst and
// a firm.
std::size_t affiliation_of(const std::vector<Word>& words, std::size_t b, std::size_t e,
                           const Gazetteer& gazetteer) {
    if (!gazetteer.is_first_name(words[b].key)) return e;
    for (std::size_t of = b + 2; of <= b + 3 && of + 1 < e; ++of) {
        if (words[of].key != "of") continue;
        for (std::size_t k = b; k < of; ++k)
            if (in(org_tail_words, words[k].key) || is_legal_form(words[k].key)) return e;
        return of;
    }
    return e;
}

// Whether a word ends as English nouns for a person do: "businessman", "analyst", "broker",
// "investor" (and their plurals).
bool person_noun(std::string_view key) {
    constexpr std::array<std::string_view, 10> endings = {"man",  "men", "ist", "ists", "yst",
                                                          "ysts", "er",  "ers", "or",   "ors"};
    return std::any_of(endings.begin(), endings.end(), [&](std::string_view x) {
        return key.size() > x.size() + 2 && key.ends_with(x);
    });
}

// Whether a word is two glued at a period, the second capitalized: a caption's name before its
// label ("Snowden.Image" of "Edward Snowden.Image: TheWikiLeaksChannel."), not an abbreviation
// ("U.S.", "H.C.F.") nor an initial glued to a name ("W.Bush", "J.Baker").
bool glued_sentence(std::string_view text) {
    const auto dot = text.find('.');
    if (dot < 2 || dot == std::string_view::npos || dot + 3 >= text.size()) return false;
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    return lower(text[dot - 1]) && text[dot + 1] >= 'A' && text[dot + 1] <= 'Z' &&
           lower(text[dot + 2]) && lower(text[dot + 3]);
}

bool continues(const std::vector<Word>& words, std::size_t e) {
    const auto& w = words[e];
    if (!w.joins_previous) return false;
    if (!w.after_period) return true;
    const auto& p = words[e - 1];
    // An abbreviation with periods inside ends in a letter or two ("U.S.", "H.C.F."; not
    // "C.Itoh." or "S.490.").
    const auto last = p.text.rfind('.');
    if (p.key.size() == 1 || (last != std::string_view::npos && p.text.size() - last <= 3))
        return true;
    if (in(name_abbreviations, p.key)) return true;
    return is_legal_form(p.key) && is_legal_form(w.key);
}

// The first word of the name word k continues: the capitalized words no gazetteer mention
// covers (or only places, `through_places`), each joining the next, that end just before k (k
// itself when there are none).
std::size_t name_before(const std::vector<Word>& words, const std::vector<EntityType>& covered,
                        std::size_t k, bool through_places = false) {
    std::size_t s = k;
    while (s > 0 && continues(words, s) && capitalized(words[s - 1]) &&
           (covered[s - 1] == EntityType::other ||
            (through_places && covered[s - 1] == EntityType::place)))
        --s;
    return s;
}

// ", " or ",\n": a comma inside a name ("Dillon, Read and Co").
bool comma_gap(std::string_view gap) {
    return gap.size() >= 2 && gap.size() <= 3 && gap[0] == ',' &&
           gap.find_first_not_of(" \n", 1) == std::string_view::npos;
}

bool before_colon(const std::vector<Word>& words, std::size_t k) {
    return k + 1 < words.size() && gap_before(words, k + 1).starts_with(':');
}

// Caption labels ("Susan Rice Image: White House.", "Ross Perot Image: Allan Warren."): the
// capitalized words that end a name before ':' after two different words at least. A speaker
// mark ends the same name each time ("Michael Siegel:", "Siegel:") and stays.
std::vector<std::string_view> caption_labels(const std::vector<Word>& words) {
    std::vector<std::pair<std::string_view, std::string_view>> ends; // label, word before it
    for (std::size_t k = 1; k < words.size(); ++k)
        if (before_colon(words, k) && capitalized(words[k]) && continues(words, k) &&
            capitalized(words[k - 1]))
            ends.emplace_back(words[k].key, words[k - 1].key);
    std::sort(ends.begin(), ends.end());
    std::vector<std::string_view> labels;
    for (std::size_t a = 1; a < ends.size(); ++a)
        if (ends[a].first == ends[a - 1].first && ends[a].second != ends[a - 1].second &&
            (labels.empty() || labels.back() != ends[a].first))
            labels.push_back(ends[a].first);
    return labels;
}

std::string join(const std::vector<Word>& words, std::size_t b, std::size_t e, bool skip_initials) {
    std::string out;
    for (std::size_t i = b; i < e; ++i) {
        const auto& w = words[i];
        std::string_view t = w.text;
        if (w.possessive) {
            t.remove_suffix(1);                         // the s
            t.remove_suffix(t.ends_with('\'') ? 1 : 3); // ' or U+2019
        }
        if (skip_initials && i > b && i + 1 < e && w.key.size() == 1) continue;
        // Written hyphenated, named hyphenated: "Jean-Claude Juncker", "Johanna Mikl-Leitner".
        if (!out.empty()) out += i > b && gap_before(words, i) == "-" ? '-' : ' ';
        out += t;
        // Initials inside a name keep their period: "E.F. Hutton and Co", "Frank B. Hall".
        const bool initials =
            w.shape != Shape::lower && (w.key.size() == 1 || t.find('.') != std::string_view::npos);
        if (initials && i + 1 < e && gap_before(words, i + 1).starts_with('.')) out += '.';
    }
    return out;
}

// German writes a person's genitive with a bare -s ("Steven Spielbergs Film", "Ernst
// Kaltenbrunners Alpeninszenierung"), which no rule tells from a surname ending in s ("Mats
// Hummels", "Alexis Tsipras"): a name is read as a genitive only where the article also writes
// its surname without the s, and then ends there, named without it. 10kGNAD: 19 names ("Steven
// Spielberg", "Rudolf Kemler", "Elisabeth Lederer").
void drop_genitive_s(const std::vector<Word>& words, std::vector<FoundName>& found) {
    std::unordered_set<std::string_view> written;
    for (const auto& w : words)
        if (w.shape == Shape::capitalized) written.insert(w.key);
    for (auto& f : found) {
        if (f.type != EntityType::person) continue;
        for (std::size_t k = f.begin + 1; k < f.end; ++k) {
            const std::string_view key = words[k].key;
            if (words[k].possessive || key.size() < 4 || !key.ends_with('s') ||
                key.ends_with("ss") || !words[k].text.ends_with('s') ||
                !written.contains(key.substr(0, key.size() - 1)))
                continue;
            f.end = k + 1;
            f.name = join(words, f.begin, f.end, true);
            f.name.pop_back();
            break;
        }
    }
}

// "elect" or "designate" joined to the title word before it: "President-elect", "chairman elect".
bool elect_after_title(const std::vector<Word>& words, std::size_t k) {
    return (words[k].key == "elect" || words[k].key == "designate") && k > 0 &&
           words[k].joins_previous && !words[k].after_period && is_title_word(words[k - 1].key);
}

// Whether word k is a title that announces a person: a title word as written_as_title() reads it,
// or "elect" / "designate" after one.
bool announces_person(const std::vector<Word>& words, std::size_t k) {
    return written_as_title(words[k]) || elect_after_title(words, k);
}

// A German abstract noun by its suffix, never a surname.
bool german_abstract_noun(std::string_view key) {
    static constexpr std::string_view suffixes[] = {"heit", "keit", "schaft", "tion",
                                                    "tat",  "ismus"}; // folded: "tät" is "tat"
    for (const auto suffix : suffixes)
        if (key.size() > suffix.size() + 2 && key.ends_with(suffix)) return true;
    // "-ung" only in a long word: "Hartung", "Jung" are surnames.
    return text::code_points(key).size() >= 8 && key.ends_with("ung");
}

// Whether words [b, e) are all words that never name anything alone (legal forms: "Co Inc").
bool none_a_name(const std::vector<Word>& words, std::size_t b, std::size_t e) {
    return std::all_of(words.begin() + static_cast<std::ptrdiff_t>(b),
                       words.begin() + static_cast<std::ptrdiff_t>(e),
                       [](const Word& w) { return never_a_name(w.key); });
}

// A German noun for what a firm is, written before its name in the same capitalized run ("Firma
// Limbach Installtec GmbH", "Finanzdienstleisters ETF Securities", "Softwarekonzern SAP AG"):
// one of the words below, or a compound ending in one ("Softwarekonzern"). Not "-bauer"
// ("Autobauer"): surnames end so too ("Neubauer", "Hofbauer").
bool german_firm_descriptor(std::string_view key) {
    static constexpr std::string_view nouns[] = {
        "firma",   "unternehmen",   "unternehmens",   "konzern",     "konzerns",
        "agentur", "hersteller",    "herstellers",    "anbieter",    "anbieters",
        "handler", "dienstleister", "dienstleisters", "versicherer", "versicherers"};
    for (const auto noun : nouns)
        if (key == noun || (key.size() > noun.size() + 2 && key.ends_with(noun))) return true;
    return false;
}

} // namespace

bool is_legal_form(std::string_view key) {
    return in(legal_forms, key);
}

bool is_title_word(std::string_view key) {
    return in(title_words, key);
}

bool ends_title(const std::vector<Word>& words, std::size_t k) {
    return is_title_word(words[k].key) || elect_after_title(words, k);
}

std::string_view legal_form_country(std::string_view key) {
    // Legal forms tied to one country's company law; "Ltd", "SA" or "Co" are used in many.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> forms = {
        {{"inc", "US"},
         {"incorporated", "US"},
         {"corp", "US"},
         {"llc", "US"},
         {"plc", "GB"},
         {"gmbh", "DE"},
         {"kgaa", "DE"},
         {"nv", "NL"},
         {"bv", "NL"},
         {"spa", "IT"},
         {"kk", "JP"},
         {"pty", "AU"},
         {"bhd", "MY"},
         {"oyj", "FI"}}};
    for (const auto& [form, country] : forms)
        if (form == key) return country;
    return {};
}

std::vector<FoundName> find_names(const std::vector<Word>& words,
                                  const std::vector<EntityType>& covered,
                                  const Gazetteer& gazetteer, std::string_view language) {
    const bool german = language == "de";
    // The words the text writes in lower case, gathered when first asked.
    std::optional<std::unordered_set<std::string_view>> lower;
    auto written_in_lower_case = [&](std::string_view key) {
        if (!lower) lower = lower_case_keys(words);
        return lower->contains(key);
    };
    std::vector<FoundName> found;
    const std::size_t n = words.size();
    const auto labels = caption_labels(words);
    std::size_t i = 0;
    while (i < n) {
        const bool blocked =
            covered[i] == EntityType::person || covered[i] == EntityType::organization;
        if (!capitalized(words[i]) || blocked) {
            ++i;
            continue;
        }
        // The run: capitalized words (and connectors between them) joined by white space.
        std::size_t e = i + 1;
        while (e < n && continues(words, e)) {
            const auto& w = words[e];
            const bool stop =
                covered[e] == EntityType::person || covered[e] == EntityType::organization;
            if (stop) break;
            if (capitalized(w)) {
                ++e;
            } else if (in(connectors, w.key) && e + 1 < n && continues(words, e + 1) &&
                       capitalized(words[e + 1]) && connects_here(words, i, e)) {
                e += 2;
            } else if (w.key == "van" && e + 2 < n &&
                       (words[e + 1].key == "der" || words[e + 1].key == "den") &&
                       continues(words, e + 1) && continues(words, e + 2) &&
                       capitalized(words[e + 2])) {
                // "Hans van den Broek"; not "von der": in German a preposition and an article
                // ("Scarpetta von der OECD").
                e += 3;
            } else {
                break;
            }
            if (words[e - 1].possessive) break;
        }
        std::size_t b = i;
        while (b < e && in(sentence_words, words[b].key) &&
               !(b + 1 < e && words[b + 1].key == "of")) // "First of America Bank Corp"
            ++b;
        // Nor does a name end with an article, a conjunction or a pronoun: the next sentence or
        // an interview's answer after its speaker ("Michael Siegel I am a professor", "Ibrahim
        // Abdul-Karim The"). "I" before a verb is the pronoun; before a preposition or no
        // lower-case word, a regnal number ("Elizabeth I in 1558").
        while (e > b + 1 &&
               (in(run_enders, words[e - 1].key) || pronoun_i(words, e - 1) ||
                (before_colon(words, e - 1) &&
                 std::find(labels.begin(), labels.end(), words[e - 1].key) != labels.end())))
            --e;
        // Legal forms alone ("Co Inc") name nothing: after "and" they close the name before it
        // ("Morgan Stanley and Co Inc", "Mitsui and Co Ltd"), which may have been read as a
        // person already ("Morgan Stanley"); before a gazetteer name or none, they are dropped.
        if (b < e && none_a_name(words, b, e)) {
            std::size_t s = b;
            // German "und Co" alone is "and the like" ("Spotify und Co", "Tim Cook und Co"); a
            // firm writes a legal form after it ("und Co GmbH").
            const bool and_the_like = german && e == b + 1 && words[b].key == "co";
            if (b >= 2 && (words[b - 1].key == "and" || words[b - 1].key == "und") &&
                continues(words, b) && !and_the_like) {
                s = b - 1;
                s = name_before(words, covered, b - 1);
                // One comma inside: "Goldman, Sachs and Co", "Smith Barney, Harris Upham and
                // Co Inc" (a name found before the comma stays: "Salomon Inc, Sachs and Co").
                if (s < b - 1 && s >= 1 && comma_gap(gap_before(words, s)) &&
                    capitalized(words[s - 1]) && covered[s - 1] == EntityType::other &&
                    !in(org_tail_words, words[s - 1].key)) { // "Salomon Brothers Inc, Kidder"
                    const std::size_t t = name_before(words, covered, s - 1);
                    if (t + 3 >= s && !in(sentence_words, words[t].key) &&
                        (found.empty() || found.back().end <= t))
                        s = t;
                }
                while (!found.empty() && found.back().end > s) {
                    s = std::min(s, found.back().begin);
                    found.pop_back();
                }
                // "The Unilever Plc and NV", not "A.T. Brod and Co Inc"
                while (s < b - 1 && in(sentence_words, words[s].key) &&
                       words[s].text.find('.') == std::string_view::npos &&
                       !words[s + 1].after_period)
                    ++s;
            }
            if (s + 1 >= b) {
                i = e;
                continue;
            }
            b = s;
        }
        // Organizations: the run ends (or starts) with an organization word.
        if (e - b >= 2) {
            const bool tail =
                in(org_tail_words, words[e - 1].key) ||
                (!german && in(business_tail_words, words[e - 1].key) &&
                 !(e - b == 2 && covered[b] == EntityType::place) && !written_as_title(words[b]) &&
                 !titled_run(words, b, e - 1) && !oil_of_a_kind(words, b, e));
            const bool head = in(org_head_words, words[b].key) && words[b + 1].key == "of";
            if (tail || head) {
                if (german) {
                    while (b + 1 < e && german_firm_descriptor(words[b].key))
                        ++b;
                    // What is left must still be a firm's name of two words, not legal forms
                    // alone ("Nachrichtenagentur SPA").
                    if (e - b < 2 || none_a_name(words, b, e)) {
                        i = e;
                        continue;
                    }
                }
                // "David Wyss of Data Resources Inc": a given name and a surname or two, then
                // "of" and the firm, are a person and the organization they speak for.
                if (const std::size_t of = affiliation_of(words, b, e, gazetteer); of < e) {
                    found.push_back({b, of, join(words, b, of, true), EntityType::person, ""});
                    b = of + 1;
                }
                // A firm named for two ("Procter and Gamble Co", "Fountain Oil and Gas Inc",
                // "Sun State Savings and Loan Association"): the name before "and" is its first
                // part, unless a legal form ends it, a firm's name of its own ("Texaco Inc and
                // Union Oil"). A firm's name found there already is that first part.
                if (b >= 2 && words[b - 1].key == "and" && continues(words, b) &&
                    continues(words, b - 1) && capitalized(words[b - 2]) &&
                    (covered[b - 2] == EntityType::other || covered[b - 2] == EntityType::place) &&
                    !is_legal_form(words[b - 2].key)) {
                    // A place may begin it ("Nippon Telegraph and Telephone Corp", "Florida
                    // Power and Light Co"), but not be all of it.
                    std::size_t s = name_before(words, covered, b - 2, true);
                    while (s < b - 2 && in(sentence_words, words[s].key))
                        ++s;
                    const bool all_place =
                        std::all_of(covered.begin() + static_cast<std::ptrdiff_t>(s),
                                    covered.begin() + static_cast<std::ptrdiff_t>(b - 1),
                                    [](EntityType t) { return t == EntityType::place; });
                    const bool firm_before = !found.empty() && found.back().end == b - 1 &&
                                             found.back().type == EntityType::organization;
                    if (firm_before) s = std::min(s, found.back().begin);
                    const std::size_t kept = found.size() - (firm_before ? 1 : 0);
                    if (!in(sentence_words, words[s].key) && !all_place &&
                        !two_firms(words, s, b - 1, b, e, written_in_lower_case) &&
                        (kept == 0 || found[kept - 1].end <= s)) {
                        found.resize(kept);
                        b = s;
                    }
                }
                // A firm's name right after a gazetteer organization's, in one run, is that
                // organization's subsidiary or division: "General Motors Acceptance Corp",
                // "ÖBB-Infrastruktur AG", "ORF Mediaservice GmbH" (not "Acceptance Corp").
                while (b > 0 && covered[b - 1] == EntityType::organization && continues(words, b) &&
                       (found.empty() || found.back().end < b))
                    --b;
                found.push_back({b, e, join(words, b, e, false), EntityType::organization,
                                 std::string(legal_form_country(words[e - 1].key))});
                i = e;
                continue;
            }
        }
        // People: a title before the name (inside the run or just before it), a given name, or
        // "X Y said". Place words end the person part of a run.
        bool title = i > 0 && continues(words, i) && announces_person(words, i - 1);
        std::size_t p = b;
        for (std::size_t k = b; k < e; ++k)
            if (announces_person(words, k) && !title_as_surname(words, b, k, e, gazetteer)) {
                title = true;
                p = k + 1;
            }
        // A title's complement ("Secretary of State", "Minister of Information Moammar") is no
        // name: the person, if any, begins at the first given name after it.
        if (p < e && words[p].key == "of")
            while (p < e && !gazetteer.is_first_name(words[p].key))
                ++p;
        // A word for a person at a sentence's start, before a given name, is no part of the
        // name: "Businessman Raul Concepcion", "Analyst George Baker", "Stockbrokers James
        // Capel" (but "Western Carolina Savings", "Wen Wei Po", "Avions Marcel Dassault").
        if (!title && p + 2 < e && p == b && words[p].sentence_start && person_noun(words[p].key) &&
            !gazetteer.is_first_name(words[p].key) && gazetteer.is_first_name(words[p + 1].key) &&
            covered[p + 1] == EntityType::other)
            ++p;
        // German capitalizes every noun, so a run often begins with the words for the person
        // ("Trainer Laurent Blanc", "Bundeskanzler Werner Faymann", "Spanier Rafael Nadal"): the
        // name begins at the first listed given name that a capitalized word follows.
        bool given_inside = false; // p was moved to such a given name
        if (german && !title && p == b && !gazetteer.is_first_name(words[p].key))
            for (std::size_t k = p + 1; k + 1 < e; ++k) {
                if (in(connectors, words[k].key) || covered[k] != EntityType::other) break;
                const bool name_follows =
                    capitalized(words[k + 1]) ||
                    (in(connectors, words[k + 1].key) && k + 2 < e); // "Otto von Habsburg"
                if (gazetteer.is_first_name(words[k].key) && name_follows &&
                    covered[k + 1] == EntityType::other) {
                    // A hyphenated given name is whole: "Jean-Claude Juncker".
                    p = k > b + 1 && gap_before(words, k) == "-" ? k - 1 : k;
                    given_inside = true;
                    break;
                }
            }
        std::size_t q = p;
        while (q < e && covered[q] == EntityType::other && !in(connectors, words[q].key))
            ++q;
        // allow "von"/"de" particles inside a person's name; "of" starts an affiliation ("Eli
        // Beckerman of Open the Debates")
        // In German, "von" after a given name and a surname is the preposition ("Jens Weidmann
        // von Anfang an", "Lukas Rotpuller von FK Austria"), and so it is before a given name
        // ("Matti von Bertolt Brecht": by); after a given name it is a particle ("Otto von
        // Habsburg").
        while (q < e && in(connectors, words[q].key) && words[q].key != "of" && q + 1 < e &&
               covered[q + 1] == EntityType::other &&
               !(german && words[q].key == "von" &&
                 (q >= p + 2 || gazetteer.is_first_name(words[q + 1].key))))
            q += 2;
        while (q < e && covered[q] == EntityType::other && !in(connectors, words[q].key))
            ++q;
        // Nor does a German name end with an abstract noun ("Sonja Wehsely Empörung",
        // "Antonio Stiftung"): the sentence's object after its subject.
        if (german)
            while (q > p + 1 && german_abstract_noun(words[q - 1].key))
                --q;
        const std::size_t len = q - p;
        bool person = false, compound = false;
        if (len >= 1 && len <= 4) {
            const bool given = (given_inside || gazetteer.is_first_name(words[p].key)) && len >= 2;
            const bool said = len >= 2 && len <= 3 && q < n && in(speech_verbs, words[q].key) &&
                              !words[p].sentence_start && q == e;
            // "X Y said" alone names no person when a word after the first is one the text also
            // writes in lower case: a firm or an office ("Offshore Data Services said", "Capital
            // Markets", "Economic Development"), not "Mark Eyskens" or "King Fahd".
            person = (title && len <= 3) || given;
            if (!person && said)
                person = std::none_of(
                    words.begin() + static_cast<std::ptrdiff_t>(p + 1),
                    words.begin() + static_cast<std::ptrdiff_t>(q), [&](const Word& w) {
                        return !in(connectors, w.key) && written_in_lower_case(w.key);
                    });
            if (len == 1 && (!title || never_a_name_alone(words[p].key))) person = false;
            // A word right before a gazetteer person's mention is that person's given name
            // ("executive vice president Ray Mendoza", "farm minister Ignaze Kiechle"), however
            // the gazetteer spells it: no one-word person of its own.
            if (len == 1 && q < n && covered[q] == EntityType::person && words[q].joins_previous &&
                !words[q].after_period)
                person = false;
            if (words[p].shape == Shape::upper && words[p].key.size() <= 3) person = false;
            // One word hyphenated, with no title before it: a compound (FoundName::compound).
            compound = len >= 2 && !title;
            for (std::size_t k = p + 1; k < q && compound; ++k)
                compound = gap_before(words, k) == "-";
        }
        if (person && glued_sentence(words[q - 1].text)) person = false;
        if (person) {
            found.push_back({p, q, join(words, p, q, true), EntityType::person, ""});
            found.back().compound = compound;
            i = q;
            continue;
        }
        // A German run cut at "von" goes on after it: "Knecht Matti von Bertolt Brecht".
        i = german && q > p && q < e && words[q].key == "von" ? q : e;
    }
    if (german) drop_genitive_s(words, found);
    return found;
}

} // namespace dateline::entities
