// dateline-index --compact DB: merges the shards of a sharded database (shard_layout.h) into one
// glass database in place, through Xapian's compaction (Database::compact: postings, spelling,
// metadata; documents renumbered shard after shard, which no answer depends on). For an archive
// that has stopped growing: one database answers faster and takes less space than N.
//
// Safety: every shard stays locked for writing until the end (no indexer can write meanwhile); the
// result is built in DB/.compacting and moved into DB file by file, "iamglass" last, which makes DB
// a single database at once (Xapian opens DB/iamglass before DB/XAPIANDB); only then are the stub
// and the shards removed. A run cut short before that leaves the sharded database as it was (and
// a stale DB/.compacting, removed by the next --compact); one cut short after it leaves a single
// database with leftover shard folders, which the next --compact removes.
// Readers that opened the stub before keep reading the shards' files until they reopen.
#pragma once

#include <string>

namespace dateline {

struct CompactResult {
    unsigned shards = 0;
    unsigned long long articles = 0;
};

// Throws DatabaseError (and DatabaseLockedError) with context; a DB that is already a single
// database is left as it is (shards = 0), after removing leftovers of a compaction cut short.
CompactResult compact_shards(const std::string& db);

} // namespace dateline
