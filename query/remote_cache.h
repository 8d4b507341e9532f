// What a search through a stub of remote shards (remote_shards.h) would otherwise ask the shards
// again on every search, kept between searches: the archive's languages (word_languages.h, from
// its L terms: a round trip to every shard in turn) and the display names of sources (a match and
// a document fetch per shown source, builtin_facets.h).
//
// Kept per thread (the front ends read one database per thread: database.h) and per database,
// by its UUID and three statistics every write moves: the document count, the last docid and the
// total length. The remote backend holds these from its last (re)open, so checking them costs no
// round trip, and a reopen that sees a commit starts the cache afresh.
// Trade-off: a commit that replaces documents keeping the count, the last docid and every length
// keeps the cached languages and labels until the next commit that moves one of them; both change
// only with new sources or languages, which add documents.
#pragma once

#include "word_languages.h"

#include <functional>
#include <string>
#include <xapian.h>

namespace dateline::query {

// The languages of `db` (WordLanguages(db)), computed once per state of the database.
const WordLanguages& cached_languages(const Xapian::Database& db);

// The display name of source `id`, from `compute` once per state of the database.
const std::string& cached_source_label(const Xapian::Database& db, const std::string& id,
                                       const std::function<std::string()>& compute);

} // namespace dateline::query
