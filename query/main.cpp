// dateline-query: search a Dateline database. Command line only; the work is in the library.
//   dateline-query [--db DIR] [options] QUERY...   (--db defaults to $DATELINE_DB)
// Exit codes: 0 results, 1 no results, 2 usage or query error, 3 database error.
#include "analyzers/version.h"
#include "batch.h"
#include "batch_workers.h"
#include "database.h"
#include "errors.h"
#include "measure/measure.h"
#include "measure/network_files.h"
#include "measure/svg_plot.h"
#include "printer.h"
#include "printers/printers.h"
#include "query_json.h"
#include "remote_cli.h"
#include "request_options.h"
#include "search.h"
#include "stats.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <sys/ioctl.h>
#include <thread>
#include <unistd.h>
#include <vector>
#include <xapian.h>

namespace {

using namespace dateline::query;

std::size_t terminal_width() {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (const char* columns = std::getenv("COLUMNS")) {
        long n = std::strtol(columns, nullptr, 10);
        if (n > 0) return static_cast<std::size_t>(n);
    }
    return 100;
}

bool use_color(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return ::isatty(STDOUT_FILENO) && !(no_color && *no_color) &&
           !(term && std::string(term) == "dumb");
}

// --query-json's TEXT, or the contents of @FILE (@- is standard input).
std::string read_query_json(const std::string& value) {
    if (!value.starts_with("@")) return value;
    const std::string path = value.substr(1);
    std::ifstream file;
    if (path != "-") {
        file.open(path, std::ios::binary);
        if (!file) throw UsageError("cannot read --query-json file " + path);
    }
    std::istream& in = path == "-" ? std::cin : file;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw UsageError("cannot read --query-json file " + path);
    return text;
}

int fail(const std::string& message, const std::exception_ptr& error) {
    std::cerr << "dateline-query: " << message << '\n';
    return static_cast<int>(exit_code_for(error));
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"Search a Dateline news archive.\n\n"
                 "Query language: words (all must match), \"phrases\", AND OR NOT, +word -word,\n"
                 "NEAR, wild*cards, fields title: author: source: site: tag: person: org:\n"
                 "place: lang: id:, and dates date:1987, date:1987-03, date:1987-03-17,\n"
                 "date:1987-03-01..1987-03-31, date:1987-03.., date:..1987 (inclusive).\n"
                 "Put -- before a query that starts with '-'.",
                 "dateline-query"};
    std::string db_path;
    std::vector<std::string> words;
    std::string sort, format = "table", bucket = "auto", color = "auto";
    std::vector<std::string> facets;
    SearchRequest request;
    std::size_t facet_limit = 10;
    bool show_stats = false, timeline = false;
    std::string facet_type, batch_file, recency, now;
    std::string significant, window, baseline, network_file, plot_file;
    unsigned batch_jobs = 0;

