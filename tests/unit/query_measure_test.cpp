// Measurements (query/measure/): the scores, the option table's measurement options, and every
// analysis on a small database whose counts are worked out by hand below.
#include "query/errors.h"
#include "query/measure/measure.h"
#include "query/measure/network_files.h"
#include "query/measure/scores.h"
#include "query/measure/svg_plot.h"
#include "query/measure/xml_text.h"
#include "query/printers/printers.h"
#include "query/request_options.h"
#include "query_fixture.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <sstream>
#include <string>
#include <vector>

using namespace dateline;
using namespace dateline::query;
using dateline::query::testing::article;

namespace {

// Three crude-oil stories (all mention "petroleum", a word no other article has), two grain
// stories, one gold story in the last week. ship: one oil and one grain story.
std::vector<Article> measure_articles() {
    using E = Entity;
    return {
        article("a1", "Reuters", "reuters", "1987-03-02", "Tanker attacked",
                "A tanker carrying petroleum was attacked in the Gulf.", {"crude"},
                {E{"Iran", EntityType::place, 1, ""}, E{"OPEC", EntityType::organization, 1, ""}}),
        article("a2", "Reuters", "reuters", "1987-03-05", "Output quota",
                "Saudi output of petroleum rose, ministers said.", {"crude"},
                {E{"Iran", EntityType::place, 1, ""}, E{"Saudi Arabia", EntityType::place, 1, ""}}),
        article("a3", "Reuters", "reuters", "1987-03-10", "Wheat harvest",
                "Farmers said the wheat harvest rose.", {"grain"},
                {E{"USA", EntityType::place, 1, ""}}),
        article("a4", "Reuters", "reuters", "1987-04-01", "Tankers in port",
                "Ministers met as petroleum tankers waited in port.", {"crude", "ship"},
                {E{"Iran", EntityType::place, 1, ""}, E{"OPEC", EntityType::organization, 1, ""}}),
        article("a5", "Reuters", "reuters", "1987-04-03", "Grain ships",
                "Grain ships waited in port as farmers said prices fell.", {"grain", "ship"},
                {E{"USA", EntityType::place, 1, ""}}),
        article("a6", "Reuters", "reuters", "1987-04-20", "Gold mine", "Goldcorp opened a mine.",
                {"gold"}, {E{"Goldcorp", EntityType::organization, 1, ""}}),
    };
}

struct Fixture {
    Xapian::WritableDatabase writable = testing::make_database(measure_articles());
    Xapian::Database db = writable;

    SearchRequest request(const std::string& query) {
        SearchRequest r;
        r.query = query;
        r.measure.min_count = 1;
        r.facet_options.bucket = Bucket::month;
        return r;
    }
};

} // namespace

TEST_CASE("lift, G² and the two-proportion z-score") {
    CHECK(lift(10, 100, 20, 1000) == doctest::Approx(5.0));
    CHECK(lift(1, 0, 1, 1) == 0);
    // 100 − 1.96 × 10 = 80.4 of 100 matches against 20 of 1000.
    CHECK(lift_low(100, 100, 100, 1000) == doctest::Approx(8.04));
    CHECK(lift_low(11, 627, 11, 20841) < lift_low(133, 627, 154, 20841));
    CHECK(lift_low(2, 10, 2, 100) == 0); // 2 − 1.96 √2 < 0
    // 2 Σ O ln(O / E) over [10, 90; 10, 890], computed separately.
    CHECK(g2(10, 100, 20, 1000) == doctest::Approx(21.176963409905998));
    CHECK(g2(2, 100, 20, 1000) == 0); // as common as in the archive: not distinctive
    CHECK(g2(1, 100, 20, 1000) == 0); // rarer: not distinctive either
    // p = 15/300, se = sqrt(0.05 * 0.95 * (1/100 + 1/200)), (0.1 - 0.025) / se.
    CHECK(z_two_proportions(10, 100, 5, 200) == doctest::Approx(2.80975743));
    CHECK(z_two_proportions(1, 10, 0, 0) == 0);
    CHECK(z_two_proportions(0, 10, 0, 10) == 0);
    CHECK(z_two_proportions(1, 10, 5, 10) < 0);
}

