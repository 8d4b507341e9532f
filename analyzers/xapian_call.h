// The one border between Xapian and the rest of Dateline, for the indexer and the query side alike.
// Every Xapian call that can fail runs through xapian_call(context, f), which turns Xapian's
// exceptions into errors that say what was being done ("opening DIR", "committing batch",
// "reading document 17: ..."):
//   DatabaseLockedError  another writer holds the database;
//   DatabaseError        anything else about the database: cannot open or write it, corrupt, I/O;
//   ShardUnreachableError  (a DatabaseError) a remote shard refused, timed out or cut the
//                        connection (Xapian::NetworkError): a reader may reconnect and retry;
//   InvalidQueryError    the query parser rejected the query (syntax, runaway wildcard).
// Xapian::DatabaseModifiedError passes through unchanged: a reader answers it by reopening the
// database and retrying (query/database.h, with_reopen); a writer never gets it.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <xapian.h>

namespace dateline {

class DatabaseError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The database is held by another writer.
class DatabaseLockedError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// A remote shard did not answer (Xapian::NetworkError, its message naming the shard's address).
class ShardUnreachableError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// A query that cannot be run as typed: a syntax error, a malformed date range, a wildcard that
// expands to too many terms. The user's fault, not the database's.
class InvalidQueryError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

template <class F> decltype(auto) xapian_call(std::string_view context, F&& f) {
    try {
        return std::forward<F>(f)();
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;
    } catch (const Xapian::DatabaseLockError& e) {
        // "already locked" is another writer; anything else (a read-only folder, no permission
        // to create the lock file) is not, and says why.
        if (e.get_msg().find("already locked") != std::string::npos)
            throw DatabaseLockedError(std::string(context) +
                                      ": database is locked by another indexer");
        throw DatabaseError(std::string(context) + ": cannot write the database: " + e.get_msg());
    } catch (const Xapian::QueryParserError& e) {
        throw InvalidQueryError(std::string(context) + ": " + e.get_msg());
    } catch (const Xapian::WildcardError& e) {
        throw InvalidQueryError(std::string(context) + ": " + e.get_msg());
    } catch (const Xapian::NetworkError& e) {
        throw ShardUnreachableError(std::string(context) + ": " + e.get_description());
    } catch (const Xapian::Error& e) {
        throw DatabaseError(std::string(context) + ": " + e.get_description());
    }
}

} // namespace dateline
