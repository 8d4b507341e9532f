#include "filters.h"

#include "analyzers/schema.h"
#include "analyzers/text.h"
#include "date_range.h"
#include "entity_resolver.h"
#include "errors.h"

namespace dateline::query {

namespace {

std::string known_fields() {
    std::string known;
    for (const auto& f : schema::fields())
        if (f.kind != schema::Field::Kind::free_text)
            known += (known.empty() ? "" : ", ") + std::string(f.name);
    return known + ", " + std::string(schema::date_field);
}

} // namespace

Xapian::Query filter_query(const Xapian::Database& db, std::string_view spec) {
    auto colon = spec.find(':');
    if (colon == std::string_view::npos || colon == 0)
        throw UsageError("bad --filter '" + std::string(spec) + "': expected FIELD:VALUE");
    std::string name = text::fold_case(text::trim(spec.substr(0, colon)));
    std::string value(text::trim(spec.substr(colon + 1)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
    if (value.empty())
        throw UsageError("bad --filter '" + std::string(spec) + "': the value is empty");

    if (name == schema::date_field) {
        auto dots = value.find("..");
        if (dots == std::string::npos) return date_period_query(value);
        std::string_view v(value);
        return date_range_query(v.substr(0, dots), v.substr(dots + 2), &db);
    }
    for (const auto& field : schema::fields()) {
        if (field.name != name) continue;
        if (field.kind == schema::Field::Kind::free_text) break;
        std::string term = resolve_field_term(db, field, value);
        if (field.prefix == schema::prefix::source) { // a display name stands for its slug
            std::string slug = std::string(field.prefix) + text::slugify(value);
            if (slug != term && slug.size() > field.prefix.size())
                return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(term),
                                     Xapian::Query(slug));
        }
        return Xapian::Query(term);
    }
    throw UsageError("bad --filter '" + std::string(spec) + "': unknown field '" + name +
                     "' (expected one of " + known_fields() + ")");
}

Xapian::Query apply_filters(const Xapian::Database& db, Xapian::Query query,
                            const std::vector<std::string>& specs) {
    if (specs.empty()) return query;
    std::vector<Xapian::Query> keep, drop;
    for (const auto& spec : specs) {
        std::string_view s = text::trim(spec);
        if (!s.empty() && s.front() == '-')
            drop.push_back(filter_query(db, s.substr(1)));
        else
            keep.push_back(filter_query(db, s));
    }
    if (!keep.empty()) {
        Xapian::Query all(Xapian::Query::OP_AND, keep.begin(), keep.end());
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, all);
    }
    if (!drop.empty()) {
        Xapian::Query any(Xapian::Query::OP_OR, drop.begin(), drop.end());
        query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, any);
    }
    return query;
}

} // namespace dateline::query
