// The extents of the places the place chain finds, fixed where its token labels go wrong.
//
// A place span that begins with a lower-case adjective of a country or a region ("армянском
// Гаваре", "мексиканском Канкуне") is two places in NEREL: the adjective and the name (NEREL train:
// 9 times both, 5 times the name alone, never one span), while the chain, which learnt "востоке
// Украины" as one place, sometimes runs them together. The span is split after the adjective: an
// adjective here is a word in "-ск-"/"-цк-" and an adjective's ending ("армянском", "английский");
// "востоке Украины" and "северной Италии" stay one place. NEREL dev place tp/fp/fn 661/62/82 ->
// 665/60/78 (F1 0.902 -> 0.906); NEREL train unchanged.
#pragma once

#include "analyzers/entities/tagger.h"

#include <span>
#include <vector>

namespace dateline::entities::tagger {

// Splits the place spans of `spans` (one line's, as Model::tag decodes them) that begin with such
// an adjective followed by a capitalized word into the adjective and the rest, both places.
void split_adjective_places(std::span<const Token> line, std::vector<Span>& spans);

} // namespace dateline::entities::tagger
