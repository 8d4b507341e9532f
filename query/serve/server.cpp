#include "server.h"

#include "access_log.h"
#include "query/article_view.h"
#include "query/batch.h"
#include "query/completions.h"
#include "query/database.h"
#include "query/errors.h"
#include "query/export.h"
#include "query/facets.h"
#include "query/measure/measure.h"
#include "query/measure/network_files.h"
#include "query/measure/svg_plot.h"
#include "query/printer.h"
#include "query/printers/printers.h"
#include "query/request_options.h"
#include "query/search.h"
#include "query/stats.h"
#include "web_assets.h"
#include "worker_pool.h"

#include <httplib.h>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <streambuf>
#include <thread>

namespace dateline::serve {

namespace {

using query::SearchRequest;

// A request over one of the server's limits (413).
struct LimitError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The client went away while a stream was being written.
struct ClientGone : std::runtime_error {
    ClientGone() : std::runtime_error("the client closed the connection") {}
};

struct HttpError {
    int status;
    const char* code;
    std::string message;
};

HttpError http_error_for(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const query::QueryError& e) {
        return {400, "bad_query", e.what()};
    } catch (const query::NotFoundError& e) {
        return {404, "not_found", e.what()};
    } catch (const query::UsageError& e) {
        return {400, "bad_request", e.what()};
    } catch (const nlohmann::json::exception& e) {
        return {400, "bad_request", std::string("bad JSON: ") + e.what()};
    } catch (const LimitError& e) {
        return {413, "too_large", e.what()};
    } catch (const query::TimeBudgetError& e) {
        return {503, "over_time_budget", e.what()};
    } catch (const query::DbError& e) {
        return {503, "unavailable", e.what()};
    } catch (const Xapian::Error& e) {
        return {503, "unavailable", "database: " + e.get_description()};
    } catch (const std::exception& e) {
        return {500, "internal", e.what()};
    } catch (...) {
        return {500, "internal", "unknown error"};
    }
}

std::string error_body(const char* code, const std::string& message) {
    return query::json_shape::dump({{"error", {{"code", code}, {"message", message}}}}) + "\n";
}

void send_error(httplib::Response& res, int status, const char* code, const std::string& message) {
    res.status = status;
    res.set_content(error_body(code, message), "application/json; charset=utf-8");
}

void send_json(httplib::Response& res, const nlohmann::json& doc) {
    res.status = 200;
    res.set_content(query::json_shape::dump(doc) + "\n", "application/json; charset=utf-8");
}

// Buffers a stream's bytes into chunks of 64 KiB for an httplib DataSink: one chunk per write,
// not one per field. A failed write (the client left) throws ClientGone out of the printer.
class SinkBuffer final : public std::streambuf {
  public:
    explicit SinkBuffer(httplib::DataSink& sink) : sink_(sink), buffer_(64 * 1024) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }
    long long written() const { return written_; }

  protected:
    int_type overflow(int_type c) override {
        flush_buffer();
        if (c != traits_type::eof()) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override {
        flush_buffer();
        return 0;
    }

  private:
    void flush_buffer() {
        const auto n = static_cast<std::size_t>(pptr() - pbase());
        if (n > 0) {
            if (!sink_.write(pbase(), n)) throw ClientGone();
            written_ += static_cast<long long>(n);
        }
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }
    httplib::DataSink& sink_;
    std::vector<char> buffer_;
    long long written_ = 0;
};

void set_security_headers(httplib::Response& res) {
    if (res.has_header("Content-Security-Policy")) return;
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
}

// What the access logger needs of a request; set by the pre-routing handler on the thread that
// handles the request (httplib runs a request's routing, handler and logger on one thread).
//
// When the line is written: httplib's logger runs after the answer is on the wire, so a client's
// next request, on another connection thread, could log first. A whole answer is therefore logged
// by the post-routing handler, just before it is sent, and the lines of one client's requests come
// out in the order it made them; its milliseconds are the time to make the answer. A streamed
// answer (batch, export) is logged by the logger once it is sent, with the bytes it streamed.
struct RequestClock {
    std::chrono::steady_clock::time_point start;
    std::chrono::system_clock::time_point when;
    long long streamed = -1; // bytes of a streamed answer, when known
    bool set = false;        // false for a request httplib refused before routing it
    bool streaming = false;  // the answer is streamed: logged after it is sent
    bool logged = false;     // this request's line is written
};
thread_local RequestClock request_clock;

} // namespace

