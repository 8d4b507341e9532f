// dateline-serve's own parts (query/serve/): the access-log line and the embedded page. The
// worker pool and the server under many clients are in tests/concurrency/ (also run under
// ThreadSanitizer).
#include "query/serve/access_log.h"
#include "query/serve/web_assets.h"

#include <doctest/doctest.h>
#include <string>

using namespace dateline;

TEST_CASE("access-log lines are the common log format plus milliseconds") {
    const auto when = std::chrono::system_clock::from_time_t(1764662400); // 2025-12-02 08:00 UTC
    CHECK(serve::access_log_line("127.0.0.1", "GET /api/search?q=oil HTTP/1.1", 200, 5123, when,
                                 2.44) ==
          "127.0.0.1 - - [02/Dec/2025:08:00:00 +0000] \"GET /api/search?q=oil HTTP/1.1\" 200 "
          "5123 2.4ms");
    // Streamed answers have no known size; quotes and control bytes from the client are escaped.
    CHECK(serve::access_log_line("::1", "GET /\"x\n HTTP/1.1", 404, -1, when, 0.04) ==
          "::1 - - [02/Dec/2025:08:00:00 +0000] \"GET /\\x22x\\x0a HTTP/1.1\" 404 - 0.0ms");
}

TEST_CASE("the page is compiled in and found only by its exact paths") {
    const serve::WebAsset* index = serve::find_web_asset("/");
    REQUIRE(index != nullptr);
    CHECK(index->path == "/index.html");
    CHECK(index->bytes.find("<html") != std::string_view::npos);
    CHECK(serve::find_web_asset("/app.js") != nullptr);
    CHECK(serve::find_web_asset("/../app.js") == nullptr);
    CHECK(serve::find_web_asset("/etc/passwd") == nullptr);
    CHECK(std::string(serve::content_type_for("/app.js")).rfind("text/javascript", 0) == 0);
    CHECK(std::string(serve::content_type_for("/")).rfind("text/html", 0) == 0);
}
