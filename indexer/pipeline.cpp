#include "pipeline.h"

#include "analyzers/schema.h"
#include "indexer/bounded_queue.h"
#include "indexer/convert.h"
#include "indexer/document_builder.h"

#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>

namespace dateline {

Processed process_item(const RawItem& item, const PipelineOptions& options,
                       DocumentBuilder* builder) {
    Processed out;
    out.location = item.location();
    out.input = item.input;
    try {
        Article article = to_article(item, options.fields, options.max_article_bytes);
        analyze(article, options.analyze);
        if (builder) {
            out.document = builder->build(article);
            out.id_term = schema::id_term(article.id);
            out.content_hash = out.document.get_value(schema::slot::content_hash);
            out.spelling = spelling_words(out.document);
        }
        out.article = std::move(article);
    } catch (const std::exception& e) {
        out.error = e.what();
    }
    return out;
}

// Items travel in chunks (a few dozen items, or about a megabyte of content): one queue hand-off
// and one wake-up per chunk, not per item. Chunks keep their order through the reorder buffer.
struct Pipeline::State {
    static constexpr std::size_t chunk_items = 64;
    static constexpr std::size_t chunk_bytes = 1 << 20;

    struct Element {
        RawItem item;
        std::function<void()> action;
    };
    struct Job {
        std::uint64_t seq;
        std::vector<Element> elements;
    };

    PipelineOptions options;
    std::function<void(Processed&&)> consume;
    const std::uint64_t window; // chunks a worker may run ahead of the writer
    BoundedQueue<Job> input;
    std::vector<std::thread> workers;
    std::thread writer;

    // The chunk being filled by the submitting thread.
    std::vector<Element> filling;
    std::size_t filling_bytes = 0;

    std::mutex mutex;
    std::condition_variable ready;                        // the writer's next chunk arrived
    std::condition_variable room;                         // the writer took a chunk
    std::condition_variable drained;                      // the writer consumed a chunk's bytes
    std::map<std::uint64_t, std::vector<Processed>> done; // chunks waiting for their turn
    std::uint64_t submitted = 0, next_to_consume = 0;
    std::size_t bytes_in_flight = 0; // content bytes of chunks submitted and not yet consumed
    bool closing = false;
    std::exception_ptr failure;

    State(PipelineOptions o, std::function<void(Processed&&)> c)
        : options(std::move(o)), consume(std::move(c)), window(4 * std::max(1u, options.jobs) + 4),
          input(2 * std::max(1u, options.jobs) + 2) {}

    void work() {
        DocumentBuilder builder;
        while (auto job = input.pop()) {
            std::vector<Processed> results;
            results.reserve(job->elements.size());
            for (auto& element : job->elements) {
                if (element.action) {
                    Processed result;
                    result.action = std::move(element.action);
                    results.push_back(std::move(result));
                } else {
                    results.push_back(process_item(element.item, options,
                                                   options.build_documents ? &builder : nullptr));
                    results.back().weight = element.item.content.size();
                }
            }
            std::unique_lock lock(mutex);
            // Keep the reorder buffer bounded: wait while this chunk is far ahead of the writer.
            room.wait(lock, [&] { return job->seq < next_to_consume + window || failure; });
            done.emplace(job->seq, std::move(results));
            if (job->seq == next_to_consume) ready.notify_one();
        }
    }

    void write() {
        while (true) {
            std::vector<Processed> results;
            {
                std::unique_lock lock(mutex);
                ready.wait(lock, [&] {
                    return done.contains(next_to_consume) ||
                           (closing && next_to_consume == submitted);
                });
                auto it = done.find(next_to_consume);
                if (it == done.end()) return;
                results = std::move(it->second);
                done.erase(it);
                ++next_to_consume;
                room.notify_all();
            }
            std::size_t bytes = 0;
            for (auto& result : results) {
                bytes += result.weight;
                try {
                    if (failure) continue;
                    if (result.action)
                        result.action();
                    else
                        consume(std::move(result));
                } catch (...) {
                    std::lock_guard guard(mutex);
                    failure = std::current_exception();
                    room.notify_all();
                }
            }
            std::lock_guard lock(mutex);
            bytes_in_flight -= bytes;
            drained.notify_all();
        }
    }

    // Sends the chunk being filled to the workers; waits while options.max_bytes_in_flight would
    // be exceeded (a chunk is always let in when nothing else is in flight).
    void flush() {
        if (filling.empty()) return;
        std::uint64_t seq;
        {
            std::unique_lock lock(mutex);
            drained.wait(lock, [&] {
                return failure || bytes_in_flight == 0 ||
                       bytes_in_flight + filling_bytes <= options.max_bytes_in_flight;
            });
            if (failure) std::rethrow_exception(failure);
            seq = submitted++;
            bytes_in_flight += filling_bytes;
        }
        input.push({seq, std::move(filling)});
        filling = {};
        filling_bytes = 0;
    }

    void add(Element element) {
        filling_bytes += element.item.content.size();
        filling.push_back(std::move(element));
        if (filling.size() >= chunk_items || filling_bytes >= chunk_bytes) flush();
    }
};

Pipeline::Pipeline(PipelineOptions options, std::function<void(Processed&&)> consume)
    : state_(std::make_unique<State>(std::move(options), std::move(consume))) {
    unsigned jobs = std::max(1u, state_->options.jobs);
    for (unsigned i = 0; i < jobs; ++i)
        state_->workers.emplace_back([s = state_.get()] { s->work(); });
    state_->writer = std::thread([s = state_.get()] { s->write(); });
}

Pipeline::~Pipeline() {
    try {
        finish();
    } catch (...) {
    }
}

void Pipeline::submit(RawItem item) {
    state_->add({std::move(item), {}});
}

void Pipeline::submit_action(std::function<void()> action) {
    state_->add({RawItem{}, std::move(action)});
}

void Pipeline::finish() {
    if (!state_ || state_->workers.empty()) return;
    try {
        state_->flush();
    } catch (...) {
        // A failure is rethrown below, once every thread has stopped.
    }
    state_->input.close();
    for (auto& w : state_->workers)
        w.join();
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
