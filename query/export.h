// Exporting every match of a request (GET /api/export): the hits of search_streaming() written by
// the printer of the format as they are read, so memory stays bounded by the match set's MSet,
// not by the articles. csv: the --format csv hits table (header, one row per match). jsonl: one
// {"type": "hit"} line per match as --format jsonl, then its summary line with "returned" = the
// number of lines written. snippet_length is the request's (the server's default for export is
// 0). Throws as search() does; a failure after the first row ends the stream short.
#pragma once

#include "printer.h"
#include "search.h"

#include <cstddef>
#include <iosfwd>
#include <xapian.h>

namespace dateline::query {

// Returns the number of hits written. format must be csv or jsonl (UsageError otherwise).
std::size_t export_matches(Xapian::Database& db, const SearchRequest& request, Format format,
                           std::ostream& out);

} // namespace dateline::query
