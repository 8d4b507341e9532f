// analyzers/xapian_call.h: the one border between Xapian and Dateline maps each Xapian error to
// the Dateline error its callers act on, with the context first, and lets DatabaseModifiedError
// through for readers to reopen and retry.
#include "analyzers/xapian_call.h"
#include "query/errors.h"

#include <doctest/doctest.h>
#include <exception>
#include <string>
#include <utility>
#include <xapian.h>

using namespace dateline;

namespace {

// What xapian_call makes of f's exception: its message (or "" when nothing was thrown).
template <class Expected, class F> std::string caught(F&& f) {
    try {
        xapian_call("reading document 17", std::forward<F>(f));
    } catch (const Expected& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("a value or nothing passes through untouched") {
    CHECK(xapian_call("counting", [] { return 42; }) == 42);
    int calls = 0;
    xapian_call("counting", [&] { ++calls; });
    CHECK(calls == 1);
}

TEST_CASE("database errors carry the context and Xapian's description") {
    std::string message = caught<DatabaseError>(
        [] { throw Xapian::DatabaseCorruptError("Bad block in postlist table"); });
    CHECK(message.rfind("reading document 17: ", 0) == 0);
    CHECK(message.find("Bad block in postlist table") != std::string::npos);
    CHECK(caught<DatabaseError>([] {
              throw Xapian::DatabaseOpeningError("no such table");
          }).find("no such table") != std::string::npos);
}

TEST_CASE("another writer's lock is DatabaseLockedError, any other lock failure says why") {
    CHECK(caught<DatabaseLockedError>([] {
              throw Xapian::DatabaseLockError("Unable to get write lock on db: already locked");
          }) == "reading document 17: database is locked by another indexer");
    std::string other = caught<DatabaseError>([] {
        throw Xapian::DatabaseLockError("Unable to get write lock on db: Permission denied");
    });
    CHECK(other.find("cannot write the database") != std::string::npos);
    CHECK(other.find("Permission denied") != std::string::npos);
    CHECK_THROWS_AS(
        xapian_call(
            "x",
            [] { throw Xapian::DatabaseLockError("Unable to get write lock: Permission denied"); }),
        DatabaseError);
}

TEST_CASE("parser errors are the user's: InvalidQueryError, which the query tool exits 2 for") {
    std::string syntax =
        caught<InvalidQueryError>([] { throw Xapian::QueryParserError("Syntax: <expression>"); });
    CHECK(syntax == "reading document 17: Syntax: <expression>");
    CHECK(caught<InvalidQueryError>([] {
              throw Xapian::WildcardError("Wildcard ab* expands to more than 1000 terms");
          }).find("expands to more than 1000 terms") != std::string::npos);
    std::exception_ptr error;
    try {
        xapian_call("parsing", [] { throw Xapian::QueryParserError("Syntax"); });
    } catch (...) {
        error = std::current_exception();
    }
    CHECK(query::exit_code_for(error) == query::ExitCode::usage);
}

TEST_CASE("DatabaseModifiedError passes through for the reader to reopen and retry") {
    CHECK_THROWS_AS(xapian_call("running the query",
                                [] {
                                    throw Xapian::DatabaseModifiedError(
                                        "The revision being read has been discarded");
                                }),
                    Xapian::DatabaseModifiedError);
}
