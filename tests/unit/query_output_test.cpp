// Printers' output shapes (query/printer.h, documented in query/OUTPUT.md), database opening
// errors (query/database.h) and the exit-code mapping (query/errors.h).
#include "query/database.h"
#include "query/errors.h"
#include "query/printer.h"
#include "query/search.h"
#include "query/text_width.h"
#include "query_fixture.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace dateline;
using namespace dateline::query;

namespace {

SearchResult sample_result(Xapian::doccount limit = 10) {
    static Xapian::WritableDatabase db = testing::make_database(testing::sample_articles());
    SearchRequest r;
    r.query = "grain OR wheat";
    r.limit = limit;
    r.facets = {"tag", "date"};
    return search(db, r);
}

std::string print(Format format, const SearchResult& result, PrintOptions options = {}) {
    std::ostringstream out;
    auto printer = make_printer(format, out, options);
    render(result, *printer);
    return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("dateline-query-test-" + std::to_string(::getpid()) + "-" +
                std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

} // namespace

TEST_CASE("json output: one versioned document with hits, facets and facets_info") {
    auto result = sample_result();
    auto j = nlohmann::json::parse(print(Format::json, result));
    CHECK(j["schema_version"] == output_schema_version);
    CHECK(j["query"] == "grain OR wheat");
    CHECK(j["total"] == 3);
    CHECK(j["offset"] == 0);
    CHECK(j["limit"] == 10);
    REQUIRE(j["hits"].size() == 3);
    const auto& hit = j["hits"][0];
    for (const char* key : {"id", "title", "url", "source", "source_id", "published", "language",
                            "tags", "score", "snippet", "rank"})
        CHECK_MESSAGE(hit.contains(key), key);
    CHECK(hit["rank"] == 1);
    CHECK(hit["snippet"].get<std::string>().find("<b>") != std::string::npos);
    REQUIRE(j["facets"]["tag"].is_array());
    CHECK(j["facets"]["tag"][0]["value"] == "grain");
    CHECK(j["facets"]["tag"][0]["count"] == 3);
    CHECK(j["facets_info"]["tag"]["other"] == 0);
    CHECK(j["facets_info"]["date"]["bucket"] == "day");
    CHECK(j["facets_info"]["date"]["missing"] == 1);
}

TEST_CASE("jsonl output: hit lines, facet lines, then a summary line") {
    auto lines = lines_of(print(Format::jsonl, sample_result()));
    REQUIRE(lines.size() >= 5);
    std::vector<std::string> types;
    for (const auto& line : lines)
        types.push_back(nlohmann::json::parse(line)["type"]);
    CHECK(types[0] == "hit");
    CHECK(types[1] == "hit");
    CHECK(types[2] == "hit");
    CHECK(types[3] == "facet");
    CHECK(types.back() == "summary");
    auto facet = nlohmann::json::parse(lines[3]);
    CHECK(facet["facet"] == "tag");
    CHECK(facet["value"] == "grain");
    CHECK(facet["count"] == 3);
    auto summary = nlohmann::json::parse(lines.back());
    CHECK(summary["total"] == 3);
    CHECK(summary["returned"] == 3);
    CHECK(summary["schema_version"] == output_schema_version);
    CHECK(summary["facets_info"]["date"]["bucket"] == "day");
}

TEST_CASE("csv output: a hit table, then a facet table after a blank line") {
    auto lines = lines_of(print(Format::csv, sample_result()));
    REQUIRE(lines.size() > 5);
    CHECK(lines[0] == "id,rank,score,published,source,title,url,tags,snippet,copies");
    CHECK(lines[1].rfind("grain-", 0) == 0);
    CHECK(lines[1].find(",1,") != std::string::npos);
    auto blank = std::find(lines.begin(), lines.end(), "");
    REQUIRE(blank != lines.end());
    CHECK(*(blank + 1) == "facet,value,label,count");
    CHECK(*(blank + 2) == "tag,grain,grain,3");

    // With --limit 0 only the facet table.
    auto facets_only = lines_of(print(Format::csv, sample_result(0)));
    CHECK(facets_only[0] == "facet,value,label,count");
}

TEST_CASE("a query of filters only says it is sorted by date, newest first (table and json)") {
    static Xapian::WritableDatabase db = testing::make_database(testing::sample_articles());
    SearchRequest r;
    r.query = "tag:grain";
    auto result = search(db, r);
    CHECK(print(Format::table, result).find(": 3 matches, 1–3 shown, by date, newest first\n") !=
          std::string::npos);
    CHECK(nlohmann::json::parse(print(Format::json, result))["sort"] == "newest");
    r.sort = SortOrder::relevance; // asked for: kept, and said
    auto relevance = search(db, r);
    CHECK(print(Format::table, relevance).find("shown, by relevance\n") != std::string::npos);
    CHECK(nlohmann::json::parse(print(Format::json, relevance))["sort"] == "relevance");
    r.sort = SortOrder::oldest;
    CHECK(print(Format::table, search(db, r)).find("by date, oldest first") != std::string::npos);
}

TEST_CASE("csv fields with commas, quotes or line breaks are quoted") {
    Xapian::WritableDatabase db = testing::make_database({testing::article(
        "q,1", "Reuters", "reuters", "1987-03-17", "Say \"hi\", world", "body text", {"a", "b"})});
    SearchRequest r;
    auto lines = lines_of(print(Format::csv, search(db, r)));
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].rfind("\"q,1\",1,", 0) == 0);
    CHECK(lines[1].find(",\"Say \"\"hi\"\", world\",") != std::string::npos);
    CHECK(lines[1].find(",a|b,") != std::string::npos);
}

