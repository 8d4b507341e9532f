// The writers of a sharded database (shard_layout.h): one thread per shard, each owning its shard's
// Xapian::WritableDatabase (opened, and so locked, by the constructor), fed operations in groups
// through a bounded queue, with its own spelling batch. commit() is an epoch: every shard commits
// what it was sent, and commit() returns once all have, so a reader opened afterwards sees every
// shard at that epoch. A kill during commit() leaves each shard at this epoch or the one before (a
// shard's commit is atomic); what the caller stores must stay consistent with either
// (index_writer.h).
#pragma once

#include "indexer/document_builder.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline {

class ShardSet {
  public:
    struct Op {
        enum class Kind { add, replace, remove, metadata } kind = Kind::add;
        std::string term;          // replace: the unique id term; remove: every document with it;
                                   // metadata: the key
        Xapian::Document document; // add, replace: the only handle on it (handles are not atomic)
        std::vector<SpellingWord> spelling;
        std::string value; // metadata: the value ("" deletes the key)
    };

    // Opens every shard for writing (DB_NO_SYNC with `no_sync`). Throws DatabaseLockedError when
    // another indexer holds one, DatabaseError otherwise.
    ShardSet(const std::vector<std::string>& paths, bool no_sync, bool spelling);
    ~ShardSet(); // stops the threads; what was not committed is lost, as a kill would lose it
    ShardSet(const ShardSet&) = delete;
    ShardSet& operator=(const ShardSet&) = delete;

    unsigned count() const;
    const std::string& path(unsigned shard) const;
    // Queues an operation for a shard (handed over in groups). Rethrows a shard thread's failure.
    void send(unsigned shard, Op op);
    // Queues `op` (a metadata one) for every shard.
    void send_all(const Op& op);
    // Every shard commits everything sent so far; returns once all have. Rethrows a failure.
    void commit();
    // commit(), then stops the threads and closes the shards. Once; no send() after it.
    void close();

  private:
    struct Shard;
    void hand_over(Shard& shard, bool commit);
    void stop(); // closes the queues and joins the threads

    std::vector<std::unique_ptr<Shard>> shards_;
    std::uint64_t epoch_ = 0;
    bool stopped_ = false;
};

} // namespace dateline
