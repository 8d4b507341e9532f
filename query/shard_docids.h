// Docids on a sharded database (a stub listing N shards, opened as one Xapian::Database). The
// database numbers documents by interleaving the shards: document `local` of shard s is
// (local - 1) * N + s + 1. Xapian 1.4, however, runs the match shard after shard and gives the
// custom classes each shard's own numbers: a posting source is cloned and initialised on each
// shard, and a match spy or key maker receives the shard's Document (get_docid() local). The fast
// paths index arrays by the database's docids (facet_index.h), so they need the shard:
//   - a posting source finds its shard from the database it is initialised on (its UUID among
//     the database's: shard_index());
//   - a match spy or key maker reads ShardCursor::current, which a posting source that matches
//     every document (track_shards(), AND-ed to the query with no weight) sets whenever the
//     matcher moves it: the matcher finishes a shard before it starts the next one, and visits
//     a shard's tree before each of its matches, so current names the shard of the document at
//     hand. (This relies on Xapian 1.4's MergePostList; tests/e2e/shards.sh compares every facet,
//     sort and total with the single database's.)
// On a single database none of this applies: ShardCursor::global() is the identity.
#pragma once

#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct ShardCursor {
    unsigned count = 1;
    unsigned current = 0;
    Xapian::docid global(Xapian::docid local) const {
        return count <= 1 ? local : (local - 1) * count + current + 1;
    }
};

// The UUIDs of the shards of `db`, in order (one for a single database).
std::vector<std::string> shard_uuids(const Xapian::Database& db);

// The index of `shard` (a database a posting source was initialised on) among `uuids`; 0 when
// not found (a single database).
unsigned shard_index(const std::vector<std::string>& uuids, const Xapian::Database& shard);

// `query` AND-ed with a weightless source that sets cursor->current while the match runs, for
// a spy or key maker reading cursor; `query` itself when `db` is a single database.
Xapian::Query track_shards(const Xapian::Database& db, const Xapian::Query& query,
                           const std::shared_ptr<ShardCursor>& cursor);

// A cursor for `db`: count = its shards.
std::shared_ptr<ShardCursor> make_shard_cursor(const Xapian::Database& db);

} // namespace dateline::query
