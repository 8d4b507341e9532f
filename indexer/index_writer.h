// The writer: owns the Xapian::WritableDatabase, replaces articles by their unique id term, skips
// articles whose stored fingerprint is unchanged, assigns near-duplicate clusters, gathers spelling
// words, and commits in batches. Its methods run on one thread, except input_state() and
// known_inputs(), which any thread may call.
//
// Speed: lookups that cannot find anything are skipped when the database was empty at the start
// (a KeyFilter of this run's id, exact-text and band terms answers "certainly absent"); documents
// are added or replaced by docid, never looked up twice.
//
// Sharded databases (shard_layout.h: Options::shards >= 1 creates one; an existing one is found by
// its stub): the decisions stay here, on this thread, in input order, made against every shard at
// once: a read-only Database over all shards, reopened at each commit, plus what this epoch (the
// writes since that commit) wrote or removed, kept in memory. So exact duplicates, story clusters
// and replaces are decided as in one database. The documents go to the shards' writer threads
// (shard_set.h); commit() commits every shard (an epoch). Input states are stored in every shard,
// in the same commit as the input's last articles there: after a kill each shard holds whole
// epochs in input order (the shards at most one epoch apart), and an input whose state the shards
// do not all agree on is read again (read before: its stale articles go as usual).
// Trade-off: the epoch barrier (commit() waits for every shard) costs the shards some idle time per
// commit; it buys decisions exact across shards with an overlay bounded by one batch.
#pragma once

