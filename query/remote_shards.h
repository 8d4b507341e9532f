// Stubs that list remote shards (shards on other hosts, served by stock xapian-tcpsrv). Xapian
// 1.4's own stub parser takes "remote HOST:PORT" and "remote :PROGRAM ARGS" but not DESIGN's
// "remote tcp HOST PORT" ("Bad line"), and opens remote shards with its default timeouts; so a
// stub with a remote line is read here, in all three forms (plus Xapian's local lines "auto
// PATH", "glass PATH", "chert PATH", relative to the stub's folder; blank lines and "#" comments),
// and each shard is opened by Xapian::Remote::open (with --shard-timeout as both the connect and
// the per-operation timeout) or Xapian::Database(PATH), added to one Xapian::Database. A stub of
// local shards only is left to Xapian (query/database.h).
//
// The spelling table: Xapian 1.4's remote backend has none, so suggestions come from the
// stub's companion, a local database beside it that `dateline-index --db STUB INPUTS` fills
// (indexer/remote_layout.h); opened with the stub when it is there (a stub without one suggests
// nothing), and read by suggest.h through spelling_database().
//
// Faults: a shard that does not answer (refused, timed out, cut off) is a DbError that names it
// ("shard 3 of 3 (127.0.0.1:4567) does not answer: ..."); with --allow-partial it is left out
// and named in RemoteState::missing, and the search says so ("partial": true). Each reopen tries
// the missing shards again, so a shard that comes back is used again without a restart.
//
// Trade-off: the options are process-wide (set once by a front end before it opens the
// database), and what is known of an opened stub is kept per thread by the database's UUID (the
// front ends read one database per thread: query/database.h), rather than threaded through
// every signature that takes a Xapian::Database.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct ShardSpec {
    std::string name; // for messages: "HOST:PORT", ":PROGRAM ARGS" or the local path
    bool remote = false;
    std::string host; // tcp; or the program, with `port` 0
    unsigned port = 0;
    std::string args; // program arguments
    std::string path; // a local shard
};

struct RemoteOptions {
    unsigned timeout_ms = 10000; // --shard-timeout: connect and each operation
    bool allow_partial = false;  // --allow-partial
};
void set_remote_options(const RemoteOptions& options);
const RemoteOptions& remote_options();

// The shards listed by the stub at `path` (a stub file, or a folder holding XAPIANDB), local and
// remote; nullopt when `path` is no stub. Throws DbError for a stub line it cannot read.
std::optional<std::vector<ShardSpec>> stub_shards(const std::string& path);

// stub_shards(path) when at least one shard is remote; nullopt for anything else.
std::optional<std::vector<ShardSpec>> remote_stub(const std::string& path);

// What is known of a database opened from a remote stub.
struct RemoteState {
    std::string path;
    std::vector<ShardSpec> shards;
    std::vector<std::string> missing; // names of the shards left out (--allow-partial)
    // The stub's companion (schema::companion_path: the spelling table, which Xapian 1.4's remote
    // backend does not serve), when dateline-index has written one; reopened with the stub.
    std::optional<Xapian::Database> companion;
};

// Opens the shards of the stub at `path` as one database (see the header comment) and records
// its RemoteState for this thread. Throws DbError.
Xapian::Database open_remote_stub(const std::string& path, const std::vector<ShardSpec>& shards);

// The state of `db` when this thread opened it from a remote stub; nullptr otherwise.
const RemoteState* remote_state(const Xapian::Database& db);

// The database whose spelling table holds `db`'s spelling words: a remote stub's companion
// (`db` itself when it has none: no suggestions then), or `db`.
const Xapian::Database& spelling_database(const Xapian::Database& db);

// Reopens the companion of `db` (opened by open_remote_stub), if it has one, at its latest commit.
void reopen_companion(const Xapian::Database& db);

// The documents `docids` of `db`, in that order. On a database opened by open_remote_stub, those
// on remote shards are fetched side by side: a thread per remote shard holding some of them, on
// a connection of its own to that shard, opened on first use and kept for this thread's later
// pages (Xapian 1.4's remote protocol answers one document per round trip, so a page of 10 hits
// was 10 round trips in turn); the rest, and any other database's, through `db`.
// Trade-off: each thread that reads a remote stub holds two connections to each remote shard
// (xapian-tcpsrv forks a process per connection), and a page starts a thread per shard (tens of
// microseconds against a round trip's hundred or more). A connection kept is reopened, in its
// thread, after `db` was (mark_fetchers_stale).
std::vector<Xapian::Document> fetch_documents(const Xapian::Database& db,
                                              std::span<const Xapian::docid> docids);

// After a reopen of `db` that saw a change: fetch_documents reopens its connections first.
void mark_fetchers_stale(const Xapian::Database& db);

// Reconnects `db` (opened by open_remote_stub) to every shard of its stub, the missing ones too:
// after a network error, or to bring back a shard left out. Throws DbError.
void reconnect_remote(Xapian::Database& db);

} // namespace dateline::query
