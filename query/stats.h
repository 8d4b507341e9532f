// --stats: a description of a Dateline database from its terms, values and metadata (no match
// run): article count, date span, sources with counts, top tags, languages, schema version.
#pragma once

#include "facets.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct DbStats {
    std::string path;
    Xapian::doccount articles = 0;
    int schema_version = 0;
    std::string analyzer_settings;             // metadata schema::settings_key, as stored
    std::optional<std::string> oldest, newest; // ISO 8601 UTC, from slot 0 bounds
    std::vector<FacetValue> sources;           // every source id, label = display name, by count
    std::vector<FacetValue> tags; // the most common tags (term frequency), label = display
    std::size_t distinct_tags = 0;
    std::vector<FacetValue> languages; // every language, by count
};

// tag_limit: how many tags to list (0 = all). Throws DbError.
DbStats collect_stats(Xapian::Database& db, const std::string& path, std::size_t tag_limit = 10);

} // namespace dateline::query
