// dateline-parse-bench: times parsing a query and building its Xapian::Query (QueryBuilder::parse:
// the query tree, then the query) in-process, for scripts/bench-parse, with Xapian::QueryParser
// (configured like the old parser: stemmer, STEM_SOME, stopwords, default AND, the free-text
// fields; boolean fields as plain prefixes) parsing the same texts as the peer of the same run.
// Reads one query a line; prints {"query", "tree_us", "xapian_us"} per query (medians of
// --rounds rounds, thread CPU time) and a last line {"median_tree_us", "median_xapian_us"}.
//   dateline-parse-bench --db DIR [--rounds N] QUERIES.txt
#include "analyzers/schema.h"
#include "analyzers/stemmer.h"
#include "analyzers/stopwords.h"
#include "query/database.h"
#include "query/query_parser.h"

#include <algorithm>
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

using namespace dateline;

double thread_cpu_us() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    std::string db_path, file;
    int rounds = 200;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--db" && i + 1 < argc)
            db_path = argv[++i];
        else if (a == "--rounds" && i + 1 < argc)
            rounds = std::max(1, std::atoi(argv[++i]));
        else
            file = a;
    }
    std::ifstream in(file);
    if (db_path.empty() || !in) {
        std::cerr << "usage: dateline-parse-bench --db DIR [--rounds N] QUERIES.txt\n";
        return 2;
    }
    const Xapian::Database db = query::open_database(db_path);
    query::QueryBuilder builder(db, query::QueryOptions{});
    Xapian::QueryParser peer;
    peer.set_database(db);
    peer.set_stemmer(stemming::make_stem("en"));
    peer.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    peer.set_stopper(stopwords::make_stopper("en")->release());
    peer.set_default_op(Xapian::Query::OP_AND);
    for (const auto& f : schema::fields()) {
        if (f.kind == schema::Field::Kind::free_text)
            peer.add_prefix(std::string(f.name), std::string(f.prefix));
        else
            peer.add_boolean_prefix(std::string(f.name), std::string(f.prefix));
    }
    peer.add_boolean_prefix(std::string(schema::date_field), std::string(schema::prefix::day));
    constexpr unsigned flags =
        Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
        Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
        Xapian::QueryParser::FLAG_PURE_NOT;

    std::vector<double> all_tree, all_peer;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        std::vector<double> tree_us, peer_us;
        for (int r = 0; r < rounds; ++r) {
            double t0 = thread_cpu_us();
            Xapian::Query q = builder.parse(line);
            double t1 = thread_cpu_us();
            Xapian::Query p = peer.parse_query(line, flags);
            double t2 = thread_cpu_us();
            tree_us.push_back(t1 - t0);
            peer_us.push_back(t2 - t1);
        }
        all_tree.push_back(median(tree_us));
        all_peer.push_back(median(peer_us));
        std::cout << nlohmann::json{{"query", line},
                                    {"tree_us", all_tree.back()},
                                    {"xapian_us", all_peer.back()}}
                         .dump()
                  << '\n';
    }
    std::cout << nlohmann::json{{"median_tree_us", median(all_tree)},
                                {"median_xapian_us", median(all_peer)}}
                     .dump()
              << '\n';
    return 0;
}
