#include "analyzers/analyze.h"
#include "analyzers/article_json.h"
#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/inputs.h"
#include "indexer/json_record.h"
#include "indexer/pipeline.h"
#include "indexer/sources/source.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <xapian.h>

using namespace dateline;

namespace {

Article analyzed(std::string_view line, const FieldMap& fields = {}) {
    Article a = article_from_record(line, fields);
    analyze(a, AnalyzeOptions{false, "en"});
    return a;
}

std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("dateline-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

bool has_term(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

} // namespace

TEST_CASE("json record: fields, lists and dates") {
    auto a = analyzed(
        R"({"id":"x1","title":" Kremlin  says ","body":"Text.","published":"17-MAR-1987 15:01:01.79",)"
        R"("authors":[{"name":"A. Writer"},"B"],"tags":["Russia","russia","Kremlin"],"extra":{"ignored":1}})");
    CHECK(a.id == "x1");
    CHECK(a.title == "Kremlin says");
    CHECK(a.authors == std::vector<std::string>{"A. Writer", "B"});
    CHECK(a.tags ==
          std::vector<std::string>{"Russia", "Kremlin"}); // de-duplicated, case-insensitively
    REQUIRE(a.published);
    CHECK(a.published->precision == Timestamp::Precision::time);
}

TEST_CASE(
    "json record: --field maps input fields, lists concatenate, scalars take the first non-empty") {
    FieldMap fields;
    fields.set("tags=topics,places,people");
    fields.set("title=headline,title");
    auto a = analyzed(
        R"({"title":"T","headline":"","topics":["grain"],"places":["usa","ussr"],"people":[],"body":"b"})",
        fields);
    CHECK(a.tags == std::vector<std::string>{"grain", "usa", "ussr"});
    CHECK(a.title == "T");
    fields.set("body=dateline,body");
    auto b =
        analyzed(R"({"title":"T","dateline":"TOKYO, March 3","body":"The yen rose."})", fields);
    CHECK(b.body == "TOKYO, March 3\n\nThe yen rose.");
    CHECK_THROWS_AS(fields.set("nosuchfield=x"), std::invalid_argument);
    CHECK_THROWS_AS(fields.set("tags"), std::invalid_argument);
}

TEST_CASE("json record: bad records say why") {
    FieldMap fields;
    CHECK_THROWS_WITH_AS(article_from_record(R"({"title": "x")", fields),
                         doctest::Contains("invalid JSON"), RecordError);
    CHECK_THROWS_WITH_AS(article_from_record(R"([1,2])", fields),
                         doctest::Contains("not a JSON object"), RecordError);
    CHECK_THROWS_WITH_AS(article_from_record(R"({"url":"https://a.b/"})", fields),
                         doctest::Contains("no title and no body"), RecordError);
    CHECK_THROWS_WITH_AS(article_from_record(R"({"title":"t","published":"someday"})", fields),
                         doctest::Contains("unparseable date 'someday'"), RecordError);
}

TEST_CASE("analyze: ids, sources and languages are filled in") {
    auto a = analyzed(
        R"({"title":"Die Regierung und der Kanzler","body":"Die Bundesregierung hat am Mittwoch die neuen Regeln beschlossen, sagte ein Sprecher in Berlin.","url":"https://www.example.de/a#top"})");
    CHECK(a.id == "https://www.example.de/a");
    CHECK(a.source == "example.de");
    CHECK(a.source_id == "example-de");
    CHECK(a.language == "de");
    auto b = analyzed(R"({"title":"t","body":"b","source":"Agence France-Presse"})");
    CHECK(b.id.starts_with("sha:"));
    CHECK(b.source_id == "agence-france-presse");
}

TEST_CASE("document builder: terms, values and data follow the schema") {
    Article a = analyzed(
        R"({"id":"d1","title":"Wheat harvest","body":"Farmers said the harvests were running late.",)"
        R"("source":"Daily Meridian","url":"https://www.meridian.example/x","published":"2021-03-17T10:00:00Z",)"
        R"("authors":["Jane Roe"],"tags":["Grain","Vladimir Putin"],"language":"en"})");
    a.entities.push_back({"Vladimir Putin", EntityType::person, 2, ""});
    a.entities.push_back({"Russia", EntityType::place, 1, "RU"});
    DocumentBuilder builder;
    Xapian::Document doc = builder.build(a);
    for (const char* term :
         {"Qd1", "XSdaily-meridian", "Hmeridian.example", "Kgrain", "Kvladimir putin", "Krussia",
          "XPvladimir putin", "XLrussia", "Len", "D20210317", "M202103", "Y2021", "Swheat",
          "Zharvest", "harvests", "Zrun", "Ajane"})
        CHECK_MESSAGE(has_term(doc, term), term);
    CHECK(Xapian::sortable_unserialise(doc.get_value(schema::slot::published)) == 1615975200.0);
    CHECK(doc.get_value(schema::slot::source) == "daily-meridian");
    CHECK(schema::decode_list(doc.get_value(schema::slot::tags)) ==
          std::vector<std::string>{"Grain", "Vladimir Putin", "Russia"});
    CHECK(article_from_json(nlohmann::json::parse(doc.get_data())) == a);
    CHECK(doc.get_value(schema::slot::content_hash).size() == 16);
    // The built-in facet slots (remote shards): the day, and each multi-valued facet's values
    // listed in its slot (the tags in slot tags, above).
    CHECK(doc.get_value(schema::slot::day) == std::to_string(1615975200 / 86400));
    const auto listed = [&](std::string_view prefix) {
        const auto* list = schema::list_slot(prefix);
        REQUIRE(list);
        return schema::decode_list(doc.get_value(list->slot));
    };
    CHECK(listed(schema::prefix::person) == std::vector<std::string>{"vladimir putin"});
    CHECK(listed(schema::prefix::place) == std::vector<std::string>{"russia"});
    CHECK(listed(schema::prefix::site) == std::vector<std::string>{"meridian.example"});
    CHECK(listed(schema::prefix::organization).empty());
    CHECK(doc.get_value(schema::list_slot(schema::prefix::organization)->slot).empty());
    // Slots 0-7 but cluster (the writer fills it), and the person, place, site and keyword lists.
    CHECK(doc.values_count() == 11);
}

TEST_CASE("document builder: a place named in passing matches place:, not the tag facet") {
    Article a =
        analyzed(R"({"id":"p1","title":"Talks","body":"Traders watched.","language":"en"})");
    a.entities = {{"Japan", EntityType::place, 2, "JP", true},
                  {"Tokyo", EntityType::place, 1, "JP", false}};
    a.mentions = {{"body", 0, 7, "Traders", EntityType::place, "Tokyo"}};
    DocumentBuilder builder;
    Xapian::Document doc = builder.build(a);
    CHECK(has_term(doc, "XLjapan"));
    CHECK(has_term(doc, "XLtokyo"));
    CHECK(has_term(doc, "Kjapan"));
    CHECK(!has_term(doc, "Ktokyo"));
    CHECK(schema::decode_list(doc.get_value(schema::slot::tags)) ==
          std::vector<std::string>{"Japan"});
    const auto data = nlohmann::json::parse(doc.get_data());
    CHECK(data.at("passing").size() == 1);
    CHECK(data.at("mentions").at(0).at("entity") == "Tokyo");
    CHECK(article_from_json(data) == a);
}

TEST_CASE("writer: same input twice changes nothing; changed content replaces") {
    auto dir = temp_dir("writer");
    DocumentBuilder builder;
    Article a = analyzed(R"({"id":"w1","title":"One","body":"first"})");
    Article b = analyzed(R"({"id":"w2","title":"Two","body":"second"})");
    auto write = [&](IndexWriter& w, const Article& art) {
        auto doc = builder.build(art);
        return w.write(schema::id_term(art.id), doc.get_value(schema::slot::content_hash), doc);
    };
    {
        IndexWriter w(dir.string(), {2, false});
        CHECK(write(w, a) == IndexWriter::Outcome::added);
        CHECK(write(w, b) == IndexWriter::Outcome::added);
        w.commit();
    }
    Xapian::rev revision = Xapian::Database(dir.string()).get_revision();
    {
        IndexWriter w(dir.string(), {2, false});
        CHECK(write(w, a) == IndexWriter::Outcome::unchanged);
        CHECK(write(w, b) == IndexWriter::Outcome::unchanged);
        w.commit();
    }
    CHECK(Xapian::Database(dir.string()).get_revision() == revision);
    {
        IndexWriter w(dir.string(), {2, false});
        b.body = "second, revised";
        CHECK(write(w, b) == IndexWriter::Outcome::updated);
        w.commit();
        CHECK(w.doc_count() == 2);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("writer: a second writer gets a clear lock error") {
    auto dir = temp_dir("lock");
    IndexWriter first(dir.string(), {});
    CHECK_THROWS_WITH_AS(IndexWriter(dir.string(), {}),
                         doctest::Contains("locked by another indexer"), DatabaseLockedError);
    std::filesystem::remove_all(dir);
}

TEST_CASE("sources and pipeline: JSON Lines from a gz file, bad lines rejected, order kept") {
    auto dir = temp_dir("pipeline");
    auto path = (dir / "in.jsonl").string();
    {
        std::ofstream out(path);
        for (int i = 1; i <= 200; ++i) {
            if (i == 50)
                out << "{broken\n";
            else
                out << R"({"id":"p)" << i << R"(","title":"Title )" << i << R"(","body":"Body."})"
                    << "\n";
        }
    }
    std::vector<std::string> rejects, ids;
    PipelineOptions options;
    options.jobs = 3;
    options.analyze.tag_entities = false;
    {
        Pipeline pipeline(options, [&](Processed&& p) {
            if (p.article)
                ids.push_back(p.article->id);
            else
                rejects.push_back(p.location + ": " + p.error);
        });
        read_source(InputFile{path, 0, 0}, SourceOptions{},
                    SourceSink{[&](RawItem&& item) { pipeline.submit(std::move(item)); },
                               [&](const std::string& l, const std::string& r) {
                                   rejects.push_back(l + r);
                               }});
        pipeline.finish();
    }
    REQUIRE(ids.size() == 199);
    CHECK(ids.front() == "p1");
    CHECK(ids[48] == "p49");
    CHECK(ids[49] == "p51");
    REQUIRE(rejects.size() == 1);
    CHECK(rejects[0].starts_with(path + ":50: invalid JSON"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("inputs: folders are walked in order, missing paths reported") {
    auto dir = temp_dir("inputs");
    std::filesystem::create_directories(dir / "b");
    std::ofstream(dir / "b" / "2.jsonl") << "{}\n";
    std::ofstream(dir / "1.jsonl") << "{}\n";
    std::ofstream(dir / ".hidden.jsonl") << "{}\n";
    std::vector<std::string> problems;
    auto files =
        expand_inputs({dir.string(), (dir / "missing").string()},
                      [&](const std::string& p, const std::string&) { problems.push_back(p); });
    REQUIRE(files.size() == 2);
    CHECK(files[0].path.ends_with("1.jsonl"));
    CHECK(files[1].path.ends_with("2.jsonl"));
    CHECK(problems.size() == 1);
    CHECK(logical_name("a/B.JSONL.gz") == "b.jsonl");
    std::filesystem::remove_all(dir);
}
