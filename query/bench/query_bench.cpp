// dateline-query-bench: times searches (and measurements: a request with measurement options,
// query/measure/measure.h, is measured instead of searched) in-process (no process start, no
// printing), for scripts/bench-query. Reads JSON lines {"class": "...", ...a --batch request
// (batch.h)} and runs each request --rounds times against one open database after --warmup untimed
// rounds (the first query of the run is timed separately as "cold"). Writes one JSON line per
// request:
//   {"class", "query", "facets", "total", "ms": [wall, one per round], "cpu_ms": [thread CPU]}
// and a last line {"cold_ms": first search of the process, "open_ms": opening the database,
// "prepare_ms": prepare_for_many_searches (search.h), as --batch does before its first query}.
//   dateline-query-bench --db DIR [--rounds N] [--warmup N] QUERIES.jsonl
// Exit status: 0 done, 2 usage or a bad line, 3 database error.
#include "query/batch.h"
#include "query/database.h"
#include "query/errors.h"
#include "query/measure/measure.h"
#include "query/search.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

using namespace dateline::query;

// Runs the request as --batch would: a measurement when it asks for one, else a search; the
// number of matches.
Xapian::doccount run(Xapian::Database& db, const SearchRequest& request) {
    if (analysis_of(request.measure) != Analysis::none) return measure(db, request).total;
    return search(db, request).total;
}
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this thread in ms: unlike wall time, not inflated while other processes hold the
// CPU (the machine is shared).
double thread_cpu_ms() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Item {
    std::string klass;
    SearchRequest request;
};

int usage() {
    std::cerr << "usage: dateline-query-bench --db DIR [--rounds N] [--warmup N] QUERIES.jsonl\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    std::string db_path, queries_path;
    int rounds = 5, warmup = 1;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if ((arg == "--db" || arg == "--rounds" || arg == "--warmup") && i + 1 < argc) {
            std::string value = argv[++i];
            if (arg == "--db") db_path = value;
            if (arg == "--rounds") rounds = std::atoi(value.c_str());
            if (arg == "--warmup") warmup = std::atoi(value.c_str());
        } else if (queries_path.empty() && arg[0] != '-') {
            queries_path = arg;
        } else {
            return usage();
        }
    }
    if (db_path.empty() || queries_path.empty() || rounds < 1 || warmup < 0) return usage();

    try {
        SearchRequest defaults;
        defaults.snippet_length = 0;
        std::vector<Item> items;
        std::ifstream in(queries_path);
        if (!in) throw UsageError("cannot read " + queries_path);
        std::string line;
        for (std::size_t number = 1; std::getline(in, line); ++number) {
            if (line.empty()) continue;
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (!j.is_object() || !j.contains("class"))
                throw UsageError(queries_path + ":" + std::to_string(number) +
                                 ": expected a JSON object with a \"class\"");
            Item item;
            item.klass = j["class"].get<std::string>();
            j.erase("class");
            item.request = request_from_line(j.dump(), defaults);
            items.push_back(std::move(item));
        }

        auto opened = Clock::now();
        Xapian::Database db = open_database(db_path);
        const double open_ms = ms_since(opened);
        auto preparing = Clock::now();
        prepare_for_many_searches(db); // as --batch does
        const double prepare_ms = ms_since(preparing);

        double cold_ms = -1;
        for (int r = 0; r < warmup; ++r)
            for (const auto& item : items) {
                auto start = Clock::now();
                run(db, item.request);
                if (cold_ms < 0) cold_ms = ms_since(start);
            }
        std::vector<std::vector<double>> times(items.size()), cpu(items.size());
        std::vector<Xapian::doccount> totals(items.size());
        for (int r = 0; r < rounds; ++r)
            for (std::size_t i = 0; i < items.size(); ++i) {
                auto start = Clock::now();
                const double cpu_start = thread_cpu_ms();
                totals[i] = run(db, items[i].request);
                cpu[i].push_back(thread_cpu_ms() - cpu_start);
                times[i].push_back(ms_since(start));
                if (cold_ms < 0) cold_ms = times[i].back();
            }
        for (std::size_t i = 0; i < items.size(); ++i)
            std::cout << nlohmann::json{{"class", items[i].klass},
                                        {"query", items[i].request.query},
                                        {"facets", items[i].request.facets},
                                        {"total", totals[i]},
                                        {"ms", times[i]},
                                        {"cpu_ms", cpu[i]}}
                             .dump()
                      << '\n';
        std::cout << nlohmann::json{{"cold_ms", cold_ms},
                                    {"open_ms", open_ms},
                                    {"prepare_ms", prepare_ms}}
                         .dump()
                  << '\n';
        return 0;
    } catch (const Xapian::Error& e) {
        std::cerr << "dateline-query-bench: " << e.get_description() << '\n';
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "dateline-query-bench: " << e.what() << '\n';
        return static_cast<int>(exit_code_for(std::current_exception()));
    }
}
