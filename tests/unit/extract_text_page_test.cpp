// Extraction of pages saved as text: the seed page (News24) from ../shared, and a small fixture.
#include "analyzers/dates.h"
#include "indexer/extract/extract.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using dateline::extract::Extraction;
using dateline::extract::PageInfo;

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

std::string origin_of(const Extraction& x, const std::string& field) {
    for (const auto& o : x.origins)
        if (o.field == field) return o.origin;
    return "";
}

} // namespace

TEST_CASE("extract text page: the seed News24 page gives title, source, body and tag line") {
    std::string text;
    const std::string path =
        std::string(DATELINE_SHARED_DIR) + "/corpora/seed/news24-kremlin-groundless.txt";
    if (!read_file(path, text)) {
        MESSAGE("skipped: " << path << " is not there");
        return;
    }
    PageInfo page;
    page.path = path;
    page.fetched_at = dateline::dates::parse("2021-03-17T12:00:00Z");
    Extraction x = dateline::extract::extract_text_page(text, page);
    const auto& a = x.article;
    CHECK(a.title == "Kremlin says US report on election interference 'groundless'");
    CHECK(a.source == "News24");
    CHECK(a.source_id == "news24");
    CHECK(a.body.starts_with("The Kremlin on Wednesday dismissed as \"absolutely groundless\""));
    CHECK(a.body.ends_with("since Russia's annexation of Crimea in 2014."));
    for (const char* junk :
         {"Lottery", "Daily Lotto", "Voting Booth", "votes", "PODCAST", "USD/ZAR", "Brent Crude",
          "Subscribe to News24", "R75 per month", "We live in a world", "Feel Good", "add bookmark",
          "play article", "Photo by", "All rights reserved"})
        CHECK_MESSAGE(!contains(a.body, junk), "boilerplate in body: " << junk);
    CHECK(a.tags == std::vector<std::string>{"donald trumpvladimir putinusrussia"});
    // "1h ago" against the reference time
    REQUIRE(a.published);
    CHECK(dateline::dates::format_iso(*a.published) == "2021-03-17T11:00:00Z");
    CHECK(origin_of(x, "published") == "text:relative-date");
    CHECK(origin_of(x, "title") == "text:first-heading");
}

TEST_CASE("extract text page: relative day, byline, tags split on separators, copyright source") {
    std::string text;
    REQUIRE(read_file(
        std::string(DATELINE_SOURCE_DIR) + "/tests/fixtures/extract/relative-dates.txt", text));
    PageInfo page;
    page.fetched_at = dateline::dates::parse("2022-05-10T08:30:00Z");
    Extraction x = dateline::extract::extract_text_page(text, page);
    const auto& a = x.article;
    CHECK(a.title == "Island ferry service to double in summer");
    REQUIRE(a.published);
    CHECK(dateline::dates::format_iso(*a.published) == "2022-05-09"); // "Yesterday"
    CHECK(a.authors == std::vector<std::string>{"Anna Berg"});
    CHECK(a.tags == std::vector<std::string>{"ferries", "tourism", "islands"});
    CHECK(a.source == "Island Post");
    CHECK(a.body.starts_with("The island's ferry company"));
    CHECK(a.body.ends_with("need to get there on time."));
    CHECK(contains(a.body, "turned away at the harbour for lack of space.\n\nThe company"));
    CHECK_FALSE(contains(a.body, "Most popular"));
}

TEST_CASE("extract text page: text without prose is an error") {
    PageInfo page;
    CHECK_THROWS_WITH_AS(dateline::extract::extract_text_page("Home\nNews\nSport\n", page),
                         "no article text found", dateline::extract::ExtractError);
}
