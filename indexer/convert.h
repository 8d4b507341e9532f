// RawItem -> Article: the extraction step. JSON records through the field map, HTML and text
// pages through the extractor, ready articles (feeds, agency XML) as they are. Not analyzed yet.
// An article whose text (title, description and body) is longer than `max_text_bytes` is
// refused: indexing it would take seconds and hundreds of megabytes for what is not one article.
#pragma once

#include "indexer/json_record.h"
#include "indexer/raw_item.h"

#include <cstddef>

namespace dateline {

inline constexpr std::size_t default_max_article_bytes = 1u << 20;

// Throws RecordError (bad record, text too long) or extract::ExtractError (a page with no
// article).
Article to_article(const RawItem& item, const FieldMap& fields,
                   std::size_t max_text_bytes = default_max_article_bytes);

} // namespace dateline
