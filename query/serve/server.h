// dateline-serve's HTTP front end: routes (query/serve/API.md), the embedded page, limits, access
// control and the access log. Every answer is built by the query library (search, printers,
// article_view, completions, export) on a WorkerPool worker; this layer only turns HTTP requests
// into SearchRequests (request_options.h) and exceptions into HTTP errors:
//   QueryError 400 bad_query · UsageError 400 bad_request · NotFoundError 404 not_found ·
//   LimitError 413 too_large · TimeBudgetError 503 over_time_budget · DbError and Xapian errors
//   503 unavailable · anything else 500 internal (a bug; logged).
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace dateline::serve {

struct ServerOptions {
    std::string db_path;
    std::string bind = "127.0.0.1";
    int port = 8080;      // 0: a free port
    unsigned threads = 0; // search workers; 0 = the cores
    std::string token;    // required as "Authorization: Bearer TOKEN" when not empty
    std::string cors_origin;
    bool quiet = false;       // no access log
    double time_budget = 5.0; // seconds of matching per search
    std::size_t max_body = 1 << 20;
    std::size_t max_query = 4096;
    std::size_t max_limit = 1000;
    std::size_t max_batch_lines = 1000;
};

class Server {
  public:
    explicit Server(ServerOptions options);
    ~Server();

    // Binds; returns the port (the free one chosen for port 0). Throws std::runtime_error.
    int bind();
    // Serves until stop(); requests in flight finish first.
    void serve();
    // Safe from another thread (the signal watcher).
    void stop();
    unsigned threads() const; // search workers

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace dateline::serve
