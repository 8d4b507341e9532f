// Entity-aware boolean fields: tag:, person:, org: and place: values that are not indexed as
// written but name a known entity (an alias in the bundled gazetteer, analyzers/entities) stand
// for the entity's canonical name, which is what the indexer writes (K / XP / XO / XL terms):
// person:putin and tag:путин -> "vladimir putin". person:/org:/place: only resolve to an entity
// of their type. Every other field, and values that are indexed as written, are unchanged.
#pragma once

#include "analyzers/schema.h"

#include <string>
#include <string_view>
#include <xapian.h>

namespace dateline::query {

// The term a boolean field value stands for: schema::field_term(field, value) when that term is
// in the database (or the field is not an entity field), else the canonical entity's term when
// the value is an alias of one, else field_term again.
std::string resolve_field_term(const Xapian::Database& db, const schema::Field& field,
                               std::string_view value);

// The canonical name of the entity a phrase names ("Putin" -> "Vladimir Putin"), of any type,
// or "" when the gazetteer knows none.
std::string canonical_entity(std::string_view phrase);

} // namespace dateline::query
