// Names the gazetteer does not know, from capitalized word runs with cues: a title before a person
// ("Finance Minister Gerhard Stoltenberg", "spokesman Dmitry Peskov", "Mr Peskov"), a given name
// ("Ivan Boesky"), "X Y said"; an organization word at the end ("Standard Oil Co", "Labour Party")
// or head ("Ministry of Finance"). Runs never cross gazetteer person or organization mentions;
// they may contain place mentions only when they end as an organization ("Bank of Montreal").
// Junk full names (issue 18), counted on the found person and organization names of Wikinews-en
// (295 articles) and Reuters-21578 (`dateline-index --dry-run --emit jsonl`; a name per article):
// - a run crosses a period only after an initial, "U.S.", a name abbreviation ("Mr.", "St.") or
//   from one legal form to another ("Co. Ltd"): names crossing into the next sentence ("Morgan
//   Guaranty Ltd. The", "Ayaan Hirsi Ali. And") Wikinews 4 -> 0, Reuters 125 -> 2; true names
//   lost 4: "Dr. Ing. H.C.F. Porsche AG" (3 articles; now "H.C.F. Porsche AG"), "David O'B.
//   Martin".
#pragma once

#include "analyzers/article.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/matcher.h"
#include "analyzers/entities/token_stream.h"

#include <string>
#include <vector>

namespace dateline::entities {

struct FoundName {
    std::size_t begin = 0, end = 0; // words [begin, end) of the name itself (titles excluded)
    std::string name;               // as written, initials and possessives dropped
    EntityType type = EntityType::other;
    std::string country; // organizations: the country their legal form implies ("Inc" -> US)
    // Bytes [text_begin, text_end) of the tagged text the mention covers, when they are not the
    // words' own extent (the statistical tagger's spans keep a closing quotation mark:
    // «Единой России»); npos: the words' extent.
    std::size_t text_begin = npos, text_end = npos;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
};

// `covered[i]` is the type of the gazetteer mention covering word i, or EntityType::other.
std::vector<FoundName> find_names(const std::vector<Word>& words,
                                  const std::vector<EntityType>& covered,
                                  const Gazetteer& gazetteer);

// The country a company's legal form implies ("inc" -> "US", "plc" -> "GB", "gmbh" -> "DE"), or "".
std::string_view legal_form_country(std::string_view key);

// Title and role words that announce a person ("president", "spokesman", "mr").
bool is_title_word(std::string_view key);

} // namespace dateline::entities
