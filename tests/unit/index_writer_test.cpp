// The writer's fast paths must not change what it writes: the KeyFilter that skips lookups in a
// new database, add/replace by docid, and a sharded database (each article in the shard its id
// hashes to, decisions across every shard) all give the same outcomes, duplicates, clusters and
// documents as lookups on an existing database. Also: spelling words, the KeyFilter itself, the
// sharded layout (epochs committed in every shard, refusals), and compaction.
#include "analyzers/analyze.h"
#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"
#include "indexer/compact.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/json_record.h"
#include "indexer/key_filter.h"
#include "indexer/shard_layout.h"
#include "indexer/spelling_batch.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <unistd.h>
#include <xapian.h>

using namespace dateline;

namespace {

std::filesystem::path fresh_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("dateline-test-writer-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    return dir;
}

std::string record(const std::string& id, const std::string& body) {
    return R"({"id":")" + id + R"(","title":"Title )" + id + R"(","body":")" + body +
           R"(","published":"2021-01-01"})";
}

// 150 articles in which duplicates, near duplicates, updates and unchanged repeats are spread
// over more than one shard's run of consecutive documents (64).
std::vector<std::pair<std::string, std::string>> scenario() {
    const std::string shared =
        "the central bank raised interest rates by half a point on tuesday citing inflation "
        "pressures in housing and energy markets across the region";
    const std::string copper =
        "copper prices fell sharply as mining output in chile recovered after the strike ended";
    std::vector<std::pair<std::string, std::string>> items = {
        {"a", shared},
        {"b", shared},                                           // exact duplicate of a
        {"c", shared + " analysts had expected a smaller move"}, // near duplicate of a
        {"d", copper},
    };
    const char* words[] = {"grain", "harvest", "shipping", "tariff", "currency", "bond",
                           "yield", "steel",   "coffee",   "sugar",  "rubber",   "tin",
                           "gold",  "oil",     "gas",      "wheat"};
    for (int i = 0; i < 140; ++i) {
        std::string body = "report number " + std::to_string(i) + " on";
        for (int k = 0; k < 12; ++k)
            body += std::string(" ") + words[(i * 7 + k * 3) % 16] + std::to_string((i + k) % 9);
        items.emplace_back("f" + std::to_string(i), body);
        if (i == 70)
            items.emplace_back("a",
                               shared + " the decision was unanimous"); // a updated, in shard 0
        if (i == 80) items.emplace_back("d", copper);                   // unchanged
        if (i == 90)
            items.emplace_back("e",
                               "copper prices fell sharply as mining output in chile recovered "
                               "after the long strike ended"); // near d, in another shard
        if (i == 100) items.emplace_back("g", shared);         // exact duplicate of b
    }
    return items;
}

struct Run {
    std::vector<IndexWriter::Outcome> outcomes;
    std::uint64_t exact = 0;
    std::map<std::string, std::string> clusters; // id -> cluster
    Xapian::doccount docs = 0;
};

Run index_all(const std::filesystem::path& dir, IndexWriter::Options options,
              bool seed_first = false) {
    DocumentBuilder builder;
    auto build = [&](const std::string& id, const std::string& body) {
        Article a = article_from_record(record(id, body), {});
        analyze(a, AnalyzeOptions{false, "en"});
        return std::pair{schema::id_term(a.id), builder.build(a)};
    };
    if (seed_first) { // an existing database: no KeyFilter, every lookup on the database
        IndexWriter seeder(dir.string(), {});
        auto [id, doc] =
            build("seed", "an unrelated seed article about fishing quotas in the north sea");
        const std::string hash = doc.get_value(schema::slot::content_hash);
        seeder.write(id, hash, std::move(doc));
        seeder.finish();
    }
    Run run;
    {
        IndexWriter writer(dir.string(), options);
        for (const auto& [id, body] : scenario()) {
            auto [term, doc] = build(id, body);
            const std::string hash = doc.get_value(schema::slot::content_hash);
            auto words = spelling_words(doc);
            run.outcomes.push_back(writer.write(term, hash, std::move(doc), std::move(words)));
        }
        writer.finish();
        run.exact = writer.exact_duplicates();
        run.docs = writer.doc_count();
    }
    Xapian::Database db(dir.string());
    for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t)
        run.clusters[(*t).substr(1)] =
            db.get_document(*db.postlist_begin(*t)).get_value(schema::slot::cluster);
    return run;
}

std::string describe(const Xapian::Document& doc) {
    std::string out = doc.get_data() + "\n";
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        out += *t + ":" + std::to_string(t.get_wdf());
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
            out += "," + std::to_string(*p);
        out += " ";
    }
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v)
        out += "\n" + std::to_string(v.get_valueno()) + "=" + *v;
    return out;
}

