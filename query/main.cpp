// dateline-query: search a Dateline database. Command line only; the work is in the library.
//   dateline-query --db DIR [options] QUERY...
// Exit codes: 0 results, 1 no results, 2 usage or query error, 3 database error.
#include "database.h"
#include "errors.h"
#include "printer.h"
#include "search.h"
#include "stats.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <sys/ioctl.h>
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
    std::string sort = "relevance", format = "table", bucket = "auto", color = "auto";
    std::vector<std::string> facets;
    SearchRequest request;
    std::size_t facet_limit = 10;
    bool show_stats = false;

    app.add_option("--db", db_path, "The database directory")->required();
    app.add_option("query", words, "The query (words are joined with spaces)");
    app.add_option("--lang", request.query_options.language,
                   "Language of the query: stemming and stopwords (default en)");
    app.add_option("--sort", sort, "relevance, newest or oldest (default relevance)");
    app.add_option("--limit", request.limit, "Hits to show (default 10)");
    app.add_option("--offset", request.offset, "Hits to skip (default 0)");
    app.add_option("--facet", facets,
                   "Count matches by source, tag, date, lang, person, org, "
                   "place or site (repeatable)")
        ->delimiter(',')
        ->allow_extra_args(false);
    app.add_option("--facet-limit", facet_limit, "Values per facet (default 10, 0 = all)");
    app.add_option("--bucket", bucket, "Date facet bucket: auto, day, week, month or year");
    app.add_option("--snippet-length", request.snippet_length,
                   "Bytes of text per snippet (default 200, 0 = none)");
    app.add_option("--max-expansion", request.query_options.max_expansion,
                   "Terms a wildcard may expand to (default 100, most frequent first)");
    app.add_option("--format", format, "table, json, jsonl or csv (default table)");
    app.add_option("--color", color, "auto, always or never (table only; default auto)");
    app.add_flag("--stats", show_stats, "Describe the database instead of searching");
    app.add_flag("--collapse", request.collapse,
                 "One hit per story: near-duplicates (the same wire story at many sources) fold into it");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "dateline-query: " << e.what() << "\nRun with --help for more information.\n";
        return static_cast<int>(ExitCode::usage);
    }

    try {
        Format out_format = parse_format(format);
        if (color != "auto" && color != "always" && color != "never")
            throw UsageError("unknown --color '" + color + "': expected auto, always or never");
        request.sort = parse_sort(sort);
        request.facets = facets;
        request.facet_options.limit = facet_limit;
        request.facet_options.bucket = parse_bucket(bucket);
        for (const auto& w : words)
            request.query += (request.query.empty() ? "" : " ") + w;

        PrintOptions print_options;
        print_options.color = use_color(color);
        print_options.width = ::isatty(STDOUT_FILENO) ? terminal_width() : 100;
        auto printer = make_printer(out_format, std::cout, print_options);

        Xapian::Database db = open_database(db_path);
        if (show_stats) {
            printer->stats(collect_stats(db, db_path));
            return static_cast<int>(ExitCode::ok);
        }
        SearchResult result = search(db, request);
        render(result, *printer);
        std::cout.flush();
        return static_cast<int>(result.total == 0 ? ExitCode::no_results : ExitCode::ok);
    } catch (const Xapian::Error& e) {
        return fail("database " + db_path + ": " + e.get_description(), std::current_exception());
    } catch (const std::exception& e) {
        return fail(e.what(), std::current_exception());
    }
}
