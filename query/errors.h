// The errors dateline-query reports, and the exit code each maps to (see "Conventions" in
// DESIGN.md): 0 success, 1 no results, 2 usage or query syntax error, 3 database error. Code that
// knows what went wrong throws one of these with a message naming the input at fault; main() prints
// "dateline-query: <message>" and exits with exit_code_for().
#pragma once

#include "analyzers/xapian_call.h"

#include <exception>
#include <stdexcept>

namespace dateline::query {

enum class ExitCode : int { ok = 0, no_results = 1, usage = 2, database = 3 };

// A bad command line (unknown facet, bad --format value...).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A query the parser rejects: syntax error, malformed date range, runaway wildcard. The same type
// as the one xapian_call() (analyzers/xapian_call.h) turns Xapian's parser errors into.
using QueryError = dateline::InvalidQueryError;

// The database cannot be opened or read, or has an unsupported schema version; xapian_call()
// turns Xapian's other errors into it.
using DbError = dateline::DatabaseError;

// Something asked for by name does not exist (an article id): a usage error on the command line,
// 404 in the server.
struct NotFoundError : UsageError {
    using UsageError::UsageError;
};

// A search that ran past its time budget (SearchRequest::time_budget): its counts would not be
// exact, so it gives no answer. Maps to database (3) on the command line, 503 in the server.
struct TimeBudgetError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// UsageError and QueryError -> usage (2); DbError and Xapian errors -> database (3); anything else
// (a bug, out of memory) -> database (3) as well, since it is not the user's fault.
ExitCode exit_code_for(const std::exception_ptr& error);

} // namespace dateline::query