struct Server::Impl {
    ServerOptions options;
    WorkerPool pool;
    httplib::Server http;
    std::mutex log_mutex;

    explicit Impl(ServerOptions o)
        : options(std::move(o)),
          pool(options.db_path,
               options.threads ? options.threads
                               : std::max(1u, std::thread::hardware_concurrency()),
               warm) {}

    // Builds a worker's facet index parts and completion names once, when it opens its database,
    // so that no user's first request pays for them (about 0.2 s per worker on Reuters-21578).
    static void warm(Xapian::Database& db) {
        SearchRequest every;
        every.limit = 1;
        every.suggest_below = 0;
        for (const auto name : query::facet_names())
            every.facets.emplace_back(name);
        query::search(db, every);
        query::complete(db, "a", 1);
    }

    SearchRequest defaults() const {
        SearchRequest request;
        request.time_budget = options.time_budget;
        return request;
    }

    void check_limits(const SearchRequest& request) const {
        if (request.query.size() > options.max_query)
            throw LimitError("the query is " + std::to_string(request.query.size()) +
                             " bytes; at most " + std::to_string(options.max_query) +
                             " are accepted");
        if (request.limit > options.max_limit)
            throw LimitError("limit " + std::to_string(request.limit) + " is over " +
                             std::to_string(options.max_limit) +
                             " hits per page (GET /api/export streams every match)");
    }

    // The search request of a GET's query parameters over `base`; `skip` names parameters of
    // the endpoint itself (format).
    SearchRequest request_from_params(const httplib::Request& req, SearchRequest base,
                                      std::initializer_list<std::string_view> skip = {}) const {
        SearchRequest request = std::move(base);
        for (const auto& [name, value] : req.params) {
            if (std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
            query::add_request_option_text(request, name, value);
        }
        return request;
    }

    // The search request of a POST's JSON object body over the defaults.
    SearchRequest request_from_body(const httplib::Request& req) const {
        auto body = nlohmann::json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object())
            throw query::UsageError("the request body is not a JSON object");
        return query::request_from_json(body, defaults());
    }

    // The JSON error of API.md for what a request threw; a bug (500) is also logged.
    void send_exception(httplib::Response& res, const std::exception_ptr& error) {
        const HttpError e = http_error_for(error);
        if (e.status >= 500 && std::string_view(e.code) == "internal") {
            std::lock_guard lock(log_mutex);
            std::cerr << "dateline-serve: internal error: " << e.message << '\n';
        }
        send_error(res, e.status, e.code, e.message);
    }

    // Runs fn on a worker and answers whatever it throws with its JSON error. (What a handler
    // throws outside answer() reaches httplib's exception handler, which does the same.)
    template <class F> void answer(httplib::Response& res, F&& fn) {
        try {
            pool.run([&](Xapian::Database& db) { fn(db); });
        } catch (...) {
            send_exception(res, std::current_exception());
        }
    }

    void search(const SearchRequest& request, httplib::Response& res) {
        check_limits(request);
        answer(res, [&](Xapian::Database& db) {
            send_json(res, query::json_shape::search_document(query::search(db, request)));
        });
    }

    // A measurement (query/measure/measure.h): the analysis its options ask for, as JSON.
    void measure(const SearchRequest& request, httplib::Response& res) {
        check_limits(request);
        if (query::analysis_of(request.measure) == query::Analysis::none)
            throw query::UsageError("no measurement asked for: give normalize with timeline, "
                                    "compare, cooccur, significant or trending");
        answer(res, [&](Xapian::Database& db) {
            send_json(res, query::json_shape::measure_document(query::measure(db, request)));
        });
    }

