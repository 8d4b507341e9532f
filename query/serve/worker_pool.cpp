#include "worker_pool.h"

#include "query/database.h"
#include "query/search.h"

#include <exception>
#include <optional>

namespace dateline::serve {

struct WorkerPool::Task {
    const Job* job = nullptr;
    std::exception_ptr error;
    bool done = false;
    std::condition_variable finished;
};

WorkerPool::WorkerPool(std::string db_path, unsigned threads, Job warm)
    : db_path_(std::move(db_path)), warm_(std::move(warm)) {
    if (threads == 0) threads = 1;
    for (unsigned i = 0; i < threads; ++i)
        threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_)
        t.join();
}

void WorkerPool::run(const Job& job) {
    Task task;
    task.job = &job;
    std::unique_lock lock(mutex_);
    queue_.push_back(&task);
    ready_.notify_one();
    task.finished.wait(lock, [&] { return task.done; });
    if (task.error) std::rethrow_exception(task.error);
}

void WorkerPool::work() {
    std::optional<Xapian::Database> db; // opened now, else at a job (again after a failure)
    auto open = [&] {
        db = query::open_database(db_path_);
        query::prepare_for_many_searches(*db);
        if (warm_) {
            try {
                warm_(*db);
            } catch (...) {
            }
        }
    };
    try {
        open(); // before the first request, so that no user waits for it
    } catch (...) {
        db.reset(); // reported by the first job, which tries again
    }
    for (;;) {
        Task* task = nullptr;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return; // stopping, nothing left
            task = queue_.front();
            queue_.pop_front();
        }
        std::exception_ptr error;
        try {
            if (!db) {
                open();
            } else {
                query::reopen_latest(*db);
            }
            (*task->job)(*db);
        } catch (...) {
            error = std::current_exception();
            try {
                throw;
            } catch (const query::DbError&) {
                db.reset(); // open afresh next time (the database may have been replaced)
            } catch (const Xapian::Error&) {
                db.reset();
            } catch (...) {
            }
        }
        std::lock_guard lock(mutex_);   // notified under the lock: the task lives on run()'s stack
        task->error = std::move(error); // the caller alone owns the exception from here
        task->done = true;
        task->finished.notify_one();
    }
}

} // namespace dateline::serve