// Every article of `a` is in `b` with the same terms, positions, values and data.
void check_same_articles(const std::filesystem::path& a, const std::filesystem::path& b) {
    Xapian::Database da(a.string()), db(b.string());
    REQUIRE(da.get_doccount() == db.get_doccount());
    for (auto t = da.allterms_begin("Q"); t != da.allterms_end("Q"); ++t) {
        REQUIRE_MESSAGE(db.term_exists(*t), *t);
        CHECK_MESSAGE(describe(da.get_document(*da.postlist_begin(*t))) ==
                          describe(db.get_document(*db.postlist_begin(*t))),
                      *t);
    }
}

std::map<std::string, Xapian::doccount> spellings(const std::filesystem::path& dir) {
    Xapian::Database db(dir.string());
    std::map<std::string, Xapian::doccount> words;
    for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w)
        words[*w] = w.get_termfreq();
    return words;
}

} // namespace

TEST_CASE("key filter: never forgets a key, rarely claims an absent one, grows") {
    KeyFilter filter(64);
    for (int i = 0; i < 20000; ++i)
        filter.insert("Qid-" + std::to_string(i));
    for (int i = 0; i < 20000; ++i)
        REQUIRE(filter.maybe_contains("Qid-" + std::to_string(i)));
    int false_positives = 0;
    for (int i = 0; i < 20000; ++i)
        false_positives += filter.maybe_contains("XFother-" + std::to_string(i)) ? 1 : 0;
    CHECK(false_positives < 20000 / 20); // a few levels of under 1% each
    CHECK(filter.size() == 20000);
    CHECK(filter.bytes() < 20000 * 8);
}

TEST_CASE(
    "spelling words: unprefixed words of letters, 3 characters or more, with their occurrences") {
    Article a;
    a.id = "s1";
    a.title = "Wheat exports";
    a.body =
        "Wheat and maize: 1987 exports of wheat rose 12 pct, don't ask. Öl für Übersee. An ox.";
    a.language = "en";
    DocumentBuilder builder;
    const auto words = spelling_words(builder.build(a));
    std::map<std::string, Xapian::termcount> got;
    for (const auto& w : words)
        got[w.word] = w.count;
    // Title and body occurrences; no numbers, no "don't", nothing shorter than 3 characters.
    CHECK(got.at("wheat") == 3);
    CHECK(got.at("exports") == 2);
    CHECK(got.at("maize") == 1);
    CHECK(got.at("für") == 1);
    CHECK(got.at("übersee") == 1);
    CHECK(got.at("pct") == 1);
    for (const char* absent : {"1987", "12", "don't", "of", "an", "ox", "öl", "Swheat", "Zwheat"})
        CHECK_MESSAGE(!got.contains(absent), absent);
    CHECK(std::is_sorted(words.begin(), words.end(),
                         [](auto& x, auto& y) { return x.word < y.word; }));
}

TEST_CASE("writer: the spelling table gets each batch's words once, with summed counts") {
    auto dir = fresh_dir("spelling");
    DocumentBuilder builder;
    {
        IndexWriter writer(dir.string(), {2, false});
        for (int i = 0; i < 5; ++i) {
            Article a;
            a.id = "w" + std::to_string(i);
            a.title = "Wheat";
            a.body = i % 2 ? "wheat and barley" : "barley";
            a.language = "en";
            auto doc = builder.build(a);
            const std::string hash = doc.get_value(schema::slot::content_hash);
            auto words = spelling_words(doc);
            writer.write(schema::id_term(a.id), hash, std::move(doc), std::move(words));
        }
        writer.finish();
    }
    // wheat: 5 titles + 2 bodies; barley: 5 bodies; and: 2.
    CHECK(spellings(dir) ==
          std::map<std::string, Xapian::doccount>{{"and", 2}, {"barley", 5}, {"wheat", 7}});
    std::filesystem::remove_all(dir);

    IndexWriter::Options off;
    off.spelling = false;
    auto none = fresh_dir("no-spelling");
    {
        IndexWriter writer(none.string(), off);
        Article a;
        a.id = "n1";
        a.title = "Wheat";
        a.language = "en";
        auto doc = builder.build(a);
        writer.write("Qn1", doc.get_value(schema::slot::content_hash), doc, spelling_words(doc));
        writer.finish();
    }
    CHECK(spellings(none).empty());
    std::filesystem::remove_all(none);
}

