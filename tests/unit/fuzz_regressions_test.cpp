// Replays the inputs the fuzzers found (tests/fixtures/fuzz-regressions/TARGET/*) through the
// same target bodies libFuzzer runs (tests/fuzz/TARGET_target.h): none may throw past its
// contract (a sanitizer build also catches memory errors and undefined behaviour on them). Each
// fixed finding also gets a check of what the code must now do with it.
#include "indexer/sources/xml_document.h"
#include "tests/fuzz/dates_target.h"
#include "tests/fuzz/html_target.h"
#include "tests/fuzz/jsonl_target.h"
#include "tests/fuzz/query_target.h"
#include "tests/fuzz/query_tree_target.h"
#include "tests/fuzz/text_page_target.h"
#include "tests/fuzz/warc_target.h"
#include "tests/fuzz/xml_target.h"

#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <unistd.h>

using namespace dateline;
namespace fs = std::filesystem;

namespace {

const fs::path regressions = fs::path(DATELINE_SOURCE_DIR) / "tests/fixtures/fuzz-regressions";

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string regression(const std::string& target, const std::string& name) {
    return slurp(regressions / target / name);
}

// What `fn` writes on file descriptor 2 (stderr), which is sent to a temporary file meanwhile.
std::string stderr_of(const std::function<void()>& fn) {
    std::FILE* tmp = std::tmpfile();
    REQUIRE(tmp);
    std::fflush(stderr);
    const int saved = dup(2);
    dup2(fileno(tmp), 2);
    fn();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    std::string out;
    std::rewind(tmp);
    for (int c; (c = std::fgetc(tmp)) != EOF;)
        out += static_cast<char>(c);
    std::fclose(tmp);
    return out;
}

} // namespace

TEST_CASE("fuzz regressions: every saved input replays through its target without escaping its "
          "contract") {
    const std::map<std::string, std::function<void(std::string_view)>> targets{
        {"jsonl", fuzz::jsonl_input},         {"html", fuzz::html_input},
        {"text_page", fuzz::text_page_input}, {"xml", fuzz::xml_input},
        {"warc", fuzz::warc_input},           {"dates", fuzz::dates_input},
        {"query", fuzz::query_input}};
    int replayed = 0;
    for (const auto& entry : fs::directory_iterator(regressions)) {
        if (!entry.is_directory()) continue;
        const std::string target = entry.path().filename().string();
        REQUIRE_MESSAGE(targets.contains(target), "no fuzz target named " << target);
        for (const auto& file : fs::directory_iterator(entry.path())) {
            const std::string bytes = slurp(file.path());
            CHECK_NOTHROW_MESSAGE(targets.at(target)(bytes), file.path().string());
            ++replayed;
        }
    }
    CHECK(replayed > 0);
}

TEST_CASE("fuzz regressions: a run of digits longer than any date field is not a date") {
    // "2021,0312 ... 1615976100000": the 13-digit month overflowed int while being read.
    CHECK_FALSE(dates::parse(regression("dates", "overflowing-month-digits")).has_value());
    CHECK_FALSE(dates::parse("2021-99999999999-17").has_value());
    CHECK_FALSE(dates::parse("17.99999999999.2021").has_value());
    CHECK(dates::parse("2021-03-17").has_value());
}

TEST_CASE("fuzz regressions: JSON numbers beyond double or long long are record errors or text") {
    const FieldMap fields;
    // 2e400 overflows double: nlohmann throws out_of_range, not parse_error; it must be a
    // RecordError like any other bad JSON.
    CHECK_THROWS_AS(article_from_record(regression("jsonl", "number-past-double.jsonl"), fields),
                    RecordError);
    // 1e300 as a date: no longer an undefined float-to-integer conversion, just a bad date.
    CHECK_THROWS_WITH_AS(article_from_record(R"({"title":"t","published":1e300})", fields),
                         doctest::Contains("1e+300"), RecordError);
    // Integers print as written, unsigned ones past long long included; fractional seconds are
    // cut to whole seconds.
    Article a = article_from_record(
        R"({"title":"t","id":18446744073709551615,"published":1615976100.9})", fields);
    CHECK(a.id == "18446744073709551615");
    REQUIRE(a.published.has_value());
    CHECK(a.published->seconds == 1615976100);
}