    void routes();
    void log(const httplib::Request& req, const httplib::Response& res);
    httplib::Server::HandlerResponse before(const httplib::Request& req, httplib::Response& res);
};

httplib::Server::HandlerResponse Server::Impl::before(const httplib::Request& req,
                                                      httplib::Response& res) {
    request_clock = {
        std::chrono::steady_clock::now(), std::chrono::system_clock::now(), -1, true, false, false};
    set_security_headers(res);
    const bool api = req.path.rfind("/api/", 0) == 0;
    res.set_header("Cache-Control", api ? "no-store" : "no-cache");
    if (!options.cors_origin.empty()) {
        res.set_header("Access-Control-Allow-Origin", options.cors_origin);
        res.set_header("Vary", "Origin");
        if (req.method == "OPTIONS") {
            res.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type");
            res.status = 204;
            return httplib::Server::HandlerResponse::Handled;
        }
    }
    if (api && !options.token.empty()) {
        const std::string expected = "Bearer " + options.token;
        const std::string given = req.get_header_value("Authorization");
        // Constant-time comparison: the token's bytes do not leak through timing.
        unsigned char diff = given.size() == expected.size() ? 0 : 1;
        for (std::size_t i = 0; i < given.size() && i < expected.size(); ++i)
            diff |= static_cast<unsigned char>(given[i] ^ expected[i]);
        if (diff != 0) {
            res.set_header("WWW-Authenticate", "Bearer");
            send_error(res, 401, "unauthorized",
                       "this server needs a token: send \"Authorization: Bearer TOKEN\"");
            return httplib::Server::HandlerResponse::Handled;
        }
    }
    return httplib::Server::HandlerResponse::Unhandled;
}

void Server::Impl::log(const httplib::Request& req, const httplib::Response& res) {
    if (options.quiet) return;
    const bool refused = !request_clock.set; // before routing: a malformed or oversized line
    if (refused)
        request_clock = {std::chrono::steady_clock::now(),
                         std::chrono::system_clock::now(),
                         -1,
                         true,
                         false,
                         false};
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                request_clock.start)
                          .count();
    request_clock.set = false;
    request_clock.logged = true;
    const std::string target = req.target.empty() ? req.path : req.target;
    const std::string request_line =
        refused || req.method.empty() || target.empty() ||
                (req.version != "HTTP/1.0" && req.version != "HTTP/1.1")
            ? "-" // not a request line of HTTP/1.x: nothing of it is worth logging
            : req.method + " " + target + " " + req.version;
    const long long bytes = res.body.empty() && request_clock.streamed >= 0
                                ? request_clock.streamed
                                : static_cast<long long>(res.body.size());
    const std::string line =
        access_log_line(req.remote_addr.empty() ? "-" : req.remote_addr, request_line, res.status,
                        bytes, request_clock.when, ms);
    std::lock_guard lock(log_mutex);
    std::cout << line << '\n' << std::flush;
}