    app.add_option("--db", db_path, "The database directory (default: $DATELINE_DB)");
    app.set_version_flag("--version", [] {
        std::string text = dateline::version_text("dateline-query");
        text.pop_back(); // CLI11 ends the text with its own newline
        return text;
    });
    app.add_option("query", words, "The query (words are joined with spaces)");
    app.add_option("--lang", request.query_options.language,
                   "Language of the query: stemming and stopwords (default: each word in the "
                   "archive's languages its script allows)");
    app.add_option("--sort", sort,
                   "relevance, newest or oldest (default relevance; newest for a query of "
                   "filters only)");
    app.add_option("--limit", request.limit, "Hits to show (default 10)");
    app.add_option("--offset", request.offset, "Hits to skip (default 0)");
    app.add_option("--facet", facets,
                   "Count matches by source, tag, date, lang, person, org, "
                   "place or site (repeatable)")
        ->delimiter(',')
        ->allow_extra_args(false);
    app.add_option("--facet-limit", facet_limit, "Values per facet (default 10, 0 = all)");
    app.add_option("--facet-type", facet_type,
                   "Restrict the tag facet to entity tags of one type: person, organization or "
                   "place");
    app.add_option("--filter", request.filters,
                   "Narrow to FIELD:VALUE without changing scores (repeatable): source, site, "
                   "tag, person, org, place, lang, id, date (2021-03, 2021-03-01..2021-03-31); a "
                   "leading - excludes (--filter=-source:reuters)")
        ->allow_extra_args(false);
    app.add_option("--recency", recency,
                   "Blend relevance with freshness: weight halves every HALF-LIFE (12h, 30d, 2w)");
    app.add_option("--now", now,
                   "The date --recency measures age from, and the last day of --trending's window "
                   "(YYYY[-MM[-DD]]; default: the newest article)");
    app.add_option("--like", request.like,
                   "Articles like the one with this id (its own story excluded); a QUERY then "
                   "only filters");
    app.add_flag("--timeline", timeline,
                 "Print the matches per date bucket (--bucket) as a bar chart, or bucket,count "
                 "rows with --format csv");
    app.add_flag("--normalize", request.measure.normalize,
                 "With --timeline: each bucket's count, the articles in the scope (what --filter "
                 "selects) in that bucket, and their ratio");
    app.add_option("--compare", request.measure.compare,
                   "One timeline per query over the same buckets, with ratios and the matches "
                   "each pair shares (repeatable, at most 10 with QUERY)")
        ->allow_extra_args(false);
    app.add_flag("--cooccur", request.measure.cooccur,
                 "The entities most tied to the matches: count, share and lift against the "
                 "archive (--facet-type narrows the type)");
    app.add_option("--network", network_file,
                   "With --cooccur: write the entities' co-occurrence graph to FILE.graphml, "
                   "FILE.gexf or FILE.json");
    app.add_option("--network-edges", request.measure.edges,
                   "The heaviest edges --network keeps (default 100)");
    app.add_option("--significant", significant,
                   "terms or tags: the words or tags most over-represented in the matches "
                   "against the archive (Dunning's G2)");
    app.add_flag("--trending", request.measure.trending,
                 "The entities and words whose rate rose most in the latest --window against "
                 "the --baseline before it (two-proportion z-score)");
    app.add_option("--window", window, "--trending: the latest period (default 7d; d, w, y)");
    app.add_option("--baseline", baseline, "--trending: the period before the window (default 8w)");
    app.add_option("--min-count", request.measure.min_count,
                   "--cooccur, --significant, --trending: leave out items seen fewer times "
                   "(default 3)");
    app.add_option("--plot", plot_file,
                   "Draw a --timeline, --compare or --trending result as an SVG chart in FILE");
    app.add_option("--batch", batch_file,
                   "Run one query per line of FILE (- = stdin; text or a JSON object) and write "
                   "one JSON result per line");
    app.add_option("--jobs", batch_jobs,
                   "--batch: worker processes answering lines side by side, answers in input "
                   "order (default: the cores, at most 4; 1 = this process only)");
    app.add_option("--bucket", bucket, "Date facet bucket: auto, day, week, month or year");
    app.add_option("--snippet-length", request.snippet_length,
                   "Bytes of text per snippet (default 200, 0 = none)");
    app.add_flag("--snippet-mentions", request.snippet_mentions,
                 "Give each snippet the entity mentions inside it (JSON: snippet_mentions)");
    app.add_option("--max-expansion", request.query_options.max_expansion,
                   "Terms a wildcard may expand to (default 100, most frequent first)");
    app.add_option("--format", format, "table, json, jsonl or csv (default table)");
    app.add_option("--color", color, "auto, always or never (table only; default auto)");
    app.add_flag("--auto-correct", request.auto_correct,
                 "When the query finds little and a spelling correction finds more, search the "
                 "correction instead (and say so)");
    app.add_option("--suggest-below", request.suggest_below,
                   "Suggest a spelling correction when fewer than N articles match (default 10, "
                   "0 = never)");
    bool literal = false;
    app.add_flag("--no-entity-aliases", literal,
                 "Words match only as written: \"putin\" does not also find articles tagged "
                 "Vladimir Putin");
    app.add_flag("--stats", show_stats, "Describe the database instead of searching");
    std::string query_json;
    app.add_option("--query-json", query_json,
                   "The query as a JSON query tree (query/OUTPUT.md), TEXT or @FILE (@- reads "
                   "standard input); instead of QUERY");
    bool explain_query = false;
    app.add_flag("--explain-query", explain_query,
                 "Print the query's tree and the Xapian query built from it instead of searching");
    dateline::query::RemoteOptions remote;
    add_remote_options(app, remote);
    app.add_flag(
        "--collapse", request.collapse,
        "One hit per story: near-duplicates (the same wire story at many sources) fold into it");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "dateline-query: " << e.what() << "\nRun with --help for more information.\n";
        return static_cast<int>(ExitCode::usage);
    }

    // Where the database path came from, for the messages: a missing database names it.
    std::string db_origin;
    if (db_path.empty())
        if (const char* env = std::getenv("DATELINE_DB"); env && *env) {
            db_path = env;
            db_origin = " (the path is $DATELINE_DB's)";
        }
    try {
        if (db_path.empty()) throw UsageError("no database: give --db DIR or set DATELINE_DB");
        Format out_format = parse_format(format);
        if (color != "auto" && color != "always" && color != "never")
            throw UsageError("unknown --color '" + color + "': expected auto, always or never");
        // The option table every front end shares (request_options.h): one parser, one message.
        add_request_option_text(request, "sort", sort);
        request.query_options.entity_aliases = !literal;
        request.facets = facets;
        request.facet_options.limit = facet_limit;
        add_request_option_text(request, "bucket", bucket);
        add_request_option_text(request, "facet_type", facet_type);
        add_request_option_text(request, "recency", recency);
        add_request_option_text(request, "now", now);
        request.measure.timeline = timeline;
        if (!significant.empty()) add_request_option_text(request, "significant", significant);
        if (!window.empty()) add_request_option_text(request, "window", window);
        if (!baseline.empty()) add_request_option_text(request, "baseline", baseline);
        if (request.measure.compare.size() > max_compare)
            throw UsageError("--compare takes at most " + std::to_string(max_compare) + " queries");
        const Analysis analysis = analysis_of(request.measure);
        if (!network_file.empty()) {
            if (analysis != Analysis::cooccur)
                throw UsageError("--network writes the graph of a --cooccur");
            network_format_for(network_file); // a bad name fails before any work
        }
        if (!plot_file.empty() && !timeline && analysis != Analysis::compare &&
            analysis != Analysis::trending)
            throw UsageError("--plot draws a --timeline, a --compare or a --trending result");
        for (const auto& w : words)
            request.query += (request.query.empty() ? "" : " ") + w;
        if (app.count("--query-json")) {
            if (!words.empty()) throw UsageError("--query-json is the query: no QUERY words too");
            if (!batch_file.empty())
                throw UsageError("--batch reads the queries from FILE: no --query-json");
            set_json_query(request, parse_query_json(read_query_json(query_json)));
        }

        PrintOptions print_options;
        print_options.color = use_color(color);
        print_options.width = ::isatty(STDOUT_FILENO) ? terminal_width() : 100;
        auto printer = make_printer(out_format, std::cout, print_options);

        if (batch_file.empty() && app.count("--jobs"))
            throw UsageError("--jobs is for --batch (worker processes answering its lines)");
        if (!batch_file.empty()) {
            if (!words.empty()) throw UsageError("--batch reads the queries from FILE: no QUERY");
            if (timeline || show_stats || !network_file.empty() || !plot_file.empty())
                throw UsageError("--batch cannot be combined with --timeline, --stats, --network "
                                 "or --plot");
            if (app.count("--format") && out_format != Format::json && out_format != Format::jsonl)
                throw UsageError("--batch writes JSON lines: --format must be json or jsonl");
        }
        if (timeline) {
            request.limit = 0;
            request.facets = {"date"};
        }
        std::ifstream batch_stream;
        if (!batch_file.empty() && batch_file != "-") {
            batch_stream.open(batch_file);
            if (!batch_stream) throw UsageError("cannot read --batch file " + batch_file);
        }

        set_remote_options(remote);
        Xapian::Database db = open_database(db_path);
        if (!batch_file.empty()) {
            std::istream& in = batch_file == "-" ? std::cin : batch_stream;
            const unsigned jobs =
                batch_jobs ? batch_jobs : std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
            if (jobs <= 1) return run_batch(db, in, std::cout, request);
            return run_batch_workers(db_path, in, std::cout, request, jobs);
        }
        if (explain_query) {
            QueryBuilder builder(db, request.query_options);
            const QueryTree tree = request_tree(builder, request);
            if (out_format == Format::json || out_format == Format::jsonl) {
                // The query's JSON form (query/OUTPUT.md): what --query-json takes.
                const nlohmann::json doc = {
                    {"schema_version", output_schema_version},
                    {"query", request.query},
                    {"query_json", tree_to_json(tree)},
                    {"parsed_query", builder.build(tree, request.query).get_description()}};
                std::cout << json_shape::dump(doc, out_format == Format::json ? 2 : -1) << '\n';
                return static_cast<int>(ExitCode::ok);
            }
            std::cout << builder.explain(tree, request.query);
            return static_cast<int>(ExitCode::ok);
        }
        if (show_stats) {
            printer->stats(collect_stats(db, db_path));
            return static_cast<int>(ExitCode::ok);
        }
        if (analysis != Analysis::none) {
            const MeasureResult measured = measure(db, request);
            printer->measure(measured);
            if (!network_file.empty())
                write_network_file(network_file, cooccurrence_network(db, request));
            if (!plot_file.empty()) write_plot_file(plot_file, measured, true);
            std::cout.flush();
            return static_cast<int>(measured.total == 0 ? ExitCode::no_results : ExitCode::ok);
        }
        SearchResult result = search(db, request);
        if (!plot_file.empty()) { // a plain --timeline: its counts drawn
            SearchRequest counted = request;
            counted.measure.normalize = true;
            write_plot_file(plot_file, measure(db, counted), false);
        }
        if (timeline)
            render_timeline(result, *printer);
        else
            render(result, *printer);
        std::cout.flush();
        return static_cast<int>(result.total == 0 ? ExitCode::no_results : ExitCode::ok);
    } catch (const Xapian::Error& e) {
        return fail("database " + db_path + ": " + e.get_description() + db_origin,
                    std::current_exception());
    } catch (const DbError& e) {
        return fail(e.what() + db_origin, std::current_exception());
    } catch (const std::exception& e) {
        return fail(e.what(), std::current_exception());
    }
}
