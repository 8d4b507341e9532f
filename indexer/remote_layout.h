// Shards that live on other hosts (served there by stock xapian-tcpsrv) and the stub that lists
// them (read by query/remote_shards.h):
//   - `dateline-index --db shard-i --shard I/N` over the same inputs on each host keeps only the
//     articles whose id hashes to shard I of N (shard_of, the hash of --shards), so the N
//     databases together hold the archive, each article once;
//   - `dateline-index --stub OUT SPEC...` writes the stub OUT (a file; OUT/XAPIANDB when OUT is a
//     folder): one line per SPEC, "remote HOST:PORT" for HOST:PORT (the form Xapian 1.4's own
//     tools read too), "auto PATH" for a local database.
//   - `dateline-index --db STUB INPUTS` with STUB a stub that lists a remote shard writes no
//     shard: it fills the stub's companion (schema::companion_path), a local database of one
//     small document per article (its id and input terms and its content hash, so a run again
//     over the same inputs changes nothing) and the spelling words of every article, the one
//     table Xapian 1.4's remote backend does not serve. The query side suggests spellings from it.
// Trade-off: each host's indexer decides near-duplicate clusters from its own articles (it sees
// no other shard), so a story whose copies hash to different shards keeps one cluster per shard
// there; --shards N on one machine (and its shard folders served remotely) keeps them exact.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline {

struct ShardChoice {
    unsigned index = 0, count = 1;
};

// "I/N" with 0 <= I < N <= 64; throws std::invalid_argument naming the option.
ShardChoice parse_shard_choice(std::string_view text);

// Whether the article with unique id term `id_term` belongs to `choice`.
bool in_shard(const ShardChoice& choice, std::string_view id_term);

// The stub's text for `specs` (see above); throws std::invalid_argument for an empty list or a
// SPEC with a bad port.
std::string stub_text(const std::vector<std::string>& specs);

// Writes the stub (atomically, by rename); returns the file written. Throws DatabaseError.
std::string write_stub(const std::string& out, const std::vector<std::string>& specs);

// The stub file at `path` (a file, or a folder's XAPIANDB) when it lists a remote shard (a line
// "remote ..."); nullopt otherwise (a database, a stub of local shards only, nothing there).
std::optional<std::string> remote_stub_file(const std::string& path);

// The companion's document for the article `full` (see above): its id and input terms and its
// content hash.
Xapian::Document companion_document(const Xapian::Document& full);

} // namespace dateline
