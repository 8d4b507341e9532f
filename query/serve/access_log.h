// One access-log line per request: the common log format plus the milliseconds it took,
//   127.0.0.1 - - [02/Dec/2026:08:00:00 +0000] "GET /api/search?q=oil HTTP/1.1" 200 5123 2.4ms
// (bytes "-" when unknown; the client "-" and the request line "-" for a request httplib refused
// before reading it: a malformed or oversized request line).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace dateline::serve {

std::string access_log_line(std::string_view remote, std::string_view request_line, int status,
                            long long bytes, std::chrono::system_clock::time_point when,
                            double milliseconds);

} // namespace dateline::serve
