// The on-disk layout of a sharded database on one machine. DB is a folder holding N glass databases
// DB/shard-0 ... DB/shard-(N-1) and Xapian's stub file DB/XAPIANDB, one "auto shard-i" line per
// shard (relative to DB), so Xapian::Database(DB) opens all of them as one database (its "auto"
// backend reads DB/XAPIANDB when DB holds no database of its own). Each article lives in the shard
// its id term hashes to (shard_of: FNV-1a 64, SplitMix64, mod N): stable across runs and machines,
// so a replace or a delete finds it, and N is fixed when the database is created.
//
// Trade-off: a fixed N keeps the hash exact and the stub the single place that names the shards;
// growing N means re-indexing (or --compact and re-sharding), which an archive rarely needs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

inline constexpr std::string_view stub_file_name = "XAPIANDB";

// The shard folders of the sharded database at `db`, in stub order; nullopt when `db` is not one
// (missing, a single glass database, or an empty folder). Throws DatabaseError when the stub is
// unreadable, names something other than the layout's own shard folders, or when `db` holds shard
// folders without a stub (a creation cut short: run --shards N again).
std::optional<std::vector<std::string>> sharded_layout(const std::string& db);

// Creates the folder `db` (new, or an empty folder) with `count` empty shard databases, each
// carrying the schema version, and writes the stub last (atomically, by rename). Throws
// DatabaseError when `db` holds anything else.
std::vector<std::string> create_sharded_layout(const std::string& db, unsigned count);

// The shard of the article whose unique id term is `id_term`, of `count`.
unsigned shard_of(std::string_view id_term, unsigned count);

// The folder of shard `i` inside `db`.
std::string shard_path(const std::string& db, unsigned i);

} // namespace dateline
