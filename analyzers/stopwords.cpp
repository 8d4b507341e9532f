#include "stopwords.h"

#include <array>

namespace dateline::stopwords {

namespace {

constexpr std::string_view en[] = {
    "a",    "about", "after", "all",  "also", "an",    "and",   "any",  "are",  "as",    "at",
    "be",   "been",  "but",   "by",   "can",  "could", "did",   "do",   "does", "for",   "from",
    "had",  "has",   "have",  "he",   "her",  "his",   "how",   "i",    "if",   "in",    "into",
    "is",   "it",    "its",   "more", "no",   "not",   "of",    "on",   "one",  "or",    "our",
    "she",  "so",    "some",  "than", "that", "the",   "their", "them", "then", "there", "these",
    "they", "this",  "those", "to",   "was",  "we",    "were",  "what", "when", "which", "who",
    "will", "with",  "would", "you",  "your"};
constexpr std::string_view de[] = {
    "aber",  "als",   "am",    "an",   "auch",  "auf",   "aus",  "bei",   "bin",  "bis",  "das",
    "dass",  "dem",   "den",   "der",  "des",   "die",   "dies", "doch",  "ein",  "eine", "einem",
    "einen", "einer", "eines", "er",   "es",    "für",   "hat",  "hatte", "ich",  "ihr",  "im",
    "in",    "ist",   "mit",   "nach", "nicht", "noch",  "nur",  "oder",  "sich", "sie",  "sind",
    "so",    "über",  "um",    "und",  "uns",   "unter", "vom",  "von",   "vor",  "war",  "wird",
    "wie",   "wir",   "wurde", "zu",   "zum",   "zur"};
constexpr std::string_view fr[] = {
    "au",   "aux", "avec", "ce",  "ces", "cette", "dans", "de",    "des",  "du",  "elle", "en",
    "est",  "et",  "il",   "ils", "je",  "la",    "le",   "les",   "leur", "lui", "mais", "ne",
    "nous", "on",  "ont",  "ou",  "par", "pas",   "pour", "qu",    "que",  "qui", "sa",   "se",
    "ses",  "son", "sont", "sur", "un",  "une",   "été",  "était", "être"};
constexpr std::string_view es[] = {"al",   "como", "con", "de",   "del",  "el",  "en",  "es",
                                   "esta", "este", "fue", "ha",   "la",   "las", "le",  "lo",
                                   "los",  "más",  "no",  "para", "pero", "por", "que", "se",
                                   "su",   "sus",  "un",  "una",  "y",    "ya"};
constexpr std::string_view it[] = {"al",  "alla",  "che",   "con", "da",  "dal",   "degli", "dei",
                                   "del", "della", "delle", "di",  "e",   "gli",   "ha",    "il",
                                   "in",  "la",    "le",    "lo",  "nel", "nella", "non",   "per",
                                   "più", "si",    "sono",  "su",  "sul", "un",    "una",   "è"};
constexpr std::string_view pt[] = {"ao",  "as",  "com", "como", "da",   "das",  "de",   "do",
                                   "dos", "e",   "em",  "foi",  "mais", "na",   "nas",  "no",
                                   "nos", "não", "o",   "os",   "para", "pela", "pelo", "por",
                                   "que", "se",  "sua", "seu",  "um",   "uma",  "é"};
constexpr std::string_view nl[] = {"aan",  "als",  "bij", "dat",  "de",    "die", "dit", "een",
                                   "en",   "er",   "het", "hij",  "in",    "is",  "met", "na",
                                   "niet", "nog",  "om",  "ook",  "op",    "te",  "tot", "uit",
                                   "van",  "voor", "was", "werd", "wordt", "zijn"};
constexpr std::string_view ru[] = {
    "а",   "без", "был", "была", "были",  "было", "в",    "во",      "все",  "вы",
    "да",  "для", "до",  "его",  "ее",    "её",   "если", "же",      "за",   "и",
    "из",  "или", "им",  "их",   "к",     "как",  "ко",   "который", "ли",   "мы",
    "на",  "не",  "но",  "о",    "об",    "он",   "она",  "они",     "от",   "по",
    "при", "с",   "со",  "так",  "также", "то",   "что",  "это",     "этот", "я"};

struct List {
    std::string_view language;
    std::span<const std::string_view> words;
};
constexpr std::array lists{List{"en", en}, List{"de", de}, List{"fr", fr}, List{"es", es},
                           List{"it", it}, List{"pt", pt}, List{"nl", nl}, List{"ru", ru}};
constexpr std::array<std::string_view, lists.size()> names{"en", "de", "fr", "es",
                                                           "it", "pt", "nl", "ru"};

} // namespace

std::span<const std::string_view> for_language(std::string_view language) {
    for (const auto& list : lists)
        if (list.language == language) return list.words;
    return {};
}

std::span<const std::string_view> languages() {
    return names;
}

Xapian::Stopper* make_stopper(std::string_view language) {
    auto* stopper = new Xapian::SimpleStopper();
    for (auto word : for_language(language))
        stopper->add(std::string(word));
    return stopper;
}

} // namespace dateline::stopwords