TEST_CASE("fuzz regressions: the old parser's query inputs replay through the query tree") {
    int replayed = 0;
    for (const auto& file : fs::directory_iterator(regressions / "query")) {
        CHECK_NOTHROW_MESSAGE(fuzz::query_tree_input(slurp(file.path())), file.path().string());
        ++replayed;
    }
    CHECK(replayed > 0);
}

TEST_CASE("fuzz regressions: NEAR/n and ADJ/n without operands are query errors") {
    // Xapian 1.4.22's parser leaked the window of such an operator; the tree reports the same
    // syntax errors.
    const Xapian::Database db = query::testing::make_database(query::testing::sample_articles());
    query::QueryBuilder builder(db, query::QueryOptions{});
    for (const char* q : {"-ADJ/2", "x AND NEAR/3"}) {
        CHECK_THROWS_AS_MESSAGE(builder.parse(q), query::QueryError, q);
    }
    CHECK_NOTHROW(builder.parse("wheat NEAR/3 exports"));
}

TEST_CASE("fuzz regressions: an XML encoding error is an InputError, not a message on stderr") {
    // EUC-JP declared, bytes that are not EUC-JP: libxml2 printed "encoding error : input
    // conversion failed" through its generic handler, past XML_PARSE_NOERROR.
    const std::string bytes = regression("xml", "bad-euc-jp-bytes.xml");
    std::string message;
    std::string printed = stderr_of([&] {
        try {
            xml::parse(bytes);
        } catch (const InputError& e) {
            message = e.what();
        }
    });
    CHECK(printed.empty());
    CHECK(message.find("input conversion failed") != std::string::npos); // the reason is named
    printed = stderr_of([&] { fuzz::xml_input(bytes); });
    CHECK(printed.empty());
}

TEST_CASE("fuzz regressions: a love sign is dropped wherever Xapian reads one") {
    // Xapian 1.4.22's parser SEGVs on a loved group of stopwords ("x\x7f+(i(i"), and it reads '+'
    // as love after controls, NBSP and Unicode spaces too, not only after ' ' and '('.
    const Xapian::Database db = query::testing::make_database(query::testing::sample_articles());
    query::QueryBuilder builder(db, query::QueryOptions{});
    const std::string plain = builder.parse("wheat exports").get_description();
    for (std::string before : {" ", "\t", "\x01", "\x7f", "\xc2\xa0", "\xe3\x80\x80", " ("}) {
        CAPTURE(before);
        CHECK(builder.parse("wheat" + before + "+exports").get_description() == plain);
        CHECK_NOTHROW(builder.parse("wheat" + before + "+(the(a"));
        CHECK_NOTHROW(builder.parse("wheat" + before + "++(i(i)"));
    }
    CHECK_NOTHROW(builder.parse("xdlentp:+(i(i")); // once a hidden field, now a word
    // A '+' after a word character is part of the word.
    CHECK(builder.parse("C++ wheat").get_description().find("c++") != std::string::npos);
}

TEST_CASE("fuzz regressions: an alias glued to a phrase is not marked (Xapian SEGV)") {
    // "x -s -putin\"Putin": the word and the phrase were both marked, one hidden field glued to
    // the next ("-xdlentw:h…xdlentp:h…"), and Xapian 1.4.22's parser dereferenced a null query.
    const Xapian::Database db = query::testing::make_database(query::testing::sample_articles());
    query::QueryBuilder builder(db, query::QueryOptions{});
    for (const char* q : {"x -s -putin\"Putin", "\x01-s -putin\"Putin", "x -s -Putin\"Putin\"a"})
        CHECK_NOTHROW(builder.parse(q));
}
