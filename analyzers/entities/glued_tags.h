// Publisher tags as entities: a tag is folded, stripped of spaces and punctuation and split into
// the fewest known aliases that cover it exactly, so "Vladimir Putin" and the glued run
// "donald trumpvladimir putinusrussia" both come out as entities. A tag that does not split
// completely into aliases names no entity.
#pragma once

#include "analyzers/entities/gazetteer.h"

#include <string_view>
#include <vector>

namespace dateline::entities {

// The candidates of each alias the tag splits into, in order; empty when it does not split.
std::vector<std::vector<AliasTarget>> segment_tag(std::string_view tag, const Gazetteer& gazetteer);

} // namespace dateline::entities
