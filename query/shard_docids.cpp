#include "shard_docids.h"

#include <algorithm>

namespace dateline::query {

namespace {

// Matches every document with no weight; on each move, names its shard in the cursor.
class ShardMarker final : public Xapian::PostingSource {
  public:
    ShardMarker(std::shared_ptr<ShardCursor> cursor, std::vector<std::string> uuids)
        : cursor_(std::move(cursor)), uuids_(std::move(uuids)) {}

    void init(const Xapian::Database& db) override {
        db_ = db;
        it_ = db_.postlist_begin("");
        end_ = db_.postlist_end("");
        doccount_ = db_.get_doccount();
        shard_ = shard_index(uuids_, db_);
        started_ = false;
    }
    Xapian::doccount get_termfreq_min() const override { return doccount_; }
    Xapian::doccount get_termfreq_est() const override { return doccount_; }
    Xapian::doccount get_termfreq_max() const override { return doccount_; }
    void next(double) override {
        cursor_->current = shard_;
        if (started_)
            ++it_;
        else
            started_ = true;
    }
    void skip_to(Xapian::docid did, double) override {
        cursor_->current = shard_;
        started_ = true;
        it_.skip_to(did);
    }
    bool check(Xapian::docid did, double min_wt) override {
        skip_to(did, min_wt);
        return true;
    }
    bool at_end() const override { return started_ && it_ == end_; }
    Xapian::docid get_docid() const override { return *it_; }
    ShardMarker* clone() const override { return new ShardMarker(cursor_, uuids_); }
    std::string name() const override { return "dateline::ShardMarker"; }
    std::string get_description() const override { return "ShardMarker"; }

  private:
    std::shared_ptr<ShardCursor> cursor_;
    std::vector<std::string> uuids_;
    Xapian::Database db_;
    Xapian::PostingIterator it_, end_;
    Xapian::doccount doccount_ = 0;
    unsigned shard_ = 0;
    bool started_ = false;
};

} // namespace

std::vector<std::string> shard_uuids(const Xapian::Database& db) {
    std::vector<std::string> uuids;
    const std::string all = db.get_uuid(); // the shards' UUIDs joined by ':'
    std::size_t start = 0;
    while (start <= all.size()) {
        const std::size_t end = std::min(all.find(':', start), all.size());
        uuids.push_back(all.substr(start, end - start));
        start = end + 1;
    }
    return uuids;
}

unsigned shard_index(const std::vector<std::string>& uuids, const Xapian::Database& shard) {
    if (uuids.size() <= 1) return 0;
    const auto it = std::find(uuids.begin(), uuids.end(), shard.get_uuid());
    return it == uuids.end() ? 0 : static_cast<unsigned>(it - uuids.begin());
}

std::shared_ptr<ShardCursor> make_shard_cursor(const Xapian::Database& db) {
    auto cursor = std::make_shared<ShardCursor>();
    cursor->count = static_cast<unsigned>(std::max<std::size_t>(1, db.size()));
    return cursor;
}

Xapian::Query track_shards(const Xapian::Database& db, const Xapian::Query& query,
                           const std::shared_ptr<ShardCursor>& cursor) {
    if (db.size() <= 1) return query;
    Xapian::Query marker((new ShardMarker(cursor, shard_uuids(db)))->release());
    return Xapian::Query(Xapian::Query::OP_FILTER, query, marker);
}

} // namespace dateline::query
