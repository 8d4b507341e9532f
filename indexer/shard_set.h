// Shards for a bulk load into a new database: documents go to N Xapian databases in a temporary
// folder inside the target (<db>/.dateline-shards), each written by its own thread (batch commits,
// no fsync, spelling words gathered per batch); merge() compacts them into the target with
// Xapian's compaction, which merges postings, spelling tables and metadata and writes the target's
// version file last. The caller decides which shard holds a document (the same id must always go
// to the same shard) and keeps input order within a shard. The destructor stops the threads and
// removes the temporary folder; without merge() nothing reaches the target.
#pragma once

#include "indexer/document_builder.h"

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

namespace dateline {

class ShardSet {
  public:
    struct Op {
        enum class Kind { add, replace, remove } kind = Kind::add;
        std::string term;          // replace: the unique id term; remove: every document with it
        Xapian::Document document; // add, replace: the only handle on it (handles are not atomic)
        std::vector<SpellingWord> spelling;
    };

    // Creates `count` empty shards under target/.dateline-shards (a stale one, left by a killed
    // run, is removed first: the caller holds the target's write lock). Throws DatabaseError.
    ShardSet(const std::string& target, unsigned count, std::size_t batch);
    ~ShardSet();
    ShardSet(const ShardSet&) = delete;
    ShardSet& operator=(const ShardSet&) = delete;

    unsigned count() const;
    // The shard for the next new document: round robin over runs of consecutive documents.
    unsigned next_shard();
    // Queues an operation for a shard (handed over in groups). Rethrows a shard thread's failure.
    void send(unsigned shard, Op op);
    // Waits until every shard has written and committed everything, stores `metadata` in the first
    // shard, and compacts the shards into the target, which must not be open for writing. Once.
    void merge(const std::vector<std::pair<std::string, std::string>>& metadata);
    // The temporary folder (for tests and messages).
    std::string folder() const;

  private:
    struct Shard;
    void hand_over(Shard& shard);
    void stop(); // closes the queues and joins the threads

    std::string target_, folder_;
    std::size_t batch_;
    std::vector<std::unique_ptr<Shard>> shards_;
    unsigned current_ = 0;
    std::size_t run_ = 0;
    bool stopped_ = false;
};

} // namespace dateline
