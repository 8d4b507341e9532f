// The names the statistical tagger (tagger.h) finds where neither the gazetteer nor the name rules
// found one: the tagger's spans over words no gazetteer mention or found name covers become found
// names, named by their text normalised to the nominative (nominative.h). Russian only: the model
// is trained on Russian news, and its features do not carry over to English. Measured on Reuters
// with the tagger on for English: ../shared/tools/score-entities unchanged (places F1 0.925,
// people recall 0.945 on TRAIN) while 46,608 spurious entities joined the facets ("NOTE", "QTR
// NET", "January" as a person). English and German keep the gazetteer, rules and cues.
#pragma once

#include "analyzers/entities/name_finder.h"
#include "analyzers/entities/token_stream.h"

#include <string_view>
#include <vector>

namespace dateline::entities {

// Whether the tagger runs on articles in this language (ISO 639-1).
bool tagger_applies(std::string_view language);

// `words` are split_words(text); `covered` as for find_names(). Appends to `found`.
void append_tagged_names(std::string_view text, std::string_view language,
                         const std::vector<Word>& words, const std::vector<EntityType>& covered,
                         std::vector<FoundName>& found);

} // namespace dateline::entities
