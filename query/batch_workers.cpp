#include "batch_workers.h"

#include "analyzers/text.h"
#include "batch.h"
#include "database.h"
#include "errors.h"
#include "printers/printers.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <istream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <vector>

namespace dateline::query {

namespace {

// The pipes carry one message a line: "NUMBER\tQUERY LINE" to a worker, "CODE\tJSON" back. Batch
// lines come from std::getline and JSON is written on one line, so neither holds a newline.

// Reads one line (without its newline) from f; false at the end.
bool read_message(std::FILE* f, std::string& message) {
    message.clear();
    char* buffer = nullptr;
    std::size_t capacity = 0;
    const ssize_t n = ::getline(&buffer, &capacity, f);
    if (n > 0) message.assign(buffer, static_cast<std::size_t>(n));
    std::free(buffer);
    if (n <= 0) return false;
    if (message.back() == '\n') message.pop_back();
    return true;
}

bool write_message(std::FILE* f, std::string_view head, std::string_view body) {
    return std::fwrite(head.data(), 1, head.size(), f) == head.size() &&
           std::fputc('\t', f) != EOF &&
           std::fwrite(body.data(), 1, body.size(), f) == body.size() &&
           std::fputc('\n', f) != EOF && std::fflush(f) == 0;
}

// The worker: answers the lines it is dealt until its input ends, then exits.
[[noreturn]] void worker_main(const std::string& db_path, int in_fd, int out_fd,
                              const SearchRequest& defaults) {
    int status = 0;
    std::FILE* in = ::fdopen(in_fd, "r");
    std::FILE* out = ::fdopen(out_fd, "w");
    try {
        if (!in || !out) throw std::system_error(errno, std::generic_category(), "fdopen");
        Xapian::Database db = open_database(db_path);
        bool prepared = false;
        std::string message;
        while (read_message(in, message)) {
            const auto tab = message.find('\t');
            const std::size_t number = std::stoul(message.substr(0, tab));
            const std::string_view line = tab == std::string::npos
                                              ? std::string_view()
                                              : std::string_view(message).substr(tab + 1);
            const BatchAnswer answer = answer_line(db, line, number, defaults, prepared);
            if (!write_message(out, std::to_string(answer.code), answer.json)) break;
        }
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "dateline-query: batch worker: %s\n", e.get_description().c_str());
        status = static_cast<int>(ExitCode::database);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dateline-query: batch worker: %s\n", e.what());
        status = static_cast<int>(ExitCode::database);
    }
    if (out) std::fflush(out);
    ::_exit(status); // no atexit handlers or static destructors of the parent's copy
}

struct Worker {
    pid_t pid = -1;
    std::FILE* to = nullptr;   // lines to answer
    std::FILE* from = nullptr; // answers
};

std::string death_of(pid_t pid) {
    int status = 0;
    if (::waitpid(pid, &status, 0) < 0) return "lost";
    if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
    if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        return "exited with status " + std::to_string(WEXITSTATUS(status));
    return {};
}

} // namespace

int run_batch_workers(const std::string& db_path, std::istream& in, std::ostream& out,
                      const SearchRequest& defaults, unsigned jobs) {
    out.flush();
    std::fflush(nullptr); // nothing buffered may be written twice by the children
    // A worker that died makes writes to it fail (EPIPE) instead of killing this process.
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    struct sigaction before {};
    ::sigaction(SIGPIPE, &ignore, &before);

    std::vector<Worker> workers;
    for (unsigned j = 0; j < jobs; ++j) {
        int down[2], up[2];
        if (::pipe(down) != 0 || ::pipe(up) != 0)
            throw std::system_error(errno, std::generic_category(), "batch workers: pipe");
        const pid_t pid = ::fork();
        if (pid < 0) throw std::system_error(errno, std::generic_category(), "batch workers: fork");
        if (pid == 0) {
            for (const auto& w : workers) { // the other workers' pipes are not this one's
                ::close(::fileno(w.to));
                ::close(::fileno(w.from));
            }
            ::close(down[1]);
            ::close(up[0]);
            ::sigaction(SIGPIPE, &before, nullptr);
            worker_main(db_path, down[0], up[1], defaults);
        }
        ::close(down[0]);
        ::close(up[1]);
        workers.push_back({pid, ::fdopen(down[1], "w"), ::fdopen(up[0], "r")});
    }

    // The dealer: line after line to the next worker, then the end of input to all.
    std::mutex numbers_mutex;
    std::vector<std::size_t> numbers; // the input line number of each dealt line
    std::thread dealer([&] {
        std::string line;
        for (std::size_t number = 1; std::getline(in, line); ++number) {
            if (text::trim(line).empty()) continue;
            std::size_t index;
            {
                std::lock_guard lock(numbers_mutex);
                index = numbers.size();
                numbers.push_back(number);
            }
            if (!write_message(workers[index % workers.size()].to, std::to_string(number), line))
                break; // that worker died: the reader reports it
        }
        for (auto& w : workers)
            std::fclose(w.to);
    });

    // The reader: answers in the order of the lines, from the workers in turn.
    int worst = 0;
    std::string message;
    for (std::size_t i = 0;; ++i) {
        Worker& w = workers[i % workers.size()];
        if (read_message(w.from, message)) {
            const auto tab = message.find('\t');
            worst = std::max(worst, std::atoi(message.substr(0, tab).c_str()));
            out << (tab == std::string::npos ? std::string_view()
                                             : std::string_view(message).substr(tab + 1))
                << '\n';
            out.flush();
            continue;
        }
        // This worker's answers ended: it was dealt no more lines (the end), or it died.
        const std::string death = death_of(w.pid);
        w.pid = -1;
        if (death.empty()) break;
        std::size_t number = 0;
        {
            std::lock_guard lock(numbers_mutex);
            if (i < numbers.size()) number = numbers[i];
        }
        nlohmann::json doc = {{"error", "batch worker " + death}, {"exit", 3}};
        if (number) doc["line"] = number;
        out << json_shape::dump(doc) << '\n';
        out.flush();
        worst = static_cast<int>(ExitCode::database);
        for (const auto& other : workers)
            if (other.pid > 0) ::kill(other.pid, SIGTERM);
        break;
    }
    dealer.join();
    for (auto& w : workers) {
        if (w.pid > 0) {
            const std::string death = death_of(w.pid);
            if (!death.empty()) worst = static_cast<int>(ExitCode::database);
        }
        std::fclose(w.from);
    }
    ::sigaction(SIGPIPE, &before, nullptr);
    return worst;
}

} // namespace dateline::query
