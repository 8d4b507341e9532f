#include "pipeline.h"

#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>

#include "analyzers/schema.h"
#include "indexer/bounded_queue.h"
#include "indexer/convert.h"
#include "indexer/document_builder.h"

namespace dateline {

Processed process_item(const RawItem& item, const PipelineOptions& options, DocumentBuilder* builder) {
    Processed out;
    out.location = item.location();
    out.input = item.input;
    try {
        Article article = to_article(item, options.fields);
        analyze(article, options.analyze);
        if (builder) {
            out.document = builder->build(article);
            out.id_term = schema::id_term(article.id);
            out.content_hash = out.document.get_value(schema::slot::content_hash);
        }
        out.article = std::move(article);
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    return out;
}

struct Pipeline::State {
    PipelineOptions options;
    std::function<void(Processed&&)> consume;
    struct Job {
        std::uint64_t seq;
        RawItem item;
        std::function<void()> action;
    };
    BoundedQueue<Job> input;
    std::vector<std::thread> workers;
    std::thread writer;

    std::mutex mutex;
    std::condition_variable ready;        // a result arrived
    std::condition_variable room;         // the writer took a result
    std::map<std::uint64_t, Processed> done; // results waiting for their turn
    std::uint64_t submitted = 0, next_to_consume = 0;
    bool closing = false;
    std::exception_ptr failure;

    State(PipelineOptions o, std::function<void(Processed&&)> c)
        : options(std::move(o)), consume(std::move(c)), input(256) {}

    void work() {
        DocumentBuilder builder;
        while (auto job = input.pop()) {
            Processed result;
            if (job->action) result.action = std::move(job->action);
            else result = process_item(job->item, options, options.build_documents ? &builder : nullptr);
            std::unique_lock lock(mutex);
            // Keep the reorder buffer bounded: wait while this result is far ahead of the writer.
            room.wait(lock, [&] { return job->seq < next_to_consume + 1024 || failure; });
            done.emplace(job->seq, std::move(result));
            ready.notify_all();
        }
    }

    void write() {
        while (true) {
            std::unique_lock lock(mutex);
            ready.wait(lock, [&] { return done.contains(next_to_consume) || (closing && next_to_consume == submitted); });
            if (!done.contains(next_to_consume)) return;
            Processed result = std::move(done.at(next_to_consume));
            done.erase(next_to_consume);
            ++next_to_consume;
            room.notify_all();
            lock.unlock();
            try {
                if (failure) continue;
                if (result.action) result.action();
                else consume(std::move(result));
            } catch (...) {
                std::lock_guard guard(mutex);
                failure = std::current_exception();
                room.notify_all();
            }
        }
    }
};

Pipeline::Pipeline(PipelineOptions options, std::function<void(Processed&&)> consume)
    : state_(std::make_unique<State>(std::move(options), std::move(consume))) {
    unsigned jobs = std::max(1u, state_->options.jobs);
    for (unsigned i = 0; i < jobs; ++i) state_->workers.emplace_back([s = state_.get()] { s->work(); });
    state_->writer = std::thread([s = state_.get()] { s->write(); });
}

Pipeline::~Pipeline() {
    try {
        finish();
    } catch (...) {
    }
}

void Pipeline::submit(RawItem item) {
    std::uint64_t seq;
    {
        std::lock_guard lock(state_->mutex);
        if (state_->failure) std::rethrow_exception(state_->failure);
        seq = state_->submitted++;
    }
    state_->input.push({seq, std::move(item), {}});
}

void Pipeline::submit_action(std::function<void()> action) {
    std::uint64_t seq;
    {
        std::lock_guard lock(state_->mutex);
        if (state_->failure) std::rethrow_exception(state_->failure);
        seq = state_->submitted++;
    }
    state_->input.push({seq, RawItem{}, std::move(action)});
}

void Pipeline::finish() {
    if (!state_ || state_->workers.empty()) return;
    state_->input.close();
    for (auto& w : state_->workers) w.join();
    state_->workers.clear();
    {
        std::lock_guard lock(state_->mutex);
        state_->closing = true;
        state_->ready.notify_all();
    }
    state_->writer.join();
    if (state_->failure) std::rethrow_exception(state_->failure);
}

} // namespace dateline
