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
// so do the adjectives of places whose Russian name the gazetteer lacks ("ивановский": Ivanovo has
// none, its forms being a surname's). The cities given Russian names in issue 18 have theirs
// ("казанск", "уфимск", "тамбовск", "мюнхенск": 40 stems; NEREL train + dev, 51 more mentions
// named; "тверск" left out, Moscow's Tverskaya street). NEREL dev: 76 place mentions named so
// ("российский" -> Russia, "армянском" -> Armenia, "нью-йоркском" -> New York City), train 723; on
// train the lower-case one-word place facet values fall from 201 to 118. The mentions themselves,
// and so the scores, are unchanged. A capitalized one the tagger finds (a place nested in an
// organization's name: "Московского" in "Московского государственного университета", "Российской"
// in "Российской академии наук") is read the same way: on NEREL train + dev the place facet values
// that are no gazetteer entity fell from 1,303 to 1,060 mentions ("Московский", "Российская",
// "Европейский" were values of their own); scores unchanged.
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

// The gazetteer place a place name the tagger found names, by its nominative (nominative.h):
// the one place or country that has the whole name as an unmarked alias ("Куба" of "Кубы",
// "Чехия" of "Чехии"), or Gazetteer::npos (none, a `?`/`~` alias only, or two entities). The
// alias matcher does not take these forms: a short alias ("Куба", stem "куб"; "Чехия", stem
// "чех") stands only for itself plus an ending there (inflection.h), as its stem collides with
// common words ("кубы", cubes), but a name the tagger found as a place, read back to an alias of
// a place, is that place. NEREL train + dev: the place facet values that are an alias of a
// gazetteer place but were no entity ("Куба", "Чехия", "Сирия", "Вена") fell from 138 mentions
// (29 values) to 4 (two `?`-aliases, "Газа" and "Кент", and an iso-codes name written with a
// stress mark); mention extents, and so the scores, are unchanged. Lower case is never read back
// ("кубы", cubes, which the tagger takes for a place, stays as written).
std::uint32_t place_of_name(std::string_view nominative, const Gazetteer& gazetteer);

} // namespace dateline::entities
