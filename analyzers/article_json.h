// The Article as JSON: the --emit jsonl record, and the document data stored in the index
// (which the query side reads back for display and snippets). One mapping, used by both sides.
#pragma once

#include "article.h"

#include <nlohmann/json.hpp>

namespace dateline {

// Every field of the article; dates as ISO 8601 UTC strings, absent optionals as null.
nlohmann::json to_json(const Article& article);

// The inverse of to_json; missing fields stay empty. Throws nlohmann::json::exception on bad types.
Article article_from_json(const nlohmann::json& j);

} // namespace dateline
