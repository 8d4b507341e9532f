#include "shard_set.h"

#include "analyzers/xapian_call.h"
#include "indexer/bounded_queue.h"
#include "indexer/spelling_batch.h"

#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace dateline {

namespace {

constexpr std::size_t group = 64; // operations per hand-over

} // namespace

struct ShardSet::Shard {
    struct Parcel {
        std::vector<Op> ops;
        std::uint64_t commit_epoch = 0; // after the ops: commit and report this epoch (0: none)
    };

    std::string path;
    Xapian::WritableDatabase db; // moved to the thread: nothing else touches it after the start
    bool spelling = true;
    BoundedQueue<Parcel> queue{4};
    std::vector<Op> pending; // filled by the sending thread
    std::thread thread;
    std::mutex mutex;
    std::condition_variable committed_cv;
    std::uint64_t committed = 0;
    std::exception_ptr failure;

    void run() {
        try {
            SpellingBatch words;
            while (auto parcel = queue.pop()) {
                for (auto& op : parcel->ops) {
                    switch (op.kind) {
                    case Op::Kind::add:
                        db.add_document(op.document);
                        break;
                    case Op::Kind::replace:
                        db.replace_document(op.term, op.document);
                        break;
                    case Op::Kind::remove:
                        db.delete_document(op.term);
                        break;
                    case Op::Kind::metadata:
                        db.set_metadata(op.term, op.value);
                        break;
                    }
                    op.document = Xapian::Document();
                    if (spelling) words.add(op.spelling);
                }
                if (parcel->commit_epoch) {
                    words.flush_into(db);
                    db.commit();
                    std::lock_guard lock(mutex);
                    committed = parcel->commit_epoch;
                    committed_cv.notify_all();
                }
            }
            db.close();
        } catch (const Xapian::Error& e) {
            fail(std::make_exception_ptr(
                DatabaseError("writing shard " + path + ": " + e.get_description())));
        } catch (...) {
            fail(std::current_exception());
        }
        db = Xapian::WritableDatabase();
    }

    void fail(std::exception_ptr e) {
        {
            std::lock_guard lock(mutex);
            failure = e;
            committed_cv.notify_all();
        }
        queue.close(); // the sender's next push fails and rethrows
    }

    void rethrow_failure() {
        std::lock_guard lock(mutex);
        if (failure) std::rethrow_exception(failure);
    }

    void wait_for(std::uint64_t epoch) {
        std::unique_lock lock(mutex);
        committed_cv.wait(lock, [&] { return committed >= epoch || failure; });
        if (failure) std::rethrow_exception(failure);
    }
};

ShardSet::ShardSet(const std::vector<std::string>& paths, bool no_sync, bool spelling) {
    const int flags = Xapian::DB_OPEN | (no_sync ? Xapian::DB_NO_SYNC : 0);
    for (const auto& path : paths) {
        auto shard = std::make_unique<Shard>();
        shard->path = path;
        shard->spelling = spelling;
        shard->db = xapian_call("opening shard " + path,
                                [&] { return Xapian::WritableDatabase(path, flags); });
        shards_.push_back(std::move(shard));
    }
    for (auto& shard : shards_)
        shard->thread = std::thread([s = shard.get()] { s->run(); });
}

ShardSet::~ShardSet() {
    stop();
}

unsigned ShardSet::count() const {
    return static_cast<unsigned>(shards_.size());
}

const std::string& ShardSet::path(unsigned shard) const {
    return shards_.at(shard)->path;
}

void ShardSet::hand_over(Shard& shard, bool commit) {
    if (shard.pending.empty() && !commit) return;
    Shard::Parcel parcel{std::move(shard.pending), commit ? epoch_ : 0};
    shard.pending = {};
    if (!shard.queue.push(std::move(parcel))) {
        shard.rethrow_failure();
        throw DatabaseError("writing shard " + shard.path + ": the shard writer stopped");
    }
}

void ShardSet::send(unsigned shard, Op op) {
    Shard& s = *shards_.at(shard);
    s.pending.push_back(std::move(op));
    if (s.pending.size() >= group) hand_over(s, false);
}

void ShardSet::send_all(const Op& op) {
    for (unsigned i = 0; i < count(); ++i)
        send(i, op);
}

void ShardSet::commit() {
    ++epoch_;
    for (auto& shard : shards_)
        hand_over(*shard, true);
    for (auto& shard : shards_)
        shard->wait_for(epoch_);
}

void ShardSet::close() {
    if (stopped_) return;
    commit();
    stop();
    for (auto& shard : shards_)
        shard->rethrow_failure();
}

void ShardSet::stop() {
    if (stopped_) return;
    stopped_ = true;
    for (auto& shard : shards_)
        shard->queue.close();
    for (auto& shard : shards_)
        if (shard->thread.joinable()) shard->thread.join();
}

} // namespace dateline