TEST_CASE(
    "writer: lookups skipped in a new database and shards give what lookups on the database give") {
    auto existing = fresh_dir("existing"), fresh = fresh_dir("fresh"),
         sharded = fresh_dir("sharded");
    const Run slow = index_all(existing, {7, false}, /*seed_first=*/true);
    const Run fast = index_all(fresh, {7, false});
    IndexWriter::Options shard_options{7, false};
    shard_options.shards = 3;
    const Run shards = index_all(sharded, shard_options);

    using O = IndexWriter::Outcome;
    // The scenario's own expectations, from how it was built.
    REQUIRE(fast.outcomes.size() == 148);
    CHECK(fast.outcomes[0] == O::added);
    CHECK(fast.outcomes[1] == O::added);              // b: an exact duplicate, kept
    CHECK(fast.outcomes[4 + 71] == O::updated);       // a again, changed
    CHECK(fast.outcomes[4 + 81 + 1] == O::unchanged); // d again
    CHECK(fast.exact == 2);                           // b, and g (b still has that text)
    CHECK(fast.docs == 4 + 140 + 2);                  // a b c d, f0..f139, e g
    CHECK(fast.clusters.at("b") == "a");
    CHECK(fast.clusters.at("c") == "a");
    CHECK(fast.clusters.at("e") == "d");
    CHECK(fast.clusters.at("f5") == "f5");

    CHECK(slow.outcomes == fast.outcomes);
    CHECK(slow.exact == fast.exact);
    CHECK(slow.docs == fast.docs + 1); // + the seed
    auto slow_clusters = slow.clusters;
    slow_clusters.erase("seed");
    CHECK(slow_clusters == fast.clusters);

    CHECK(shards.outcomes == fast.outcomes);
    CHECK(shards.exact == fast.exact);
    CHECK(shards.docs == fast.docs);
    CHECK(shards.clusters == fast.clusters);
    check_same_articles(fresh, sharded);
    CHECK(spellings(fresh) == spellings(sharded));
    CHECK(!spellings(fresh).empty());
    REQUIRE(sharded_layout(sharded.string()).has_value());
    CHECK(sharded_layout(sharded.string())->size() == 3);
    for (unsigned i = 0; i < 3; ++i) { // each article in the shard its id hashes to
        Xapian::Database shard(shard_path(sharded.string(), i));
        CHECK(shard.get_doccount() > 0);
        for (auto t = shard.allterms_begin("Q"); t != shard.allterms_end("Q"); ++t)
            CHECK_MESSAGE(shard_of(*t, 3) == i, *t);
    }
    // Compaction gives one database with the same articles and spelling table.
    const CompactResult compacted = compact_shards(sharded.string());
    CHECK(compacted.shards == 3);
    CHECK(compacted.articles == fast.docs);
    CHECK(!sharded_layout(sharded.string()).has_value());
    CHECK(!std::filesystem::exists(sharded / "shard-0"));
    CHECK(!std::filesystem::exists(sharded / "XAPIANDB"));
    check_same_articles(fresh, sharded);
    CHECK(spellings(fresh) == spellings(sharded));
    for (const auto& dir : {existing, fresh, sharded})
        std::filesystem::remove_all(dir);
}

TEST_CASE(
    "writer: shards drop duplicates, delete, and keep the ingestion state like the single writer") {
    auto single = fresh_dir("drop-single"), sharded = fresh_dir("drop-sharded");
    for (const auto& dir : {single, sharded}) {
        IndexWriter::Options options{5, false, /*drop_exact_duplicates=*/true};
        if (dir == sharded) options.shards = 2;
        DocumentBuilder builder;
        IndexWriter writer(dir.string(), options);
        int dropped = 0;
        for (const auto& [id, body] : scenario()) {
            Article a = article_from_record(record(id, body), {});
            analyze(a, AnalyzeOptions{false, "en"});
            auto doc = builder.build(a);
            const std::string hash = doc.get_value(schema::slot::content_hash);
            dropped += writer.write(schema::id_term(a.id), hash, std::move(doc)) ==
                       IndexWriter::Outcome::dropped_duplicate;
        }
        CHECK(dropped == 1); // b; g comes after a changed its text, and b was never written
        CHECK(writer.remove("Qf3"));
        CHECK(!writer.remove("Qnone"));
        writer.set_input_state("/in/x.jsonl", {10, 20, "h", "s"});
        CHECK(writer.input_state("/in/x.jsonl") == IndexWriter::InputState{10, 20, "h", "s"});
        writer.finish();
        CHECK(writer.doc_count() == 4 + 140 + 2 - 1 - 1);
    }
    check_same_articles(single, sharded);
    IndexWriter reopened(sharded.string(), {});
    CHECK(reopened.input_state("/in/x.jsonl") == IndexWriter::InputState{10, 20, "h", "s"});
    CHECK(reopened.known_inputs() == std::vector<std::string>{"/in/x.jsonl"});
    for (const auto& dir : {single, sharded})
        std::filesystem::remove_all(dir);
}

