// --batch FILE: many searches against one open database. Each line of the input is one query:
// plain query text, or a JSON request object (request_options.h: every option of the command line
// by its API name, {"query": "...", "limit": N, "facets": [...], "recency": "30d", ...}) whose
// absent keys take the command line's values. Each non-blank line writes one compact JSON object:
// the --format json document (json_shape::search_document) plus "line" (1-based input line) and
// "exit" (what a single run would exit with: 0 found, 1 nothing found), or {"line": N, "error":
// "...", "exit": 2|3}. A bad line does not stop the batch; run_batch returns the highest per-line
// exit code (0 if none). Every line sees the newest committed revision: the database is reopened
// before each search (cheap when nothing changed), so a long batch beside a running indexer does
// not go stale.
#pragma once

#include "search.h"

#include <iosfwd>
#include <string>
#include <string_view>
#include <xapian.h>

namespace dateline::query {

// The request a batch line stands for; throws UsageError for a malformed JSON line.
SearchRequest request_from_line(std::string_view line, const SearchRequest& defaults);

// One line's answer: its exit code and its JSON object (one line, no newline). `prepared` is
// false before a database's first line (the database is then prepared for many searches) and
// set by the call. Every line reopens the database first, so it sees the newest commit.
struct BatchAnswer {
    int code = 0;
    std::string json;
};
BatchAnswer answer_line(Xapian::Database& db, std::string_view line, std::size_t number,
                        const SearchRequest& defaults, bool& prepared);

// Answers every line of `in` in this process, in order.
int run_batch(Xapian::Database& db, std::istream& in, std::ostream& out,
              const SearchRequest& defaults);

} // namespace dateline::query
