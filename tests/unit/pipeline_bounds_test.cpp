// Memory stays bounded whatever the archive size: BoundedQueue blocks its producers when full, and
// Pipeline::submit waits while max_bytes_in_flight bytes of items wait for a slow writer.
// The checks are upper bounds on what got through while the consumer is held: they hold however
// the threads are scheduled, and fail if the bound is not enforced.
#include "indexer/bounded_queue.h"
#include "indexer/pipeline.h"

#include <atomic>
#include <chrono>
#include <doctest/doctest.h>
#include <future>
#include <string>
#include <thread>
#include <vector>

using namespace dateline;
using namespace std::chrono_literals;

TEST_CASE("bounded queue: a full queue blocks push until a pop; close releases everyone") {
    BoundedQueue<int> queue(2);
    CHECK(queue.push(1));
    CHECK(queue.push(2));
    std::atomic<bool> third_in{false};
    std::thread producer([&] {
        queue.push(3);
        third_in = true;
    });
    std::this_thread::sleep_for(100ms);
    CHECK_FALSE(third_in.load()); // full: the producer waits
    CHECK(queue.pop() == 1);
    producer.join();
    CHECK(third_in.load());
    CHECK(queue.pop() == 2);
    CHECK(queue.pop() == 3);

    std::thread waiting([&] { CHECK(queue.pop() == std::nullopt); }); // empty: waits for close
    queue.close();
    waiting.join();
    CHECK_FALSE(queue.push(4)); // closed: refused
}

TEST_CASE("pipeline: submit waits while max_bytes_in_flight bytes wait for the writer") {
    constexpr std::size_t item_bytes = 1 << 20, items = 12;
    PipelineOptions options;
    options.jobs = 2;
    options.build_documents = false;
    options.max_article_bytes = 1000; // each item is refused at once: the test is about its bytes
    options.max_bytes_in_flight = 3 * item_bytes;

    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::vector<std::string> seen;
    std::atomic<std::size_t> submitted{0};
    Pipeline pipeline(options, [&](Processed&& p) {
        if (seen.empty()) released.wait(); // the writer is stuck on the first item
        seen.push_back(p.location);
    });
    std::thread producer([&] {
        for (std::size_t i = 0; i < items; ++i) {
            RawItem item;
            item.origin = "big.jsonl";
            item.record = std::to_string(i + 1);
            item.content = R"({"title":"t","body":")" + std::string(item_bytes, 'a') + R"("})";
            pipeline.submit(std::move(item));
            ++submitted;
        }
        pipeline.finish();
    });
    std::this_thread::sleep_for(300ms);
    // Each item is a chunk of its own (over 1 MiB); three are in flight, the fourth waits.
    CHECK(submitted.load() <= 3);
    CHECK(submitted.load() >= 1);
    release.set_value();
    producer.join();
    CHECK(submitted.load() == items);
    REQUIRE(seen.size() == items);
    CHECK(seen.front() == "big.jsonl:1");
    CHECK(seen.back() == "big.jsonl:12");
}