TEST_CASE("writer: a sharded writer commits epochs in every shard; layouts are not mixed") {
    auto dir = fresh_dir("epochs");
    DocumentBuilder builder;
    auto write = [&](IndexWriter& writer, const std::string& id) {
        Article a;
        a.id = id;
        a.title = "Shard business " + id;
        a.body = "the story of " + id + " told in full, with some words of its own " + id;
        a.language = "en";
        auto doc = builder.build(a);
        const std::string hash = doc.get_value(schema::slot::content_hash);
        return writer.write(schema::id_term(a.id), hash, std::move(doc));
    };
    {
        IndexWriter::Options options{3, false};
        options.shards = 2;
        IndexWriter writer(dir.string(), options);
        CHECK(writer.shard_count() == 2);
        for (int i = 0; i < 10; ++i)
            write(writer, "u" + std::to_string(i));
        // An epoch is batch x shards = 6 articles: the first 6 are committed, in both shards.
        Xapian::Database reader(dir.string());
        CHECK(reader.get_doccount() == 6);
        CHECK(Xapian::Database(shard_path(dir.string(), 0)).get_doccount() +
                  Xapian::Database(shard_path(dir.string(), 1)).get_doccount() ==
              6);
        // Another indexer is locked out of the shards.
        CHECK_THROWS_AS(IndexWriter(dir.string(), {}), DatabaseLockedError);
        writer.finish();
        CHECK(writer.doc_count() == 10);
    }
    {
        IndexWriter writer(dir.string(), {}); // the layout is found without Options::shards
        CHECK(writer.shard_count() == 2);
        CHECK(write(writer, "u3") == IndexWriter::Outcome::unchanged);
        CHECK(write(writer, "u10") == IndexWriter::Outcome::added);
        CHECK(writer.remove("Qu4"));
        writer.finish();
        CHECK(writer.doc_count() == 10);
    }
    IndexWriter::Options other;
    other.shards = 3;
    CHECK_THROWS_WITH_AS(IndexWriter(dir.string(), other), doctest::Contains("has 2 shards, not 3"),
                         DatabaseError);
    // --shards on a single database is refused.
    auto single = fresh_dir("epochs-single");
    {
        IndexWriter writer(single.string(), {});
        write(writer, "x");
        writer.finish();
    }
    IndexWriter::Options two;
    two.shards = 2;
    CHECK_THROWS_WITH_AS(IndexWriter(single.string(), two),
                         doctest::Contains("is a single database"), DatabaseError);
    std::filesystem::remove_all(dir);
    std::filesystem::remove_all(single);
}

TEST_CASE("writer: shards that disagree on an input's state make it be read again") {
    auto dir = fresh_dir("disagree");
    {
        IndexWriter::Options options;
        options.shards = 2;
        IndexWriter writer(dir.string(), options);
        writer.set_input_state("/in/a.jsonl", {1, 2, "h", "s"});
        writer.set_input_state("/in/b.jsonl", {3, 4, "h", "s"});
        writer.finish();
    }
    { // as a kill between the shards' commits leaves them
        Xapian::WritableDatabase shard1(shard_path(dir.string(), 1));
        shard1.set_metadata(std::string(schema::input_state_prefix) + "/in/b.jsonl", "");
        shard1.commit();
    }
    {
        IndexWriter writer(dir.string(), {});
        CHECK(writer.input_state("/in/a.jsonl") == IndexWriter::InputState{1, 2, "h", "s"});
        auto b = writer.input_state("/in/b.jsonl");
        REQUIRE(b.has_value()); // read before: its stale articles go when it is read again
        CHECK(*b != IndexWriter::InputState{3, 4, "h", "s"});
    }
    // A compaction keeps the "read again".
    compact_shards(dir.string());
    IndexWriter writer(dir.string(), {});
    CHECK(writer.shard_count() == 0);
    CHECK(writer.input_state("/in/a.jsonl") == IndexWriter::InputState{1, 2, "h", "s"});
    REQUIRE(writer.input_state("/in/b.jsonl").has_value());
    CHECK(*writer.input_state("/in/b.jsonl") != IndexWriter::InputState{3, 4, "h", "s"});
    std::filesystem::remove_all(dir);
}
