// Wire-story datelines: the place (and date, agency) a story opens with, "TOKYO, March 3",
// "CAMBRIDGE, Mass., March 3", "MOSCOW, March 17 (Reuters) -", "WASHINGTON (AP) —". The dateline
// names where the story was filed, which is nearly always a place the story is about.
#pragma once

#include "analyzers/entities/gazetteer.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace dateline::entities {

struct Dateline {
    std::string_view place;                // "CAMBRIDGE", as written (a view into the text)
    std::vector<std::string_view> regions; // "Mass.", then any further qualifiers, as written
    std::size_t end = 0;                   // bytes of the text the dateline takes
};

// The dateline at the start of `text` (after leading white space): PLACE[, REGION]..., then
// ", MONTH DAY" and/or "(AGENCY)", then the end of the line, a dash or white space. A place or
// region is one to five words, each starting with a capital (short lower-case particles such as
// "de" allowed inside). Wire copy's slips are taken too: flash marks before the place
// ("****LONDON"), no comma before the date ("JOHANNESBURG March 13", "RICHMOND, Va. Feb 26"), a
// dash before it
// ("ROCKVILLE, Md, - March 6") and a sign-off after it ("WASHINGTON, March 12, Reuter"). Returns
// nothing when the text does not open with a dateline.
std::optional<Dateline> parse_dateline(std::string_view text);

// The gazetteer entity the dateline names: the place, disambiguated by the region ("PORTLAND,
// Maine" is in the United States; "CAMBRIDGE, Mass." is not Cambridge in England), or the region's
// country when the place is not in the gazetteer ("BOCA RATON, Fla." -> United States). Case is
// ignored: datelines are conventionally set in capitals. Returns Gazetteer::npos when neither the
// place nor a region is known.
std::uint32_t dateline_entity(const Dateline& dateline, const Gazetteer& gazetteer);

// The country of a US state or Canadian province written as a news-agency abbreviation ("Calif.",
// "N.Y.", "Ont."), by its folded key without periods ("calif", "ny", "ont"); "" when none.
std::string_view region_abbreviation_country(std::string_view key);

} // namespace dateline::entities
