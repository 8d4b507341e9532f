#include "database.h"

#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"
#include "remote_shards.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>
#include <unordered_map>

namespace dateline::query {

namespace fs = std::filesystem;

int stored_schema_version(const Xapian::Database& db) {
    std::string text = db.get_metadata(std::string(schema::version_key));
    if (text.empty()) return 0;
    int version = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (ec != std::errc() || ptr != text.data() + text.size() || version < 0) return -1;
    return version;
}

namespace {

std::unordered_map<std::string, std::uint64_t>& generations() {
    thread_local std::unordered_map<std::string, std::uint64_t> counts;
    return counts;
}

void bump_generation(const Xapian::Database& db) {
    if (db.size() > 1) ++generations()[db.get_uuid()];
}

// The pause before the next try of an open or reopen that met a writer's commits: 10, 20, 40 ms...
void pause_before_retry(int attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10 << std::min(attempt - 1, 6)));
}

// Runs open() (an open or a reopen) again when it may have met a writer's commits (see
// reopen_latest), up to `attempts` times in all; the last error passes through.
template <class F> void retry_on_race(F&& open, int attempts) {
    for (int attempt = 1;; ++attempt) {
        try {
            open();
            return;
        } catch (const Xapian::DatabaseCorruptError&) {
            if (attempt >= attempts) throw;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= attempts) throw;
        }
        pause_before_retry(attempt);
    }
}

} // namespace

std::uint64_t shard_generation(const std::string& uuid) {
    auto it = generations().find(uuid);
    return it == generations().end() ? 0 : it->second;
}

void reopen_latest(Xapian::Database& db, int attempts) {
    if (const RemoteState* remote = remote_state(db)) {
        if (remote->missing.empty()) {
            try {
                if (db.reopen()) mark_fetchers_stale(db);
                reopen_companion(db);
                return;
            } catch (const Xapian::NetworkError&) {
                // reconnected below
            } catch (const Xapian::Error& e) {
                throw DbError("cannot reopen the database: " + e.get_description());
            }
        }
        reconnect_remote(db);
        return;
    }
    try {
        bool changed = true;
        retry_on_race([&] { changed = db.reopen(); }, attempts);
        if (changed) bump_generation(db);
    } catch (const Xapian::Error& e) {
        bump_generation(db);
        throw DbError("cannot reopen the database: " + e.get_description());
    }
}

std::optional<std::uint64_t> database_revision(const std::string& path,
                                               const Xapian::Database& db) {
    if (db.size() == 1) return db.get_revision();
    const auto shards = stub_shards(path);
    if (!shards || shards->size() != db.size()) return std::nullopt;
    std::uint64_t sum = 0;
    for (const ShardSpec& shard : *shards) {
        if (shard.remote) return std::nullopt;
        Xapian::Database one(shard.path);
        if (one.size() != 1) return std::nullopt;
        sum += one.get_revision();
    }
    return sum;
}

Xapian::Database open_database(const std::string& path) {
    auto fail = [&](const std::string& reason) {
        return DbError("cannot open database " + path + ": " + reason);
    };
    std::error_code ec;
    if (!fs::exists(path, ec)) throw fail("no such file or directory");
    Xapian::Database db;
    std::string stored;
    if (auto shards = remote_stub(path)) {
        db = open_remote_stub(path, *shards);
        stored = xapian_call("cannot open database " + path,
                             [&] { return db.get_metadata(std::string(schema::version_key)); });
    } else
        try {
            // The first open races a writer's commits as a reopen does (reopen_latest).
            retry_on_race(
                [&] {
                    db = Xapian::Database(path);
                    stored = db.get_metadata(std::string(schema::version_key));
                },
                race_attempts);
        } catch (const Xapian::DatabaseOpeningError& e) {
            throw fail("not a Xapian database (" + e.get_msg() + ")");
        } catch (const Xapian::Error& e) {
            throw fail(e.get_description());
        }
    bump_generation(db);
    if (stored.empty())
        throw fail("not a Dateline database (no " + std::string(schema::version_key) +
                   " metadata; was it written by dateline-index?)");
    const int version = stored_schema_version(db);
    if (version < 0)
        throw fail("unreadable schema version '" + stored.substr(0, 40) + "' (metadata " +
                   std::string(schema::version_key) + "); rebuild it with dateline-index");
    if (version > schema::version)
        throw fail("schema version " + std::to_string(version) +
                   " is newer than this dateline-query supports (" +
                   std::to_string(schema::version) + "); upgrade Dateline");
    if (version < schema::version)
        throw fail("schema version " + std::to_string(version) +
                   " is older than this dateline-query supports (" +
                   std::to_string(schema::version) + "); rebuild it with dateline-index");
    return db;
}

} // namespace dateline::query