TEST_CASE("xml_escape makes any text safe in XML") {
    CHECK(xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
    CHECK(xml_escape(std::string("x\x01y\ty", 5)) == "x\xEF\xBF\xBDy\ty");
}

TEST_CASE("measurement options come from the one option table") {
    SearchRequest r;
    add_request_option_text(r, "compare", "tag:crude, tag:ship");
    add_request_option_text(r, "compare", "gold");
    CHECK(r.measure.compare == std::vector<std::string>{"tag:crude, tag:ship", "gold"});
    set_request_option(r, "significant", "tags");
    CHECK(r.measure.significant == "tags");
    CHECK_THROWS_AS(set_request_option(r, "significant", "words"), UsageError);
    add_request_option_text(r, "window", "2w");
    CHECK(r.measure.window == 14 * 86400);
    CHECK_THROWS_AS(add_request_option_text(r, "baseline", "soon"), UsageError);
    set_request_option(r, "min_count", 5u);
    CHECK(r.measure.min_count == 5);
    nlohmann::json eleven = nlohmann::json::array();
    for (int i = 0; i < 11; ++i)
        eleven.push_back("q" + std::to_string(i));
    CHECK_THROWS_AS(set_request_option(r, "compare", eleven), UsageError);
    auto json = request_from_json({{"trending", true}, {"window", "3d"}}, SearchRequest{});
    CHECK(json.measure.trending);
    CHECK(analysis_of(json.measure) == Analysis::trending);
}

TEST_CASE("one analysis at a time") {
    MeasureOptions o;
    CHECK(analysis_of(o) == Analysis::none);
    o.timeline = true;
    CHECK(analysis_of(o) == Analysis::none); // a plain timeline is a search's date facet
    o.normalize = true;
    CHECK(analysis_of(o) == Analysis::timeline);
    o.cooccur = true;
    CHECK_THROWS_AS(analysis_of(o), UsageError);
    o = {};
    o.normalize = true;
    CHECK_THROWS_AS(analysis_of(o), UsageError); // --normalize without --timeline
    o = {};
    o.cooccur = true;
    o.trending = true;
    CHECK_THROWS_AS(analysis_of(o), UsageError);
}

TEST_CASE_FIXTURE(Fixture, "a normalized timeline counts the query against its scope") {
    SearchRequest r = request("tag:crude");
    r.measure.timeline = r.measure.normalize = true;
    MeasureResult m = measure(db, r);
    CHECK(m.analysis == Analysis::timeline);
    CHECK(m.total == 3);
    CHECK(m.timeline.bucket == "month");
    CHECK(m.timeline.labels == std::vector<std::string>{"1987-03", "1987-04"});
    CHECK(m.timeline.totals == std::vector<Xapian::doccount>{3, 3});
    CHECK(m.timeline.series[0].counts == std::vector<Xapian::doccount>{2, 1});
    CHECK(m.timeline.scope_total == 6);

    // The filters are the scope: only the ship stories, both in April.
    r.filters = {"tag:ship"};
    m = measure(db, r);
    CHECK(m.timeline.labels == std::vector<std::string>{"1987-04"});
    CHECK(m.timeline.totals == std::vector<Xapian::doccount>{2});
    CHECK(m.timeline.series[0].counts == std::vector<Xapian::doccount>{1});
    CHECK(m.timeline.scope_total == 2);
    auto doc = json_shape::measure_document(m);
    CHECK(doc["timeline"][0]["ratio"].get<double>() == doctest::Approx(0.5));
    CHECK(doc["analysis"] == "timeline");
}

TEST_CASE_FIXTURE(Fixture, "a comparison shares the buckets and counts each pair's overlap") {
    SearchRequest r = request("");
    r.measure.compare = {"tag:crude", "tag:ship", "tag:grain"};
    MeasureResult m = measure(db, r);
    REQUIRE(m.timeline.series.size() == 3);
    CHECK(m.timeline.series[1].counts == std::vector<Xapian::doccount>{0, 2});
    CHECK(m.timeline.series[2].counts == std::vector<Xapian::doccount>{1, 1});
    REQUIRE(m.timeline.overlaps.size() == 3);
    CHECK(m.timeline.overlaps[0].shared == 1); // crude and ship: a4
    CHECK(m.timeline.overlaps[1].shared == 0); // crude and grain
    CHECK(m.timeline.overlaps[2].shared == 1); // ship and grain: a5

    std::ostringstream csv;
    make_csv_printer(csv)->measure(m);
    CHECK(csv.str().starts_with("bucket,total,tag:crude,tag:ship,tag:grain,ratio tag:crude,"));
    CHECK(csv.str().find("1987-04,3,1,2,1,") != std::string::npos);
    CHECK(csv.str().find("tag:crude,tag:ship,1\n") != std::string::npos);

    r.measure.compare.assign(max_compare + 1, "gold");
    CHECK_THROWS_AS(measure(db, r), UsageError);
}

TEST_CASE_FIXTURE(Fixture, "co-occurring entities have their share and lift") {
    SearchRequest r = request("tag:crude");
    r.measure.cooccur = true;
    MeasureResult m = measure(db, r);
    REQUIRE(m.entities.size() == 3); // Iran, OPEC, Saudi Arabia; not USA or Goldcorp
    CHECK(m.entities[0].label == "Iran");
    CHECK(m.entities[0].value == "iran");
    CHECK(m.entities[0].type == "place");
    CHECK(m.entities[0].count == 3);
    CHECK(m.entities[0].share == doctest::Approx(1.0));
    CHECK(m.entities[0].lift == doctest::Approx(2.0)); // (3/3) / (3/6)
    CHECK(m.entities[1].label == "OPEC");
    r.facet_options.tag_type = "organization";
    m = measure(db, r);
    REQUIRE(m.entities.size() == 1);
    CHECK(m.entities[0].label == "OPEC");
    r.measure.min_count = 3;
    CHECK(measure(db, r).entities.empty());
}

TEST_CASE_FIXTURE(Fixture, "the co-occurrence network has the pair counts as edge weights") {
    SearchRequest r = request("tag:crude");
    Network n = cooccurrence_network(db, r);
    REQUIRE(n.edges.size() == 2); // Iran-OPEC (a1, a4), Iran-Saudi Arabia (a2)
    CHECK(n.nodes[n.edges[0].source].label == "Iran");
    CHECK(n.nodes[n.edges[0].target].label == "OPEC");
    CHECK(n.edges[0].weight == 2);
    CHECK(n.edges[1].weight == 1);
    r.measure.edges = 1;
    n = cooccurrence_network(db, r);
    CHECK(n.edges.size() == 1);
    CHECK(n.nodes.size() == 2);

    std::ostringstream graphml, gexf;
    write_network(graphml, n, NetworkFormat::graphml);
    write_network(gexf, n, NetworkFormat::gexf);
    CHECK(graphml.str().find("<edge id=\"e0\" source=\"n0\" target=\"n1\"><data "
                             "key=\"weight\">2</data></edge>") != std::string::npos);
    CHECK(gexf.str().find("weight=\"2\"") != std::string::npos);
    CHECK(network_format_for("x.gexf") == NetworkFormat::gexf);
    CHECK_THROWS_AS(network_format_for("x.png"), UsageError);
}

TEST_CASE_FIXTURE(Fixture, "significant words and tags are those over-represented") {
    SearchRequest r = request("tag:crude");
    r.measure.significant = "terms";
    MeasureResult m = measure(db, r);
    REQUIRE(!m.significant.empty());
    CHECK(m.significant[0].value == "petroleum");
    CHECK(m.significant[0].count == 3);
    CHECK(m.significant[0].archive == 3);
    CHECK(m.significant[0].score == doctest::Approx(g2(3, 3, 3, 6)));
    for (const auto& item : m.significant) // no stopwords
        CHECK(item.value != "the");

    r.measure.significant = "tags";
    m = measure(db, r);
    std::vector<std::string> values;
    for (const auto& item : m.significant)
        values.push_back(item.value);
    CHECK(std::find(values.begin(), values.end(), "crude") != values.end());
    CHECK(std::find(values.begin(), values.end(), "ship") == values.end()); // 1/3 = 2/6
}

TEST_CASE("words are counted in every match, however many, with or without a prepared index") {
    // 1,200 articles: 700 tagged "big", of which every third says "kestrel" (234) and every
    // seventh "osprey" (100); 60 tagged "small" (an eighth of the database or less: read from
    // their term lists when nothing is prepared), of which every fourth says "kestrel" (15).
    std::vector<Article> articles;
    for (int i = 0; i < 1200; ++i) {
        const bool big = i < 700, small = i >= 700 && i < 760;
        std::string body = "Markets moved on the day.";
        if ((big && i % 3 == 0) || (small && i % 4 == 0)) body += " A kestrel flew.";
        if (big && i % 7 == 0) body += " An osprey too.";
        const int day = 10 + i % 19;                                               // 1987-03-10..28
        if (big && (day >= 22 ? i % 2 == 0 : i % 5 == 0)) body += " Herons rose."; // rising
        articles.push_back(article("w" + std::to_string(i), "Reuters", "reuters",
                                   "1987-03-" + std::to_string(day), "Note", body,
                                   {big     ? "big"
                                    : small ? "small"
                                            : "rest"}));
    }
    testing::TempDir dir("measure-words");
    auto writable = testing::make_disk_database(dir.path("db"), articles, false);
    Xapian::Database db(dir.path("db"));
    auto significant = [&](const std::string& q) {
        SearchRequest r;
        r.query = q;
        r.measure.significant = "terms";
        r.measure.min_count = 1;
        r.facet_options.limit = 0;
        return measure(db, r);
    };
    auto count_of = [](const MeasureResult& m, const std::string& word) -> long {
        for (const auto& item : m.significant)
            if (item.value == word) return item.count;
        return -1;
    };
    const MeasureResult big = significant("tag:big"), small = significant("tag:small");
    CHECK(big.total == 700);
    CHECK(big.sampled == 700);
    CHECK(count_of(big, "kestrel") == 234);
    CHECK(count_of(big, "osprey") == 100);
    CHECK(count_of(small, "kestrel") == 15);
    for (const auto& item : big.significant) {
        CHECK(item.archive == db.get_termfreq(item.value));
        CHECK(item.value != "the"); // a stopword
        CHECK(item.value != "on");
    }
    // The words of --trending too: the window is 1987-03-22..28, the baseline the 8 weeks before.
    SearchRequest t;
    t.query = "tag:big";
    t.measure.trending = true;
    t.measure.min_count = 1;
    t.facet_options.limit = 0;
    t.now = dates::parse("1987-03-28")->seconds;
    Xapian::doccount window = 0, baseline = 0, herons_w = 0, herons_b = 0;
    for (int i = 0; i < 700; ++i) {
        const bool late = 10 + i % 19 >= 22;
        ++(late ? window : baseline);
        if (late ? i % 2 == 0 : i % 5 == 0) ++(late ? herons_w : herons_b);
    }
    const MeasureResult trend = measure(db, t);
    CHECK(trend.window.documents == window);
    CHECK(trend.window.sampled == window);
    CHECK(trend.baseline.documents == baseline);
    CHECK(trend.baseline.sampled == baseline);
    const auto herons = std::find_if(trend.trending.begin(), trend.trending.end(), [](auto& i) {
        return i.value == "herons" && i.kind == "word";
    });
    REQUIRE(herons != trend.trending.end());
    CHECK(herons->window == herons_w);
    CHECK(herons->baseline == herons_b);
    CHECK(herons->z == doctest::Approx(z_two_proportions(herons_w, window, herons_b, baseline)));
    // A prepared database (the full word lists, as --batch and the server use) gives the same.
    prepare_for_many_searches(db);
    REQUIRE(FacetIndex::prepared(db));
    const MeasureResult big2 = significant("tag:big"), small2 = significant("tag:small");
    REQUIRE(big2.significant.size() == big.significant.size());
    for (std::size_t i = 0; i < big.significant.size(); ++i) {
        CHECK(big2.significant[i].value == big.significant[i].value);
        CHECK(big2.significant[i].count == big.significant[i].count);
        CHECK(big2.significant[i].score == big.significant[i].score);
    }
    REQUIRE(small2.significant.size() == small.significant.size());
    for (std::size_t i = 0; i < small.significant.size(); ++i) {
        CHECK(small2.significant[i].value == small.significant[i].value);
        CHECK(small2.significant[i].count == small.significant[i].count);
    }
}

TEST_CASE_FIXTURE(Fixture, "trending compares the latest window with the baseline before it") {
    SearchRequest r = request("");
    r.measure.trending = true;
    r.now = dates::parse("1987-04-20")->seconds;
    MeasureResult m = measure(db, r);
    CHECK(m.window.documents == 1);   // a6
    CHECK(m.baseline.documents == 5); // a1..a5
    auto found = std::find_if(m.trending.begin(), m.trending.end(), [](const TrendItem& i) {
        return i.value == "goldcorp" && i.kind == "organization";
    });
    REQUIRE(found != m.trending.end());
    CHECK(found->label == "Goldcorp");
    CHECK(found->window == 1);
    CHECK(found->baseline == 0);
    CHECK(found->z == doctest::Approx(z_two_proportions(1, 1, 0, 5)));
    for (const auto& item : m.trending)
        CHECK(item.z > 0);

    std::string svg = plot_svg(m, true);
    CHECK(svg.find("class=\"bar\"") != std::string::npos);
    CHECK(svg.find("data-window=\"1\" data-baseline=\"0\"") != std::string::npos);
}

TEST_CASE_FIXTURE(Fixture, "the SVG of a timeline carries the JSON's numbers") {
    SearchRequest r = request("tag:crude");
    r.measure.timeline = r.measure.normalize = true;
    MeasureResult m = measure(db, r);
    const std::string svg = plot_svg(m, true);
    CHECK(svg.starts_with("<?xml"));
    CHECK(svg.find("data-bucket=\"1987-03\" data-count=\"2\" data-total=\"3\"") !=
          std::string::npos);
    CHECK(svg.find("data-bucket=\"1987-04\" data-count=\"1\" data-total=\"3\"") !=
          std::string::npos);
    r.measure = {};
    r.measure.cooccur = true;
    CHECK_THROWS_AS(plot_svg(measure(db, r), true), UsageError);
}

TEST_CASE_FIXTURE(Fixture, "every printer prints a measurement") {
    SearchRequest r = request("tag:crude");
    r.measure.trending = true;
    r.now = dates::parse("1987-04-20")->seconds;
    const MeasureResult m = measure(db, r);
    for (Format f : {Format::table, Format::json, Format::jsonl, Format::csv}) {
        std::ostringstream out;
        make_printer(f, out)->measure(m);
        CHECK(!out.str().empty());
    }
    std::ostringstream jsonl;
    make_printer(Format::jsonl, jsonl)->measure(m);
    std::string last, line;
    std::istringstream lines(jsonl.str());
    while (std::getline(lines, line))
        last = line;
    CHECK(nlohmann::json::parse(last)["type"] == "summary");
    CHECK(nlohmann::json::parse(last)["analysis"] == "trending");
}
