#include "shard_set.h"

#include "analyzers/xapian_call.h"
#include "indexer/bounded_queue.h"
#include "indexer/spelling_batch.h"

#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

namespace dateline {

namespace {

constexpr std::size_t group =
    64; // operations per hand-over, and consecutive new documents per shard
constexpr std::string_view folder_name = ".dateline-shards";

} // namespace

struct ShardSet::Shard {
    std::string path;
    BoundedQueue<std::vector<Op>> queue{4};
    std::vector<Op> pending; // filled by the sending thread
    std::thread thread;
    std::mutex mutex;
    std::exception_ptr failure;

    void run(std::size_t batch) {
        try {
            Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_NO_SYNC);
            SpellingBatch spelling;
            std::size_t written = 0;
            auto commit = [&] {
                spelling.flush_into(db);
                db.commit();
                written = 0;
            };
            while (auto ops = queue.pop()) {
                for (auto& op : *ops) {
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
                    }
                    op.document = Xapian::Document();
                    spelling.add(op.spelling);
                    if (++written >= batch) commit();
                }
            }
            commit();
            db.close();
        } catch (const Xapian::Error& e) {
            fail(std::make_exception_ptr(
                DatabaseError("writing shard " + path + ": " + e.get_description())));
        } catch (...) {
            fail(std::current_exception());
        }
    }

    void fail(std::exception_ptr e) {
        {
            std::lock_guard lock(mutex);
            failure = e;
        }
        queue.close(); // the sender's next push fails and rethrows
    }

    void rethrow_failure() {
        std::lock_guard lock(mutex);
        if (failure) std::rethrow_exception(failure);
    }
};

ShardSet::ShardSet(const std::string& target, unsigned count, std::size_t batch)
    : target_(target), folder_((std::filesystem::path(target) / folder_name).string()),
      batch_(std::max<std::size_t>(1, batch)) {
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
    std::filesystem::create_directories(folder_, ec);
    if (ec) throw DatabaseError("creating " + folder_ + ": " + ec.message());
    for (unsigned i = 0; i < std::max(1u, count); ++i) {
        auto shard = std::make_unique<Shard>();
        shard->path = folder_ + "/shard-" + std::to_string(i);
        shards_.push_back(std::move(shard));
    }
    for (auto& shard : shards_)
        shard->thread = std::thread([s = shard.get(), b = batch_] { s->run(b); });
}

ShardSet::~ShardSet() {
    stop();
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
}

unsigned ShardSet::count() const {
    return static_cast<unsigned>(shards_.size());
}

std::string ShardSet::folder() const {
    return folder_;
}

unsigned ShardSet::next_shard() {
    if (run_++ == group) {
        run_ = 1;
        current_ = (current_ + 1) % count();
    }
    return current_;
}

void ShardSet::hand_over(Shard& shard) {
    if (shard.pending.empty()) return;
    std::vector<Op> ops = std::move(shard.pending);
    shard.pending = {};
    if (!shard.queue.push(std::move(ops))) {
        shard.rethrow_failure();
        throw DatabaseError("writing shard " + shard.path + ": the shard writer stopped");
    }
}

void ShardSet::send(unsigned shard, Op op) {
    Shard& s = *shards_.at(shard);
    s.pending.push_back(std::move(op));
    if (s.pending.size() >= group) hand_over(s);
}

void ShardSet::stop() {
    if (stopped_) return;
    stopped_ = true;
    for (auto& shard : shards_)
        shard->queue.close();
    for (auto& shard : shards_)
        if (shard->thread.joinable()) shard->thread.join();
}

void ShardSet::merge(const std::vector<std::pair<std::string, std::string>>& metadata) {
    for (auto& shard : shards_)
        hand_over(*shard);
    stop();
    for (auto& shard : shards_)
        shard->rethrow_failure();
    xapian_call("merging shards into " + target_, [&] {
        {
            Xapian::WritableDatabase first(shards_.front()->path,
                                           Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
            for (const auto& [key, value] : metadata)
                first.set_metadata(key, value);
            first.commit();
        }
        Xapian::Database all;
        for (const auto& shard : shards_)
            all.add_database(Xapian::Database(shard->path));
        all.compact(target_);
    });
}

} // namespace dateline
