// The names the statistical tagger (tagger.h) finds where neither the gazetteer nor the name rules
// found one: the tagger's spans over words no gazetteer mention or found name covers become found
// names, named by their text normalised to the nominative (nominative.h), with their exact byte
// extent (a closing quotation mark included: «Единой России»).
//
// Nesting: an organization or place span may contain earlier mentions whole, as NEREL annotates
// nested names ("МИД России" is an organization and "России" in it a place; "востоке Украины" a
// place holding "Украины"); a span crossing an earlier mention's boundary is never kept. A
// gazetteer mention strictly inside a tagged person yields to it (enclosing_person()). Measured
// on NEREL dev, the indexer's output scored by score-mentions: organization F1 0.599 -> 0.687
// with the nesting (and the model and extents of this change), place 0.855 -> 0.859 with places
// nesting too. A tagged place that starts with a word in lower case and holds a known place
// ("востоке Украины", "юго-востоке Польши") is a mention of that place (Ukraine), not a facet value
// of its own. The person rule fixed the gazetteer's given names read as places ("Кит" in "Кит
// Флинт", "Даниил") and its surnames cut from full names ("Байдена" in "Джо Байдена"). A tagged
// person whose given name is none of the gazetteer person's is another person of that surname:
// "Мишель Обама", "Юлия Навальная", "Иванка Трамп", "Евгения Медведева" are their own facet values,
// not Barack Obama, Alexei Navalny, Donald Trump, Dmitry Medvedev (on NEREL train + dev, 11
// articles change, each for the better; mention extents and scores unchanged).
// overruled_by_tagger() drops two more gazetteer misreadings: a stem-only place over a tagged
// person's word ("Мурси") and a hyphenated part of a longer tagged name ("Манш" in "Ла-Манш");
// NEREL dev person 846/65/101 -> 848/67/99 (tp/fp/fn, F1 0.911 both), place F1 0.878 -> 0.881 (fp
// 75 -> 70). Taken for any stem match over a tagged person, it also lost "Сеула" and "Гессена"
// (alias plus an ending) and "Красному Кресту": one-word stem-only matches alone are overruled;
// an alias less its final vowel plus one letter ("Хиросимы") is no stem-only match either
// (person tp/fp/fn 851/56/96 -> 851/55/96, place 658/62/85 -> 659/62/84).
//
// Russian only: the model is trained on Russian news, and its features do not carry over to
// English. Measured on Reuters with the tagger on for English: ../shared/tools/score-entities
// unchanged (places F1 0.925, people recall 0.945 on TRAIN) while 46,608 spurious entities joined
// the facets ("NOTE", "QTR NET", "January" as a person). English and German keep the gazetteer,
// rules and cues.
#pragma once

#include "analyzers/entities/name_finder.h"
#include "analyzers/entities/token_stream.h"

#include <string_view>
#include <vector>

namespace dateline::entities {

// Whether the tagger runs on articles in this language (ISO 639-1).
bool tagger_applies(std::string_view language);

// Words [begin, end) of one earlier mention (a gazetteer alias or the dateline's place), with its
// type and canonical name when known.
struct WordSpan {
    std::size_t begin = 0, end = 0;
    EntityType type = EntityType::other;
    std::string_view name;
};

// One name the tagger found: words [begin, end) of `words` and bytes [text_begin, text_end) of the
// text (the exact extent, a closing quotation mark included).
struct TaggedName {
    std::size_t begin = 0, end = 0;
    std::size_t text_begin = 0, text_end = 0;
    EntityType type = EntityType::other;
};

// The tagger's names over `words` (split_words(text)), in text order; none unless
// tagger_applies(language).
std::vector<TaggedName> tagged_names(std::string_view text, std::string_view language,
                                     const std::vector<Word>& words);

// A gazetteer mention strictly inside a tagged person ("Кит" in "Кит Флинт", "Байдена" in "Джо
// Байдена"): the tagger's person, or nullptr. A gazetteer person takes the person's extent; a
// place or organization there is the gazetteer misreading a given name, and is dropped.
const TaggedName* enclosing_person(const std::vector<TaggedName>& tagged, std::size_t begin,
                                   std::size_t end);

// A gazetteer mention of words [begin, end) the tagger overrules, to be dropped: a place or
// organization matched only through a stem (`stem_only`, matcher.h) over exactly the word of a
// tagged person ("Мурси", Morsi, read as the stem of "Мурсия", Murcia; "Маркива" as "Марке"),
// or a mention glued by a hyphen to the other words of a longer tagged span ("Манш" in "Ла-Манш":
// a part of a compound name, not a name nested in it as "России" in "МИД России").
bool overruled_by_tagger(const std::vector<TaggedName>& tagged, std::string_view text,
                         const std::vector<Word>& words, std::size_t begin, std::size_t end,
                         EntityType type, bool stem_only);

// `tagged` are tagged_names(text, language, words); `earlier` the gazetteer and dateline
// mentions. Appends to `found` (which holds the rule names) each tagged name that fits beside
// them, with its exact byte extent.
void append_tagged_names(std::string_view text, std::string_view language,
                         const std::vector<Word>& words, const std::vector<TaggedName>& tagged,
                         const std::vector<WordSpan>& earlier, std::vector<FoundName>& found);

} // namespace dateline::entities