TEST_CASE("table output: aligned hits with snippets and facets, colour only when asked") {
    auto result = sample_result();
    auto plain = print(Format::table, result);
    CHECK(plain.find("\x1b[") == std::string::npos);
    CHECK(plain.find("\"grain OR wheat\": 3 matches, 1–3 shown, by relevance") !=
          std::string::npos);
    CHECK(plain.find("U.S. grain carloadings fall in week") != std::string::npos);
    CHECK(plain.find("https://example.com/grain-1") != std::string::npos);
    CHECK(plain.find("\ntag (") != std::string::npos);
    CHECK(plain.find("\ndate (by day") != std::string::npos);
    for (const auto& line : lines_of(plain))
        CHECK(display_width(line) <= 100);

    PrintOptions color;
    color.color = true;
    CHECK(print(Format::table, result, color).find("\x1b[1;33m") != std::string::npos);

    SearchResult empty;
    empty.query = "nothing";
    CHECK(print(Format::table, empty) == "No matches for \"nothing\".\n");
}

TEST_CASE("stats in every format") {
    Xapian::WritableDatabase db = testing::make_database(testing::sample_articles());
    auto stats = collect_stats(db, "memory");
    CHECK(stats.articles == 6);
    CHECK(stats.schema_version == 1);
    CHECK(stats.oldest == std::optional<std::string>("1980-01-01T00:00:00Z"));
    CHECK(stats.newest == std::optional<std::string>("2021-03-17T08:00:00Z"));
    REQUIRE(stats.sources.size() == 3);
    CHECK(stats.sources[0].value == "reuters");
    CHECK(stats.sources[0].label == "Reuters");
    CHECK(stats.sources[0].count == 4);
    CHECK(stats.tags[0].value == "grain");
    CHECK(stats.tags[0].count == 3);
    REQUIRE(stats.languages.size() == 1);
    CHECK(stats.languages[0].value == "en");

    for (auto format : {Format::json, Format::jsonl, Format::csv, Format::table}) {
        std::ostringstream out;
        make_printer(format, out)->stats(stats);
        CHECK(out.str().find("reuters") != std::string::npos);
    }
    std::ostringstream json;
    make_printer(Format::json, json)->stats(stats);
    auto j = nlohmann::json::parse(json.str());
    CHECK(j["articles"] == 6);
    CHECK(j["index_schema_version"] == 1);
    CHECK(j["schema_version"] == output_schema_version);
}

