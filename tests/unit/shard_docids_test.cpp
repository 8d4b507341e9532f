// On a database of several shards, Xapian 1.4 hands match spies and key makers each shard's own
// docids; with track_shards() and a ShardCursor, MatchRecorder and PublishedKey get the database's
// (interleaved) docids, the ones the MSet and the FacetIndex use, whatever the shards hold.
#include "query/facet_index.h"
#include "query/facets.h"
#include "query/shard_docids.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <unistd.h>
#include <vector>
#include <xapian.h>

using namespace dateline::query;

namespace {

std::filesystem::path shard_dir(int i) {
    return std::filesystem::temp_directory_path() /
           ("dateline-test-shard-docids-" + std::to_string(::getpid()) + "-" + std::to_string(i));
}

} // namespace

TEST_CASE("shard docids: spies and key makers on shards see the database's docids") {
    // Three shards of different sizes; "x" in every third document of each.
    Xapian::Database all;
    const int sizes[] = {7, 2, 5};
    for (int s = 0; s < 3; ++s) {
        std::filesystem::remove_all(shard_dir(s));
        Xapian::WritableDatabase shard(shard_dir(s).string(), Xapian::DB_CREATE);
        for (int d = 0; d < sizes[s]; ++d) {
            Xapian::Document doc;
            doc.add_term("all");
            if (d % 3 == 0) doc.add_term("x");
            doc.add_value(0, Xapian::sortable_serialise(1000.0 * (s + 1) + d));
            shard.add_document(doc);
        }
        shard.commit();
        all.add_database(Xapian::Database(shard_dir(s).string()));
    }
    REQUIRE(all.size() == 3);
    CHECK(shard_uuids(all).size() == 3);
    for (const char* term : {"x", "all"}) {
        auto cursor = make_shard_cursor(all);
        CHECK(cursor->count == 3);
        Xapian::Enquire enquire(all);
        enquire.set_query(track_shards(all, Xapian::Query(term), cursor));
        MatchRecorder recorder(cursor);
        enquire.add_matchspy(&recorder);
        auto index = std::make_shared<FacetIndex>(all);
        PublishedKey key(index, cursor);
        enquire.set_sort_by_key(&key, false); // oldest first: by the published slot
        Xapian::MSet mset = enquire.get_mset(0, all.get_doccount(), all.get_doccount());
        std::vector<Xapian::docid> want;
        for (auto p = all.postlist_begin(term); p != all.postlist_end(term); ++p)
            want.push_back(*p);
        std::vector<Xapian::docid> got = recorder.docids();
        std::sort(got.begin(), got.end());
        CHECK(got == want);
        // The key read each match's own time: the MSet is in published order.
        double last = -1;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const double t = Xapian::sortable_unserialise(all.get_document(*it).get_value(0));
            CHECK(t > last);
            last = t;
        }
        CHECK(mset.size() == want.size());
    }
    // A single database: no marker, identity docids.
    Xapian::Database one(shard_dir(0).string());
    auto cursor = make_shard_cursor(one);
    CHECK(cursor->count == 1);
    CHECK(cursor->global(5) == 5);
    CHECK(track_shards(one, Xapian::Query("x"), cursor).get_description() == "Query(x)");
    for (int s = 0; s < 3; ++s)
        std::filesystem::remove_all(shard_dir(s));
}
