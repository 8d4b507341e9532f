// --like ID: "more like this". The article's own document is the relevance set (Xapian::RSet);
// Enquire::get_eset picks its 20 most telling free-text terms (no prefixed or internal terms), and
// the article's entity tags (K terms) are added. The query is the OR of those terms — each entity
// tag an article shares adds a fixed weight of 1 on top of its BM25 score (boolean terms have no
// BM25 weight of their own) — minus the article's own story: every printing in its near-duplicate
// cluster (XT<cluster>) and the article itself. Throws UsageError when no article has that id.
#pragma once

#include <string_view>
#include <xapian.h>

namespace dateline::query {

inline constexpr Xapian::termcount like_terms = 20;

Xapian::Query like_query(const Xapian::Database& db, std::string_view id);

} // namespace dateline::query