TEST_CASE("opening a database: missing, not Xapian, wrong schema version") {
    TempDir dir;
    CHECK_THROWS_WITH_AS(open_database((dir.path / "missing").string()),
                         doctest::Contains("no such file or directory"), DbError);
    CHECK_THROWS_WITH_AS(open_database(dir.path.string()),
                         doctest::Contains("not a Xapian database"), DbError);

    auto make = [&](const std::string& name, const std::string& version) {
        auto path = (dir.path / name).string();
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
        if (!version.empty()) db.set_metadata(std::string(schema::version_key), version);
        db.commit();
        return path;
    };
    CHECK_NOTHROW(open_database(make("ok", "1")));
    CHECK_THROWS_WITH_AS(open_database(make("newer", "2")), doctest::Contains("is newer than"),
                         DbError);
    CHECK_THROWS_WITH_AS(open_database(make("older", "0")), doctest::Contains("is older than"),
                         DbError);
    CHECK_THROWS_WITH_AS(open_database(make("plain", "")),
                         doctest::Contains("not a Dateline database"), DbError);
    const std::string expected = "cannot open database " + (dir.path / "plain2").string() + ": ";
    CHECK_THROWS_WITH(open_database(make("plain2", "")), doctest::Contains(expected.c_str()));
}

TEST_CASE("errors map to exit codes") {
    auto code = [](auto error) { return exit_code_for(std::make_exception_ptr(error)); };
    CHECK(exit_code_for(nullptr) == ExitCode::ok);
    CHECK(code(UsageError("x")) == ExitCode::usage);
    CHECK(code(QueryError("x")) == ExitCode::usage);
    CHECK(code(Xapian::QueryParserError("x")) == ExitCode::usage);
    CHECK(code(DbError("x")) == ExitCode::database);
    CHECK(code(Xapian::DatabaseOpeningError("x")) == ExitCode::database);
    CHECK(code(std::runtime_error("x")) == ExitCode::database);
}

TEST_CASE("display widths count characters, wide ones double, marks none") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("Gödel") == 5);
    CHECK(display_width("Go\xcc\x88"
                        "del") == 5); // o + combining diaeresis
    CHECK(display_width("東京") == 4);
    CHECK(truncate_to_width("東京タワー", 5) == "東京…");
    CHECK(truncate_to_width("abcdef", 4) == "abc…");
    CHECK(truncate_to_width("abc", 4) == "abc");
    CHECK(pad_right("é", 3) == "é  ");
    CHECK(pad_left("東", 3) == " 東");
    CHECK(wrap("one two three", 6, "> ") == "> one\n> two\n> three");
    CHECK(wrap("one two three", 7, "") == "one two\nthree");
}

TEST_CASE("format, sort and bucket names") {
    CHECK(parse_format("jsonl") == Format::jsonl);
    CHECK_THROWS_AS(parse_format("xml"), UsageError);
    CHECK(parse_sort("newest") == SortOrder::newest);
    CHECK_THROWS_WITH_AS(parse_sort("latest"), doctest::Contains("unknown sort order 'latest'"),
                         UsageError);
}

TEST_CASE("reads are retried after DatabaseModifiedError, then reported as a database error") {
    Xapian::WritableDatabase writable = testing::make_database(testing::sample_articles());
    Xapian::Database& db = writable;
    int calls = 0;
    int value = with_reopen(db, [&] {
        if (++calls < 3) throw Xapian::DatabaseModifiedError("changed");
        return 7;
    });
    CHECK(value == 7);
    CHECK(calls == 3);

    calls = 0;
    CHECK_THROWS_WITH_AS(with_reopen(db,
                                     [&]() -> int {
                                         ++calls;
                                         throw Xapian::DatabaseModifiedError("changed");
                                     }),
                         doctest::Contains("kept changing"), DbError);
    CHECK(calls == 4);
}

