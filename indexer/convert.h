// RawItem -> Article: the extraction step. JSON records through the field map, HTML and text
// pages through the extractor, ready articles (feeds, agency XML) as they are. Not analyzed yet.
#pragma once

#include "indexer/json_record.h"
#include "indexer/raw_item.h"

namespace dateline {

// Throws RecordError (bad record) or extract::ExtractError (a page with no article).
Article to_article(const RawItem& item, const FieldMap& fields);

} // namespace dateline
