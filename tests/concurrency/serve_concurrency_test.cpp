// Concurrency in dateline-serve: the worker pool under many callers, and the real server over
// loopback under many clients at once, each answer equal to the same request answered alone.
// Built and run a second time under ThreadSanitizer by scripts/test (build-tsan/).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "../unit/query_fixture.h"
#include "query/errors.h"
#include "query/search.h"
#include "query/serve/server.h"
#include "query/serve/worker_pool.h"

#include <atomic>
#include <doctest/doctest.h>
#include <httplib.h>
#include <map>
#include <string>
#include <thread>
#include <vector>

using namespace dateline;
using namespace dateline::query;

TEST_CASE("the worker pool answers many callers at once, each worker with its own database") {
    testing::TempDir dir("serve-pool");
    auto articles = testing::sample_articles();
    auto writer = testing::make_disk_database(dir.path("db"), articles);
    serve::WorkerPool pool(dir.path("db"), 3);
    CHECK(pool.threads() == 3);

    std::atomic<int> wrong{0};
    std::vector<std::thread> callers;
    for (int t = 0; t < 8; ++t)
        callers.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                pool.run([&](Xapian::Database& db) {
                    SearchRequest r;
                    r.query = (t + i) % 2 ? "grain" : "oil";
                    r.facets = {"source", "tag"};
                    const auto result = search(db, r);
                    if (result.total != ((t + i) % 2 ? 2u : 1u)) ++wrong;
                });
            }
        });
    for (auto& c : callers)
        c.join();
    CHECK(wrong == 0);

    // A job's exception reaches its caller; the pool keeps serving.
    CHECK_THROWS_WITH_AS(pool.run([](Xapian::Database&) { throw UsageError("bad"); }), "bad",
                         UsageError);
    // A commit is seen by the next job without a restart.
    writer.replace_document(schema::id_term("late-1"),
                            testing::document_for(testing::article(
                                "late-1", "AP", "ap", "2022-01-01", "Late wheat", "Wheat.", {})));
    writer.commit();
    for (int i = 0; i < 3; ++i) // every worker
        pool.run([](Xapian::Database& db) { CHECK(db.get_doccount() == 7); });
}

TEST_CASE("the worker pool reports a database that cannot be opened, and recovers later") {
    testing::TempDir dir("serve-missing");
    serve::WorkerPool pool(dir.path("db"), 1);
    CHECK_THROWS_AS(pool.run([](Xapian::Database&) {}), DbError);
    auto writer = testing::make_disk_database(dir.path("db"), testing::sample_articles());
    pool.run([](Xapian::Database& db) { CHECK(db.get_doccount() == 6); });
}

TEST_CASE("the server answers 8 clients at once exactly as it answers each alone") {
    testing::TempDir dir("serve-clients");
    auto writer = testing::make_disk_database(dir.path("db"), testing::sample_articles());
    serve::ServerOptions options;
    options.db_path = dir.path("db");
    options.port = 0;
    options.threads = 2;
    options.quiet = true;
    serve::Server server(options);
    const int port = server.bind();
    std::thread serving([&] { server.serve(); });

    const std::vector<std::string> paths = {
        "/api/search?q=grain&facet=source,tag,date",
        "/api/search?q=wheat+OR+oil&sort=newest&facet=lang",
        "/api/search?q=&facet=person,place&filter=-source:reuters",
        "/api/search?q=%22unbalanced",
        "/api/suggest?prefix=put",
        "/api/articles/grain-1",
        "/api/articles/nothing-here",
        "/api/timeline?q=grain",
        "/api/export?q=grain&format=csv",
        "/api/stats",
    };
    std::map<std::string, std::pair<int, std::string>> alone;
    {
        httplib::Client client("127.0.0.1", port);
        for (const auto& path : paths) {
            auto res = client.Get(path);
            REQUIRE(res);
            alone[path] = {res->status, res->body};
        }
    }
    CHECK(alone["/api/articles/nothing-here"].first == 404);
    CHECK(alone["/api/search?q=grain&facet=source,tag,date"].first == 200);

    std::atomic<int> differing{0}, failed{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c)
        clients.emplace_back([&, c] {
            httplib::Client client("127.0.0.1", port);
            for (int i = 0; i < 30; ++i) {
                const auto& path = paths[static_cast<std::size_t>(c * 7 + i) % paths.size()];
                auto res = client.Get(path);
                if (!res)
                    ++failed;
                else if (res->status != alone[path].first || res->body != alone[path].second)
                    ++differing;
            }
        });
    for (auto& c : clients)
        c.join();
    server.stop();
    serving.join();
    CHECK(failed == 0);
    CHECK(differing == 0);
}
