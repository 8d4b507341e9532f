// The single writer: owns the Xapian::WritableDatabase, replaces articles by their unique id term,
// skips articles whose stored fingerprint is unchanged, and commits in batches. One thread only.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include <xapian.h>

namespace dateline {

class IndexWriter {
  public:
    struct Options {
        std::size_t batch = 1000; // documents per commit
        bool no_sync = false;     // DB_NO_SYNC: faster bulk loads, durability left to the OS
    };
    enum class Outcome { added, updated, unchanged };

    // Opens or creates the database at `path`; checks (or, when new, writes) the schema version.
    // Throws DatabaseLockedError when another indexer holds it, DatabaseError otherwise.
    IndexWriter(const std::string& path, const Options& options);
    ~IndexWriter(); // commits what is pending, swallowing errors (call commit() to see them)

    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Adds or replaces the document whose unique term is `id_term`. `content_hash` is compared to
    // the stored document's slot content_hash: equal means unchanged and nothing is written.
    Outcome write(const std::string& id_term, const std::string& content_hash, const Xapian::Document& doc);

    // Removes the article with this id term; false when there was none.
    bool remove(const std::string& id_term);

    void commit();
    Xapian::doccount doc_count() const;

  private:
    std::string path_;
    Options options_;
    Xapian::WritableDatabase db_;
    std::size_t pending_ = 0;
};

} // namespace dateline
