#include "compact.h"

#include "analyzers/xapian_call.h"
#include "indexer/index_writer.h"
#include "indexer/shard_layout.h"

#include <filesystem>
#include <vector>
#include <xapian.h>

namespace dateline {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view work_folder = ".compacting";

void remove_leftover_shards(const fs::path& db) {
    std::error_code ec;
    fs::remove(db / stub_file_name, ec);
    for (unsigned i = 0; fs::exists(shard_path(db.string(), i), ec); ++i)
        fs::remove_all(shard_path(db.string(), i), ec);
}

} // namespace

CompactResult compact_shards(const std::string& path) {
    const fs::path db(path);
    std::error_code ec;
    if (!fs::exists(db, ec)) throw DatabaseError("compacting " + path + ": no such database");
    fs::remove_all(db / work_folder, ec);
    CompactResult result;
    if (fs::exists(db / "iamglass", ec)) { // already one database (maybe a compaction's leftovers)
        xapian_call("compacting " + path, [&] {
            Xapian::WritableDatabase lock(path, Xapian::DB_OPEN);
            remove_leftover_shards(db);
            result.articles = lock.get_doccount();
        });
        return result;
    }
    const auto shards = sharded_layout(path);
    if (!shards) throw DatabaseError("compacting " + path + ": not a Dateline database");
    result.shards = static_cast<unsigned>(shards->size());
    const fs::path work = db / work_folder;
    xapian_call("compacting " + path, [&] {
        std::vector<Xapian::WritableDatabase> locks;
        Xapian::Database all;
        for (const auto& shard : *shards) {
            locks.emplace_back(shard, Xapian::DB_OPEN);
            all.add_database(Xapian::Database(shard));
        }
        result.articles = all.get_doccount();
        // Metadata: compaction keeps the first shard's value of a key. The shards agree on every
        // key but the state of an input cut short by a kill between their commits: made alike
        // first, as the indexer reads it (read again).
        reconcile_input_states(locks);
        all.reopen();
        all.compact(work.string());
        Xapian::Database check(work.string());
        if (check.get_doccount() != result.articles)
            throw DatabaseError("compacting " + path + ": the result holds " +
                                std::to_string(check.get_doccount()) + " articles, not " +
                                std::to_string(result.articles));
    });
    // Into place: every file but iamglass, then iamglass, which makes DB a single database.
    for (const auto& entry : fs::directory_iterator(work)) {
        if (entry.path().filename() == "iamglass") continue;
        fs::rename(entry.path(), db / entry.path().filename(), ec);
        if (ec)
            throw DatabaseError("compacting " + path + ": moving " + entry.path().string() + ": " +
                                ec.message());
    }
    fs::rename(work / "iamglass", db / "iamglass", ec);
    if (ec) throw DatabaseError("compacting " + path + ": " + ec.message());
    fs::remove_all(work, ec);
    remove_leftover_shards(db);
    return result;
}

} // namespace dateline