void Server::Impl::routes() {
    using httplib::Request;
    using httplib::Response;

    http.Get("/api/search", [this](const Request& req, Response& res) {
        search(request_from_params(req, defaults()), res);
    });
    http.Post("/api/search",
              [this](const Request& req, Response& res) { search(request_from_body(req), res); });
    http.Post("/api/batch", [this](const Request& req, Response& res) {
        auto lines = std::make_shared<std::vector<std::pair<std::size_t, std::string>>>();
        std::istringstream in(req.body);
        std::string line;
        for (std::size_t number = 1; std::getline(in, line); ++number) {
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            lines->emplace_back(number, line);
        }
        if (lines->size() > options.max_batch_lines) {
            send_error(res, 413, "too_large",
                       "the batch has " + std::to_string(lines->size()) + " requests; at most " +
                           std::to_string(options.max_batch_lines) + " are accepted");
            return;
        }
        request_clock.streaming = true;
        res.set_chunked_content_provider(
            "application/x-ndjson", [this, lines](std::size_t, httplib::DataSink& sink) {
                SinkBuffer buffer(sink);
                std::ostream out(&buffer);
                try {
                    pool.run([&](Xapian::Database& db) {
                        bool prepared = true; // the worker prepared its database already
                        const SearchRequest base = defaults();
                        for (const auto& [number, text] : *lines) {
                            query::BatchAnswer answer;
                            try {
                                SearchRequest probe = query::request_from_line(text, base);
                                check_limits(probe);
                                answer = query::answer_line(db, text, number, base, prepared);
                            } catch (const std::exception& e) {
                                const HttpError he = http_error_for(std::current_exception());
                                const int code = he.status == 503 ? 3 : 2;
                                answer = {code, query::json_shape::dump({{"line", number},
                                                                         {"error", e.what()},
                                                                         {"exit", code}})};
                            }
                            out << answer.json << '\n';
                            out.flush();
                        }
                    });
                } catch (...) { // the client left, or the database failed between lines
                }
                request_clock.streamed = buffer.written();
                sink.done();
                return true;
            });
    });
    http.Get("/api/timeline", [this](const Request& req, Response& res) {
        SearchRequest request = request_from_params(req, defaults());
        check_limits(request);
        if (request.measure.normalize) { // each bucket against its scope
            request.measure.timeline = true;
            return measure(request, res);
        }
        request.limit = 0;
        request.facets = {"date"};
        answer(res, [&](Xapian::Database& db) {
            std::ostringstream out;
            auto printer = query::make_printer(query::Format::json, out);
            query::render_timeline(query::search(db, request), *printer);
            res.set_content(out.str(), "application/json; charset=utf-8");
        });
    });
    http.Get("/api/measure", [this](const Request& req, Response& res) {
        measure(request_from_params(req, defaults()), res);
    });
    http.Post("/api/measure",
              [this](const Request& req, Response& res) { measure(request_from_body(req), res); });
    http.Get("/api/plot", [this](const Request& req, Response& res) {
        SearchRequest request = request_from_params(req, defaults());
        check_limits(request);
        const query::Analysis analysis = query::analysis_of(request.measure);
        const bool counts = analysis == query::Analysis::none && request.measure.timeline;
        if (counts) request.measure.normalize = true; // a plain timeline: counts drawn
        answer(res, [&](Xapian::Database& db) {
            res.set_content(query::plot_svg(query::measure(db, request), !counts),
                            "image/svg+xml; charset=utf-8");
        });
    });
    http.Get("/api/network", [this](const Request& req, Response& res) {
        SearchRequest request = request_from_params(req, defaults(), {"format"});
        check_limits(request);
        const std::string name = req.has_param("format") ? req.get_param_value("format") : "json";
        const query::NetworkFormat format = query::parse_network_format(name);
        answer(res, [&](Xapian::Database& db) {
            std::ostringstream out;
            query::write_network(out, query::cooccurrence_network(db, request), format);
            res.set_content(out.str(), format == query::NetworkFormat::json
                                           ? "application/json; charset=utf-8"
                                       : format == query::NetworkFormat::gexf
                                           ? "application/gexf+xml; charset=utf-8"
                                           : "application/graphml+xml; charset=utf-8");
        });
    });
    http.Get("/api/export", [this](const Request& req, Response& res) {
        for (const char* paging : {"limit", "offset"})
            if (req.has_param(paging))
                throw query::UsageError(std::string("export streams every match: no ") + paging);
        SearchRequest defaults_for_export = defaults();
        defaults_for_export.snippet_length = 0;
        SearchRequest request = request_from_params(req, defaults_for_export, {"format"});
        check_limits(request);
        const std::string format_name =
            req.has_param("format") ? req.get_param_value("format") : "jsonl";
        const query::Format format = query::parse_format(format_name);
        if (format != query::Format::csv && format != query::Format::jsonl)
            throw query::UsageError("unknown export format '" + format_name +
                                    "': expected csv or jsonl");
        // The first error (bad query, database) is answered as JSON before streaming starts:
        // a probe search of no hits parses and counts the query.
        SearchRequest probe = request;
        probe.limit = 0;
        probe.suggest_below = 0;
        answer(res, [&](Xapian::Database& db) { query::search(db, probe); });
        if (res.status != -1 && res.status != 200) return; // answered with its error
        res.set_header("Content-Disposition", format == query::Format::csv
                                                  ? "attachment; filename=\"dateline.csv\""
                                                  : "attachment; filename=\"dateline.jsonl\"");
        request_clock.streaming = true;
        res.set_chunked_content_provider(
            format == query::Format::csv ? "text/csv; charset=utf-8" : "application/x-ndjson",
            [this, request, format](std::size_t, httplib::DataSink& sink) {
                SinkBuffer buffer(sink);
                std::ostream out(&buffer);
                out.exceptions(std::ios::badbit);
                try {
                    pool.run([&](Xapian::Database& db) {
                        query::export_matches(db, request, format, out);
                    });
                } catch (...) { // the client left or the database failed: the stream ends
                    request_clock.streamed = buffer.written();
                    return false;
                }
                request_clock.streamed = buffer.written();
                sink.done();
                return true;
            });
    });
    http.Get(R"(/api/articles/(.+))", [this](const Request& req, Response& res) {
        const std::string id = req.matches[1];
        if (!req.params.empty()) {
            send_error(res, 400, "bad_request", "GET /api/articles/{id} takes no parameters");
            return;
        }
        answer(res, [&](Xapian::Database& db) { send_json(res, query::article_document(db, id)); });
    });
    http.Get("/api/stats", [this](const Request&, Response& res) {
        answer(res, [&](Xapian::Database& db) {
            std::ostringstream out;
            auto printer = query::make_printer(query::Format::json, out);
            printer->stats(query::collect_stats(db, options.db_path));
            res.set_content(out.str(), "application/json; charset=utf-8");
        });
    });
    http.Get("/api/suggest", [this](const Request& req, Response& res) {
        std::size_t limit = 10;
        for (const auto& [name, value] : req.params) {
            if (name == "limit") {
                if (value.empty() || value.size() > 3 ||
                    value.find_first_not_of("0123456789") != std::string::npos ||
                    std::stoul(value) > 100) {
                    send_error(res, 400, "bad_request",
                               "\"limit\" must be a whole number from 0 to 100");
                    return;
                }
                limit = std::stoul(value);
            } else if (name != "prefix") {
                send_error(res, 400, "bad_request",
                           "unknown parameter \"" + name + "\" (expected prefix, limit)");
                return;
            }
        }
        const std::string prefix = req.get_param_value("prefix");
        if (prefix.size() > 256) {
            send_error(res, 413, "too_large", "the prefix is over 256 bytes");
            return;
        }
        answer(res, [&](Xapian::Database& db) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& c : query::complete(db, prefix, limit))
                list.push_back({{"kind", c.kind},
                                {"label", c.label},
                                {"value", c.value},
                                {"count", c.count},
                                {"query", c.query}});
            send_json(res, {{"schema_version", query::output_schema_version},
                            {"prefix", prefix},
                            {"suggestions", std::move(list)}});
        });
    });
    http.Get("/api/health", [this](const Request&, Response& res) {
        answer(res, [&](Xapian::Database& db) {
            const auto revision = query::database_revision(options.db_path, db);
            send_json(res, {{"status", "ok"},
                            {"schema_version", query::output_schema_version},
                            {"articles", db.get_doccount()},
                            {"revision", revision ? nlohmann::json(*revision) : nullptr}});
        });
    });

    // What no route above took: static files, else 404 (unknown path) or 405 (known path, other
    // method).
    auto fallback = [](const Request& req, Response& res) {
        static const std::pair<std::string_view, std::string_view> known[] = {
            {"/api/search", "GET, POST"}, {"/api/batch", "POST"},        {"/api/timeline", "GET"},
            {"/api/export", "GET"},       {"/api/stats", "GET"},         {"/api/suggest", "GET"},
            {"/api/health", "GET"},       {"/api/measure", "GET, POST"}, {"/api/plot", "GET"},
            {"/api/network", "GET"}};
        for (const auto& [path, allow] : known)
            if (req.path == path) {
                res.set_header("Allow", std::string(allow));
                send_error(res, 405, "method_not_allowed",
                           req.method + " is not allowed on " + std::string(path) +
                               " (allowed: " + std::string(allow) + ")");
                return;
            }
        if (req.path.rfind("/api/articles/", 0) == 0 && req.path.size() > 14) {
            res.set_header("Allow", "GET");
            send_error(res, 405, "method_not_allowed", req.method + " is not allowed on articles");
            return;
        }
        if ((req.method == "GET" || req.method == "HEAD") && req.path.rfind("/api/", 0) != 0) {
            if (const WebAsset* asset = find_web_asset(req.path)) {
                res.set_content(std::string(asset->bytes), content_type_for(asset->path));
                return;
            }
        }
        send_error(res, 404, "not_found", "no such path: " + req.path);
    };
    http.Get(".*", fallback);
    http.Post(".*", fallback);
    http.Put(".*", fallback);
    http.Delete(".*", fallback);
    http.Patch(".*", fallback);
    http.Options(".*", fallback);
}

