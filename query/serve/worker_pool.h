// Search workers for dateline-serve: N threads, each with its own read-only Xapian::Database of
// one path (Xapian's handles count references without atomics and may not be shared between
// threads) and its own prepared facet index (query/facet_index.h keeps one per thread, rebuilt
// lazily when a commit makes a new revision). run() hands a job to the next free worker and
// waits for it; before each job the worker reopens its database at the newest revision, so an
// indexer's commits are visible to the next request.
//
// Trade-off: prepared indexes are kept per worker rather than shared. Sharing would need its
// lazily built parts and its Database handle guarded across threads on every search; per worker
// costs the index's memory N times (about 40 MB per worker at 500,000 articles, measured by
// scripts/bench-serve's peak RSS) and nothing on the hot path.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#include <xapian.h>

namespace dateline::serve {

class WorkerPool {
  public:
    using Job = std::function<void(Xapian::Database&)>;

    // Each worker opens its database when it starts (and, after a failure, at its next job);
    // `warm` runs right after every open, to build what later searches read (facet index parts,
    // completions) before a user waits for it. Its errors are ignored: the job that follows reports
    // them.
    WorkerPool(std::string db_path, unsigned threads, Job warm = {});
    ~WorkerPool(); // finishes queued jobs, then joins
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // Runs job on a worker with its database open at the newest revision; rethrows what the job
    // (or opening the database: DbError) threw.
    void run(const Job& job);

    unsigned threads() const { return static_cast<unsigned>(threads_.size()); }

  private:
    struct Task;
    void work();

    std::string db_path_;
    Job warm_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Task*> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

} // namespace dateline::serve
