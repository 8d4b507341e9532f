#include "access_log.h"

#include <cstdio>
#include <ctime>

namespace dateline::serve {

std::string access_log_line(std::string_view remote, std::string_view request_line, int status,
                            long long bytes, std::chrono::system_clock::time_point when,
                            double milliseconds) {
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    ::gmtime_r(&t, &utc);
    char stamp[40];
    std::strftime(stamp, sizeof stamp, "%d/%b/%Y:%H:%M:%S +0000", &utc);
    std::string line(remote);
    line += " - - [";
    line += stamp;
    line += "] \"";
    for (char c : request_line) { // no raw quotes or control bytes from the client in the log
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\' || u < 0x20 || u == 0x7f) {
            char esc[5];
            std::snprintf(esc, sizeof esc, "\\x%02x", u);
            line += esc;
        } else {
            line += c;
        }
    }
    line += "\" " + std::to_string(status) + ' ' + (bytes < 0 ? "-" : std::to_string(bytes));
    char ms[32];
    std::snprintf(ms, sizeof ms, " %.1fms", milliseconds);
    line += ms;
    return line;
}

} // namespace dateline::serve
