// Gazetteer matching over the words of a text: at each word the longest alias whose case rules the
// text satisfies (leftmost-longest, no overlaps). A mention keeps every entity its alias may name;
// the tagger picks one with the article as context.
#pragma once

#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/token_stream.h"

#include <cstddef>
#include <string_view>
#include <vector>

namespace dateline::entities {

struct Mention {
    std::size_t begin = 0, end = 0;      // words [begin, end)
    std::vector<AliasTarget> candidates; // entities the alias may name, in gazetteer order
    bool from_tag = false;               // from a publisher tag, not from the text
    // One word matched only through its stem (inflection.h), not as an alias plus an ending nor
    // as an alias less its final vowel plus one letter: "Мурси" (Morsi) of "Мурсия"; "Сеула"
    // ("Сеул" + "а") and "Хиросимы" ("Хиросим" + "ы" of "Хиросима") are not.
    bool stem_only = false;
};

// `language` (ISO 639-1) also matches inflected forms where it inflects ("ru", "de"; inflection.h).
std::vector<Mention> match_aliases(const std::vector<Word>& words, const Gazetteer& gazetteer,
                                   std::string_view language = {});

// True when the case of the text words [begin, begin + target.words) satisfies the alias's rules.
bool case_matches(const std::vector<Word>& words, std::size_t begin, const AliasTarget& target);

} // namespace dateline::entities