#include "indexer/document_builder.h"
#include "indexer/key_filter.h"
#include "indexer/shard_set.h"
#include "indexer/spelling_batch.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
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
        unsigned shards = 0;  // >= 1: create a sharded database of this many shards (new only)
        bool spelling = true; // add title and body words to the spelling table
        // Commit before `batch` once the pending documents hold this many terms in all: Xapian
        // keeps their postings in memory until the commit (huge articles in a large batch).
        std::size_t max_pending_terms = 2'000'000;
    };
    enum class Outcome { added, updated, unchanged, dropped_duplicate };

    // Where the writer's time went (steady clock), for profiling.
    struct Stats {
        std::uint64_t documents = 0, commits = 0, lookups_skipped = 0;
        double decide = 0, write = 0, spelling = 0, commit = 0; // seconds
    };

    // Opens or creates the database at `path` (single, or sharded: found by its stub, or created
    // with Options::shards); checks (or, when new, writes) the schema version. Throws
    // DatabaseLockedError when another indexer holds it, DatabaseError otherwise (also for
    // --shards on an existing database of another layout or shard count).
    IndexWriter(const std::string& path, const Options& options);
    ~IndexWriter(); // commits what is pending, swallowing errors (call finish() to see them)

    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // Adds or replaces the document whose unique term is `id_term`. `content_hash` is compared to
    // the stored document's slot content_hash: equal means unchanged and nothing is written.
    // Another article with the same text (its exact fingerprint term) makes this one an exact
    // duplicate (counted by exact_duplicates()): dropped when Options::drop_exact_duplicates, else
    // written like any other. The document joins the cluster (slot cluster) of a stored article
    // whose MinHash signature is near, found through the band terms, or starts its own cluster.
    // `spelling` goes to the spelling table with the document (Options::spelling). Sharded, the
    // document moves to another thread: pass it with std::move and keep no other handle on it.
    Outcome write(const std::string& id_term, const std::string& content_hash, Xapian::Document doc,
                  std::vector<SpellingWord> spelling = {});

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
    // Reading again an input that the database has read before (changed, other settings,
    // --force): from begin_input(path) to set_input_state(path, ...), the writes are that
    // input's articles, and set_input_state() then deletes the input's other stored articles:
    // those gone from the file, and the old versions of changed articles whose id is their
    // content (no id, no URL). It returns how many it deleted.
    void begin_input(const std::string& path);
    std::size_t set_input_state(const std::string& path, const InputState& state);
    std::vector<std::string> known_inputs() const;
    // Deletes every article read from `path` and forgets its state; returns how many were deleted.
    std::size_t forget_input(const std::string& path);

    void commit(); // a batch commit (sharded: of every shard); nothing pending: no new revision
    // The end of a run: commit (sharded: and stop the shard writers). No writes after it.
    void finish();
    unsigned shard_count() const; // 0: a single database
    std::uint64_t exact_duplicates() const { return exact_duplicates_; }
    Xapian::doccount doc_count() const;
    const Stats& stats() const { return stats_; }

  private:
    struct Decision {
        Outcome outcome = Outcome::added;
        Xapian::docid self = 0; // the stored document with this id, 0 when new
        std::string cluster;
    };
    Decision decide(const std::string& id_term, const std::string& content_hash,
                    const Xapian::Document& doc);
    // Sharded: the decision against the snapshot and the epoch.
    struct Found {
        bool exists = false;
        std::string content_hash;
        Xapian::docid snapshot = 0; // its docid in the snapshot, when it is there and current
    };
    Found find_sharded(const std::string& id_term);
    bool another_with_term(const std::string& term, const std::string& id_term, Xapian::docid self);
    Outcome write_sharded(const std::string& id_term, const std::string& content_hash,
                          Xapian::Document doc, std::vector<SpellingWord> spelling);
    void remove_sharded(const std::string& id_term, const Found& found);
    std::size_t remove_input_articles(const std::string& term);
    void open_sharded(const std::vector<std::string>& shards, bool created);
    std::string cluster_for(const Xapian::Document& doc, Xapian::docid self,
                            const std::string& id_term);
    bool maybe_stored(const std::string& term);
    void remember(const std::string& id_term, const Xapian::Document& doc);
    void write_input_state(const std::string& path, const InputState* state);
    std::size_t delete_stale_articles(const std::string& path);
    void flush();

    std::string path_;
    Options options_;
    Xapian::WritableDatabase db_;      // a single database
    std::unique_ptr<ShardSet> shards_; // a sharded one: its writers,
    Xapian::Database snapshot_;        // every shard as of the last commit,
    // and what the epoch (the writes since that commit) did: the latest version of each article
    // it wrote or removed, by id term; the ids that wrote each lookup term (exact, band, input);
    // the snapshot's docids it replaced or removed.
    struct Written {
        bool removed = false;
        std::string content_hash, cluster, minhash, exact, input;
        std::vector<std::string> bands;
    };
    std::unordered_map<std::string, Written> epoch_;
    std::unordered_map<std::string, std::vector<std::string>> epoch_terms_;
    std::unordered_set<Xapian::docid> superseded_;
    std::unordered_set<std::string> still_held_ids_; // sharded begin_input()
    std::unique_ptr<KeyFilter> fresh_;               // set when db_ was empty at the start
    SpellingBatch spelling_;
    std::size_t pending_ = 0;
    std::size_t pending_terms_ = 0; // distinct terms of the documents written since the commit
    std::uint64_t exact_duplicates_ = 0;
    bool finished_ = false;
    Stats stats_;

    mutable std::mutex inputs_mutex_;
    std::map<std::string, InputState> inputs_; // the stored ingestion state, kept in memory

    // begin_input(): the input read again, and the stored articles it still holds.
    std::string rereading_;
    std::unordered_set<Xapian::docid> still_held_;
};

// The first term of `doc` that starts with `prefix`, or "".
std::string first_term_with_prefix(const Xapian::Document& doc, std::string_view prefix);

// Sharded (for a compaction): every input whose state the shards do not all hold alike gets, in
// every shard, a state that makes dateline-index read it again (committed). The shards must be
// open for writing by the caller.
void reconcile_input_states(std::vector<Xapian::WritableDatabase>& shards);

// The internal term that marks articles read from an input file.
std::string input_term(const std::string& path);

} // namespace dateline