TEST_CASE("a search on a database rewritten under it reopens and answers from the new state") {
    // Big enough for tables of more than one level: a reader caches the blocks of a small one.
    auto articles = [](int round) {
        std::vector<Article> out = testing::sample_articles();
        for (int i = 0; i < 2000; ++i)
            out.push_back(testing::article(
                "r" + std::to_string(i), "Wire", "wire", "2022-01-01",
                "Round " + std::to_string(round) + " harvest report " + std::to_string(i),
                "Wheat and barley harvest figures for district " + std::to_string(i * 7 + round) +
                    " in round " + std::to_string(round) + ".",
                {"grain", "round" + std::to_string(round)}));
        return out;
    };
    TempDir dir;
    const std::string path = (dir.path / "db").string();
    Xapian::WritableDatabase writer = testing::make_disk_database(path, articles(0), false);
    Xapian::Database reader = open_database(path);
    // Commits that rewrite every document reuse the blocks of the reader's revision (Xapian keeps
    // one older revision, not more): its next read of them throws DatabaseModifiedError.
    for (int round = 1; round <= 3; ++round) {
        for (const auto& a : articles(round))
            writer.replace_document(schema::id_term(a.id), testing::document_for(a));
        writer.commit();
    }
    bool modified = false;
    try {
        Xapian::Enquire enquire(reader);
        enquire.set_query(Xapian::Query("Kgrain"));
        Xapian::MSet mset = enquire.get_mset(0, 3000);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            (void)it.get_document().get_data();
    } catch (const Xapian::DatabaseModifiedError&) {
        modified = true;
    }
    CHECK(modified); // a plain read meets the error: what follows is the real case

    SearchRequest request;
    request.query = "tag:round3";
    request.limit = 10;
    request.suggest_below = 0;
    SearchResult result = search(reader, request);
    CHECK(result.total == 2000); // the newest state: every article of round 3
    CHECK(result.hits.size() == 10);
}

TEST_CASE("readers opening while a writer commits fast never report a sound database as bad") {
    // Opens and reopens that race two commits can read blocks the writer already reused (Xapian
    // 1.4: DatabaseCorruptError "Expected block 2 to be level 1, not 0"): they are tried again.
    TempDir dir;
    const std::string path = (dir.path / "db").string();
    std::vector<Article> articles = testing::sample_articles();
    for (int i = 0; i < 400; ++i)
        articles.push_back(testing::article(
            "w" + std::to_string(i), "Wire", "wire", "2022-01-01",
            "Harvest report " + std::to_string(i),
            "Wheat harvest figures for district " + std::to_string(i) + ".", {"grain"}));
    Xapian::WritableDatabase writer = testing::make_disk_database(path, articles, false);
    std::atomic<bool> done = false;
    std::thread writing([&] {
        for (int round = 0; round < 150; ++round) {
            for (int i = 0; i < 40; ++i) {
                const Article& a = articles[static_cast<std::size_t>((round * 40 + i) % 400)];
                writer.replace_document(schema::id_term(a.id), testing::document_for(a));
            }
            writer.commit();
        }
        done = true;
    });
    SearchRequest request;
    request.query = "harvest";
    request.limit = 5;
    request.suggest_below = 0;
    int reads = 0;
    std::string failure;
    while (!done && failure.empty()) {
        try {
            Xapian::Database reader = open_database(path);
            for (int i = 0; i < 5; ++i, ++reads)
                (void)search(reader, request);
        } catch (const std::exception& e) {
            failure = e.what();
        }
    }
    writing.join();
    CHECK_MESSAGE(failure.empty(), failure);
    CHECK(reads > 0);
}
