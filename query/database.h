// Opening a Dateline database for reading, and retrying reads when a writer commits meanwhile.
// open_database() checks that the path exists, is a Xapian database, and carries the schema
// version this build understands (metadata schema::version_key: absent, unreadable, older and
// newer versions each say so); otherwise it throws DbError with "cannot open database DIR:
// reason". A stub listing a remote shard is opened by remote_shards.h (timeouts, faults,
// --allow-partial); its reopen reconnects the shards after a network error and tries the missing
// ones again.
#pragma once

#include "errors.h"
#include "remote_shards.h"

#include <cstdint>
#include <optional>
#include <string>
#include <xapian.h>

namespace dateline::query {

Xapian::Database open_database(const std::string& path);

// The schema version stored in the database: 0 when the metadata key is absent, -1 when it is not
// a number. open_database() rejects anything but schema::version (exit 3).
int stored_schema_version(const Xapian::Database& db);

// Reopens db at its newest revision. A reopen that races a writer committing twice meanwhile can
// read blocks the writer has already reused: Xapian 1.4 then says DatabaseCorruptError ("Expected
// block 2 to be level 1, not 0") or DatabaseModifiedError about a sound database. Such a reopen
// is tried again after a short pause, up to `attempts` times in all; then, and for any other
// error, DbError "cannot reopen the database: ...". open_database() tries its open the same way.
inline constexpr int race_attempts = 6;
void reopen_latest(Xapian::Database& db, int attempts = race_attempts);

// The revision of the database at `path`, opened as `db`: Xapian's for one database; for a stub
// of local shards (or of local replicas of shards), the sum of its shards' revisions, which
// grows with every commit to any of them (each shard is opened once more to read it). nullopt
// when a shard cannot be read that way (a remote one).
std::optional<std::uint64_t> database_revision(const std::string& path, const Xapian::Database& db);

// A sharded database (a stub of shards) has no revision in Xapian 1.4 (get_revision() needs one
// database). Its stand-in, for the prepared index (facet_index.h): a per-thread count of the
// opens and reopens of that database (by UUID) that may have changed what it shows, bumped by
// open_database() and reopen_latest() (Database::reopen() says when nothing changed). Valid while a
// thread reads the database through one handle at a time, as every front end does.
std::uint64_t shard_generation(const std::string& uuid);

// Runs fn() and, when the database changed under it (Xapian::DatabaseModifiedError), reopens the
// database (reopen_latest) and runs fn() again, up to `attempts` times in all. fn must start from
// scratch each time.
template <class F> decltype(auto) with_reopen(Xapian::Database& db, F&& fn, int attempts = 4) {
    for (int attempt = 1;; ++attempt) {
        try {
            return fn();
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= attempts)
                throw DbError("the database kept changing while being read (" +
                              std::to_string(attempts) + " attempts): " + e.get_msg());
            reopen_latest(db);
        } catch (const ShardUnreachableError&) {
            // A remote shard went away: reconnect (reopen_latest names it if it stays away,
            // or leaves it out with --allow-partial) and run again.
            if (attempt >= attempts || !remote_state(db)) throw;
            reopen_latest(db);
        }
    }
}

} // namespace dateline::query
