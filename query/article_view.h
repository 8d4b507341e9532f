// One article for reading (GET /api/articles/{id}): the whole stored article (document data, the
// analyzers/article_json.h shape: body, entities, authors...), its near-duplicate story's other
// printings, and the articles most like it (--like). The JSON shapes are in query/serve/API.md;
// hits in `like` are json_shape::hit. Throws NotFoundError for an unknown id, DbError otherwise.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>
#include <xapian.h>

namespace dateline::query {

inline constexpr std::size_t article_like_count = 5;

nlohmann::json article_document(Xapian::Database& db, std::string_view id,
                                std::size_t like_count = article_like_count);

} // namespace dateline::query
