// Drill-down filters (--filter FIELD:VALUE, repeatable): each narrows the match set without
// changing scores (Xapian::Query::OP_FILTER). FIELD is a boolean query field (source, site, tag,
// person, org, place, lang, id; schema::fields()) whose VALUE becomes the term the indexer wrote
// (schema::field_term, entity aliases resolved as in entity_resolver.h; source: also as a slug), or
// `date` with a period (2021, 2021-03, 2021-03-17) or a range (2021-03-01..2021-03-31, 2021-03..,
// ..2021). VALUE may be in double quotes. Several filters must all match. A spec with a leading
// '-' (-source:reuters) excludes what it matches instead (OP_AND_NOT: scores unchanged too).
// Malformed filters throw UsageError (QueryError for a bad date).
#pragma once

#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

Xapian::Query filter_query(const Xapian::Database& db, std::string_view spec);

// query filtered by every spec, excluding specs with a leading '-' (query itself when there are
// none).
Xapian::Query apply_filters(const Xapian::Database& db, Xapian::Query query,
                            const std::vector<std::string>& specs);

} // namespace dateline::query
