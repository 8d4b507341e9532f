// The single writer: owns the Xapian::WritableDatabase, replaces articles by their unique id term,
// skips articles whose stored fingerprint is unchanged, and commits in batches. One thread only.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace dateline {

class IndexWriter {
  public:
    struct Options {
        std::size_t batch = 1000; // documents per commit
        bool no_sync = false;     // DB_NO_SYNC: faster bulk loads, durability left to the OS
        bool drop_exact_duplicates = false; // same text under another id: skip it (else keep it,
                                            // in the story cluster of the first one)
    };
    enum class Outcome { added, updated, unchanged, dropped_duplicate };

    // Opens or creates the database at `path`; checks (or, when new, writes) the schema version.
    // Throws DatabaseLockedError when another indexer holds it, DatabaseError otherwise.
    IndexWriter(const std::string& path, const Options& options);
    ~IndexWriter(); // commits what is pending, swallowing errors (call commit() to see them)

    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Adds or replaces the document whose unique term is `id_term`. `content_hash` is compared to
    // the stored document's slot content_hash: equal means unchanged and nothing is written.
    // Another article with the same text (its exact fingerprint term) makes this one an exact
    // duplicate (counted by exact_duplicates()): dropped when Options::drop_exact_duplicates, else
    // written like any other. The document joins the cluster (slot cluster) of a stored article
    // whose MinHash signature is near, found through the band terms, or starts its own cluster.
    Outcome write(const std::string& id_term, const std::string& content_hash, const Xapian::Document& doc);

    // Removes the article with this id term; false when there was none.
    bool remove(const std::string& id_term);

    // Ingestion state of input files, stored in the database metadata and committed with the
    // articles it describes: a re-run skips inputs whose state is unchanged.
    struct InputState {
        std::uintmax_t size = 0;
        std::int64_t mtime = 0;
        std::string hash;     // of the file's bytes
        std::string settings; // of the options that shape articles (--field, --no-entities...)
        friend bool operator==(const InputState&, const InputState&) = default;
    };
    std::optional<InputState> input_state(const std::string& path) const;
    void set_input_state(const std::string& path, const InputState& state);
    std::vector<std::string> known_inputs() const;
    // Deletes every article read from `path` and forgets its state; returns how many were deleted.
    std::size_t forget_input(const std::string& path);

    void commit(); // nothing to commit: no new revision
    std::uint64_t exact_duplicates() const { return exact_duplicates_; }
    Xapian::doccount doc_count() const;

  private:
    std::string cluster_for(const Xapian::Document& doc, Xapian::docid self, const std::string& id_term);

    std::string path_;
    Options options_;
    Xapian::WritableDatabase db_;
    std::size_t pending_ = 0;
    std::uint64_t exact_duplicates_ = 0;
};

// The first term of `doc` that starts with `prefix`, or "".
std::string first_term_with_prefix(const Xapian::Document& doc, std::string_view prefix);

// The internal term that marks articles read from an input file.
std::string input_term(const std::string& path);

} // namespace dateline
