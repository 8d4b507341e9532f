// dateline-serve: a Dateline database over HTTP (query/serve/API.md) and the web page at /.
//   dateline-serve [--db DIR] [--bind 127.0.0.1] [--port 8080] [--threads N] [--token-file FILE]
//                  [--public] [--cors ORIGIN] [--quiet]
// Exit codes: 0 stopped by SIGINT/SIGTERM (requests in flight finished), 2 usage error, 3 cannot
// listen. --db defaults to $DATELINE_DB.
#include "analyzers/version.h"
#include "query/database.h"
#include "query/errors.h"
#include "query/remote_cli.h"
#include "server.h"

#include <CLI/CLI.hpp>
#include <arpa/inet.h>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <pthread.h>
#include <string>
#include <thread>

namespace {

// Loopback addresses: 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(const std::string& host) {
    if (host == "localhost" || host == "::1" || host == "[::1]") return true;
    in_addr v4{};
    if (::inet_pton(AF_INET, host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    return false;
}

std::string read_token(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw dateline::query::UsageError("cannot read --token-file " + path);
    std::string token;
    std::getline(in, token);
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ' || token.back() == '\t'))
        token.pop_back();
    if (token.empty()) throw dateline::query::UsageError("--token-file " + path + " is empty");
    return token;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Serve a Dateline news archive over HTTP: the JSON API (query/serve/API.md) and "
                 "a web page for faceted browsing at /.",
                 "dateline-serve"};
    dateline::serve::ServerOptions options;
    std::string token_file;
    bool open_to_all = false;
    app.add_option("--db", options.db_path,
                   "The database directory, opened read-only (default: $DATELINE_DB)");
    app.set_version_flag("--version", [] {
        std::string text = dateline::version_text("dateline-serve");
        text.pop_back(); // CLI11 ends the text with its own newline
        return text;
    });
    app.add_option("--bind", options.bind,
                   "Address to listen on (default 127.0.0.1; another one needs --token-file or "
                   "--public)");
    app.add_option("--port", options.port, "Port (default 8080; 0 = a free one)")
        ->check(CLI::Range(0, 65535));
    app.add_option("--threads", options.threads,
                   "Search workers, each with its own database handle (default: the cores)");
    app.add_option("--token-file", token_file,
                   "Require \"Authorization: Bearer TOKEN\" on /api/, TOKEN being the file's "
                   "first line");
    app.add_flag("--public", open_to_all,
                 "Allow a non-loopback --bind without a token (anyone who reaches it can search)");
    app.add_option("--cors", options.cors_origin,
                   "Allow cross-origin requests from this origin (e.g. https://example.org)");
    app.add_option("--time-budget", options.time_budget,
                   "Seconds of matching a search may take before it is refused (default 5)")
        ->check(CLI::PositiveNumber);
    dateline::query::RemoteOptions remote;
    dateline::query::add_remote_options(app, remote);
    app.add_flag("--quiet", options.quiet, "No access log");
    try {
        app.parse(argc, argv);
        dateline::query::set_remote_options(remote);
        if (options.db_path.empty())
            if (const char* env = std::getenv("DATELINE_DB"); env && *env) options.db_path = env;
        if (options.db_path.empty())
            throw dateline::query::UsageError("no database: give --db DIR or set DATELINE_DB");
        if (!token_file.empty()) options.token = read_token(token_file);
        if (!is_loopback(options.bind) && options.token.empty() && !open_to_all)
            throw dateline::query::UsageError(
                "--bind " + options.bind +
                " is reachable from other machines: give --token-file FILE (or --public to "
                "serve without a token)");
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "dateline-serve: " << e.what() << "\nRun with --help for more information.\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "dateline-serve: " << e.what() << '\n';
        return 2;
    }

    // SIGINT and SIGTERM are taken by one thread (sigwait), which stops the server; every other
    // thread, started after this mask, never sees them.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    try {
        dateline::serve::Server server(options);
        const int port = server.bind();
        std::thread watcher([&] {
            int sig = 0;
            sigwait(&stop_signals, &sig);
            server.stop();
        });
        watcher.detach();
        const std::string host =
            options.bind.find(':') != std::string::npos && options.bind.front() != '['
                ? "[" + options.bind + "]"
                : options.bind;
        std::string articles;
        try {
            articles =
                std::to_string(dateline::query::open_database(options.db_path).get_doccount()) +
                " articles";
        } catch (const std::exception& e) { // answered with 503 until it can be opened
            articles = std::string("unavailable: ") + e.what();
        }
        std::cerr << "dateline-serve: listening on http://" << host << ':' << port << " ("
                  << options.db_path << ", " << articles << ", " << server.threads() << " threads"
                  << (options.token.empty() ? "" : ", token required") << ")\n"
                  << std::flush;
        server.serve();
        std::cerr << "dateline-serve: stopped\n";
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "dateline-serve: " << e.what() << '\n';
        return 3;
    }
}
