// Russian adjectives of place as facet values: the tagger finds "армянском" (in "армянском
// Гаваре"), "российских", "московского" as places, as NEREL annotates them, but their text in the
// nominative is no place's name ("армянск", "российский" were facet values of their own). An
// adjective of a country or a city names that place here, as an English demonym ("Russian") does.
//
// The adjectives are written as facts: the stem before the adjective's ending and the place's
// name as the gazetteer writes it in Russian ("российск" -> "Россия"); the ending is one of an
// adjective's ("-ий", "-ого", "-ом", "-ая", "-ой", "-их", ...). Left out: adjectives that name a
// people or a language as often as a place ("татарский", "корейский": North or South), a
// historical adjective ("римский": Roman law, the Roman pope).
// Trade-off: a closed list; an adjective outside it keeps its own text as its facet value, and
// so do the adjectives of places whose Russian name the gazetteer lacks ("казанский": Kazan has
// none). NEREL dev: 76 place mentions named so ("российский" -> Russia, "армянском" -> Armenia,
// "нью-йоркском" -> New York City), train 723; on train the lower-case one-word place facet
// values fall from 201 to 118. The mentions themselves, and so the scores, are unchanged.
#pragma once

#include "analyzers/entities/gazetteer.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace dateline::entities {

struct PlaceAdjective {
    std::string_view stem;  // before the ending, in lower case: "российск"
    std::string_view place; // as the gazetteer writes it: "Россия"
};

// The adjectives, sorted by stem (bytes).
std::span<const PlaceAdjective> place_adjectives();

// The gazetteer place a lower-case Russian adjective of place names ("российских" -> Russia), or
// Gazetteer::npos.
std::uint32_t place_of_adjective(std::string_view word, const Gazetteer& gazetteer);

} // namespace dateline::entities
