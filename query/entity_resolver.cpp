#include "entity_resolver.h"

#include "analyzers/entities/gazetteer.h"

namespace dateline::query {

namespace {

// The entity type a field's prefix demands; `any` for tag:, `none` for fields that are not
// entity fields.
enum class Want { none, any, person, organization, place };

Want wanted(std::string_view prefix) {
    if (prefix == schema::prefix::tag) return Want::any;
    if (prefix == schema::prefix::person) return Want::person;
    if (prefix == schema::prefix::organization) return Want::organization;
    if (prefix == schema::prefix::place) return Want::place;
    return Want::none;
}

bool fits(Want want, EntityType type) {
    switch (want) {
    case Want::any:
        return true;
    case Want::person:
        return type == EntityType::person;
    case Want::organization:
        return type == EntityType::organization;
    case Want::place:
        return type == EntityType::place;
    case Want::none:
        return false;
    }
    return false;
}

} // namespace

std::string canonical_entity(std::string_view phrase) {
    const auto& gazetteer = entities::default_gazetteer();
    auto id = gazetteer.resolve(phrase);
    if (id == entities::Gazetteer::npos) return {};
    return gazetteer.entity(id).name;
}

std::string resolve_field_term(const Xapian::Database& db, const schema::Field& field,
                               std::string_view value) {
    std::string term = schema::field_term(field, value);
    Want want = wanted(field.prefix);
    if (want == Want::none || db.term_exists(term)) return term;
    const auto& gazetteer = entities::default_gazetteer();
    auto id = gazetteer.resolve(value);
    if (id == entities::Gazetteer::npos) return term;
    const auto& entity = gazetteer.entity(id);
    if (!fits(want, entity.type)) return term;
    return schema::boolean_term(field.prefix, entity.name);
}

} // namespace dateline::query