Server::Server(ServerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
    auto& http = impl_->http;
    const unsigned connections = std::max(32u, 4 * impl_->pool.threads());
    http.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
    http.set_payload_max_length(impl_->options.max_body);
    http.set_tcp_nodelay(true); // else Nagle and delayed ACKs add 40 ms to every answer
    http.set_keep_alive_max_count(1000);
    // Short waits: an idle or stalled connection holds one of the connection threads, and delays
    // a graceful stop, for at most this long.
    http.set_keep_alive_timeout(2);
    http.set_read_timeout(5);
    http.set_write_timeout(60);
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        return impl_->before(req, res);
    });
    http.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (!request_clock.streaming) impl_->log(req, res);
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        if (!request_clock.logged) impl_->log(req, res);
        request_clock = {}; // the next request on this thread starts clean
    });
    http.set_exception_handler(
        [this](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
            impl_->send_exception(res, error);
        });
    // Errors httplib answers itself (413 for a body over the limit, 400 for a malformed request)
    // get the JSON body of every other error.
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        set_security_headers(res);
        if (!res.body.empty()) return;
        const int status = res.status;
        const char* code = status == 413 || status == 414 ? "too_large"
                           : status == 404                ? "not_found"
                           : status == 405                ? "method_not_allowed"
                           : status >= 500                ? "internal"
                                                          : "bad_request";
        std::string message =
            status == 413   ? std::string("the request body is over 1 MiB")
            : status == 414 ? std::string("the request line is too long")
                            : std::string(status == 400 ? "malformed request" : "request refused");
        send_error(res, status, code, message);
        res.status = status;
    });
    impl_->routes();
}

Server::~Server() = default;

int Server::bind() {
    auto& o = impl_->options;
    int port = o.port;
    if (port == 0) {
        port = impl_->http.bind_to_any_port(o.bind);
        if (port < 0) throw std::runtime_error("cannot listen on " + o.bind + ": no free port");
    } else if (!impl_->http.bind_to_port(o.bind, port)) {
        throw std::runtime_error("cannot listen on " + o.bind + ":" + std::to_string(port) +
                                 " (in use, or not an address of this machine)");
    }
    return port;
}

void Server::serve() {
    impl_->http.listen_after_bind();
}

unsigned Server::threads() const {
    return impl_->pool.threads();
}

void Server::stop() {
    impl_->http.stop();
}

} // namespace dateline::serve
