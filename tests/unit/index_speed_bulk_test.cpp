// The bulk-load path of IndexWriter (an empty database: lookups in memory, add_document, DB_NO_SYNC)
// must give the same outcomes, duplicates and clusters as the lookups on the database.
#include "analyzers/analyze.h"
#include "analyzers/schema.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/json_record.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <unistd.h>
#include <xapian.h>

using namespace dateline;

namespace {

std::filesystem::path fresh_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("dateline-test-bulk-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    return dir;
}

std::string record(const std::string& id, const std::string& body) {
    return R"({"id":")" + id + R"(","title":"T )" + id + R"(","body":")" + body + R"(","published":"2021-01-01"})";
}

struct Run {
    std::vector<IndexWriter::Outcome> outcomes;
    std::uint64_t exact = 0;
    std::map<std::string, std::string> clusters; // id -> cluster
    Xapian::doccount docs = 0;
    bool bulk = false;
};

Run index_all(const std::filesystem::path& dir, bool fast, bool drop) {
    const std::string shared = "the central bank raised interest rates by half a point on tuesday citing inflation "
                               "pressures in housing and energy markets across the region";
    const std::vector<std::pair<std::string, std::string>> items = {
        {"a", shared},
        {"b", shared},                                           // exact duplicate of a
        {"c", shared + " analysts had expected a smaller move"}, // near duplicate of a
        {"d", "copper prices fell sharply as mining output in chile recovered after the strike ended"},
        {"a", shared + " the decision was unanimous"},           // a updated
        {"d", "copper prices fell sharply as mining output in chile recovered after the strike ended"}, // unchanged
        {"e", "copper prices fell sharply as mining output in chile recovered after the long strike ended"},
    };
    Run run;
    IndexWriter writer(dir.string(), {2, false, drop, fast});
    run.bulk = writer.bulk_load();
    DocumentBuilder builder;
    for (const auto& [id, body] : items) {
        Article a = article_from_record(record(id, body), {});
        analyze(a, AnalyzeOptions{false, "en"});
        Xapian::Document doc = builder.build(a);
        run.outcomes.push_back(
            writer.write(schema::id_term(a.id), doc.get_value(schema::slot::content_hash), doc));
    }
    run.exact = writer.exact_duplicates();
    writer.close();
    Xapian::Database db(dir.string());
    run.docs = db.get_doccount();
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        auto doc = db.get_document(*it);
        run.clusters[first_term_with_prefix(doc, schema::prefix::id)] = doc.get_value(schema::slot::cluster);
    }
    return run;
}

} // namespace

TEST_CASE("bulk load into an empty database: same outcomes, duplicates and clusters as database lookups") {
    for (bool drop : {false, true}) {
        CAPTURE(drop);
        auto fast_dir = fresh_dir("fast"), slow_dir = fresh_dir("slow");
        Run fast = index_all(fast_dir, true, drop);
        Run slow = index_all(slow_dir, false, drop);
        CHECK(fast.bulk);
        CHECK_FALSE(slow.bulk);
        CHECK(fast.outcomes == slow.outcomes);
        CHECK(fast.exact == slow.exact);
        CHECK(fast.exact >= 1);
        CHECK(fast.docs == slow.docs);
        CHECK(fast.clusters == slow.clusters);
        CHECK(fast.clusters.at("Qc") == "a"); // the near duplicate joined a's story
        // A second writer on the now non-empty database looks up in the database.
        {
            IndexWriter again(fast_dir.string(), {});
            CHECK_FALSE(again.bulk_load());
        }
        std::filesystem::remove_all(fast_dir);
        std::filesystem::remove_all(slow_dir);
    }
}
