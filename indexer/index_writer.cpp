#include "index_writer.h"

#include "analyzers/analyze.h"
#include "analyzers/fingerprint.h"
#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"
#include "indexer/shard_layout.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace dateline {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A state the shards do not all hold (a kill between their commits): never equal to a real one,
// so the input is read again, as one read before.
constexpr std::string_view disagreeing_shards = "(the shards disagree)";

std::optional<IndexWriter::InputState> parse_input_state(const std::string& value) {
    if (value.empty()) return std::nullopt;
    try {
        auto j = nlohmann::json::parse(value);
        return IndexWriter::InputState{
            j.at("size").get<std::uintmax_t>(), j.at("mtime").get<std::int64_t>(),
            j.at("hash").get<std::string>(), j.at("settings").get<std::string>()};
    } catch (const nlohmann::json::exception&) {
        return std::nullopt; // unreadable state: read the input again
    }
}

std::string serialise_input_state(const IndexWriter::InputState& state) {
    nlohmann::json j{{"size", state.size},
                     {"mtime", state.mtime},
                     {"hash", state.hash},
                     {"settings", state.settings}};
    return j.dump();
}

// The band terms of a document, in term order ("XC" and a digit: the band number).
std::vector<std::string> band_terms(const Xapian::Document& doc) {
    std::vector<std::string> bands;
    const std::string_view prefix = schema::prefix::cluster;
    auto t = doc.termlist_begin();
    t.skip_to(std::string(prefix));
    for (; t != doc.termlist_end(); ++t) {
        const std::string term = *t;
        if (!term.starts_with(prefix)) break;
        if (term.size() > prefix.size() && term[prefix.size()] >= '0' && term[prefix.size()] <= '9')
            bands.push_back(term);
    }
    return bands;
}

} // namespace

IndexWriter::IndexWriter(const std::string& path, const Options& options)
    : path_(path), options_(options) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::optional<std::vector<std::string>> layout;
    bool created = false;
    if (options.shards >= 1 && !fs::exists(fs::path(path) / stub_file_name, ec) &&
        !fs::exists(fs::path(path) / "iamglass", ec)) {
        layout = create_sharded_layout(path, options.shards); // (also one cut short before)
        created = true;
    } else {
        layout = sharded_layout(path);
    }
    if (options.shards >= 1) {
        if (layout && layout->size() != options.shards)
            throw DatabaseError(path + " has " + std::to_string(layout->size()) + " shards, not " +
                                std::to_string(options.shards) +
                                " (--shards N only creates a database; later runs need no "
                                "--shards)");
        if (!layout)
            throw DatabaseError(path + " is a single database: --shards N creates a new " +
                                "sharded database (index into this one without --shards)");
    }
    if (layout) {
        open_sharded(*layout, created);
        return;
    }
    const int flags = Xapian::DB_CREATE_OR_OPEN | (options.no_sync ? Xapian::DB_NO_SYNC : 0);
    db_ = xapian_call("opening database " + path,
                      [&] { return Xapian::WritableDatabase(path, flags); });
    const std::string key(schema::version_key);
    const std::string stored =
        xapian_call("reading " + path, [&] { return db_.get_metadata(key); });
    const std::string current = std::to_string(schema::version);
    if (stored.empty()) {
        if (db_.get_doccount() != 0)
            throw DatabaseError(path +
                                " is a Xapian database but not one written by dateline-index");
        xapian_call("initialising " + path, [&] {
            db_.set_metadata(key, current);
            db_.commit();
        });
    } else if (stored != current) {
        throw DatabaseError(path + " has index schema version " + stored +
                            ", this dateline-index writes " + current +
                            ": index into a new database");
    }
    xapian_call("reading " + path, [&] {
        const std::string prefix(schema::input_state_prefix);
        for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it)
            if (auto state = parse_input_state(db_.get_metadata(*it)))
                inputs_.emplace((*it).substr(prefix.size()), *state);
    });
    if (db_.get_doccount() == 0) fresh_ = std::make_unique<KeyFilter>();
}

void IndexWriter::open_sharded(const std::vector<std::string>& shards, bool created) {
    // The writers first: their locks keep another indexer out while the state is read.
    shards_ = std::make_unique<ShardSet>(shards, options_.no_sync, options_.spelling);
    const std::string current = std::to_string(schema::version);
    const std::string prefix(schema::input_state_prefix);
    // Each input's state as every shard holds it (absent counts as a value).
    std::map<std::string, std::vector<std::string>> states;
    for (unsigned i = 0; i < shards.size(); ++i) {
        xapian_call("reading shard " + shards[i], [&] {
            Xapian::Database shard(shards[i]);
            const std::string stored = shard.get_metadata(std::string(schema::version_key));
            if (stored != current)
                throw DatabaseError(shards[i] +
                                    (stored.empty()
                                         ? std::string(" is not a shard written by dateline-index")
                                         : " has index schema version " + stored +
                                               ", this dateline-index writes " + current +
                                               ": index into a new database"));
            for (auto it = shard.metadata_keys_begin(prefix); it != shard.metadata_keys_end(prefix);
                 ++it) {
                auto& values = states[(*it).substr(prefix.size())];
                values.resize(shards.size());
                values[i] = shard.get_metadata(*it);
            }
            snapshot_.add_database(shard);
        });
    }
    for (auto& [input, values] : states) {
        values.resize(shards.size());
        const bool agree =
            std::all_of(values.begin(), values.end(), [&](auto& v) { return v == values[0]; });
        if (agree) {
            if (auto state = parse_input_state(values[0])) inputs_.emplace(input, *state);
        } else {
            inputs_.emplace(input, InputState{0, 0, "", std::string(disagreeing_shards)});
        }
    }
    if (created || snapshot_.get_doccount() == 0) fresh_ = std::make_unique<KeyFilter>();
}

unsigned IndexWriter::shard_count() const {
    return shards_ ? shards_->count() : 0;
}

IndexWriter::~IndexWriter() {
    try {
        flush();
    } catch (...) {
    }
    shards_.reset(); // what was not committed is lost, as a kill would lose it
}

bool IndexWriter::maybe_stored(const std::string& term) {
    if (!fresh_ || fresh_->maybe_contains(term)) return true;
    ++stats_.lookups_skipped;
    return false;
}

void IndexWriter::remember(const std::string& id_term, const Xapian::Document& doc) {
    if (!fresh_) return;
    fresh_->insert(id_term);
    if (auto exact = first_term_with_prefix(doc, schema::prefix::exact_text); !exact.empty())
        fresh_->insert(exact);
    for (const auto& band : band_terms(doc))
        fresh_->insert(band);
}

std::string IndexWriter::cluster_for(const Xapian::Document& doc, Xapian::docid self,
                                     const std::string& id_term) {
    const std::string own = id_term.substr(schema::prefix::id.size());
    const auto signature = fingerprint::decode(doc.get_value(schema::slot::minhash));
    if (!signature) return own;
    const std::vector<std::string> bands = band_terms(doc);
    bool any = false;
    for (const auto& term : bands)
        any = maybe_stored(term) || any;
    if (!any) return own; // no stored document shares a band
    // The cluster of a candidate whose signature is near, or "".
    auto near_cluster = [&](const std::string& minhash, std::string cluster) {
        auto theirs = fingerprint::decode(minhash);
        return theirs && fingerprint::near(*signature, *theirs) ? cluster : std::string();
    };
    std::size_t examined = 0;
    for (const auto& term : bands) {
        if (!shards_) {
            for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term) && examined < 200;
                 ++p, ++examined) {
                if (*p == self) continue;
                Xapian::Document other = db_.get_document(*p);
                auto cluster = near_cluster(other.get_value(schema::slot::minhash),
                                            other.get_value(schema::slot::cluster));
                if (!cluster.empty()) return cluster;
            }
            continue;
        }
        // Sharded: the snapshot (older articles first, as a single database lists them), then
        // the epoch's writes.
        for (auto p = snapshot_.postlist_begin(term);
             p != snapshot_.postlist_end(term) && examined < 200; ++p, ++examined) {
            if (*p == self || superseded_.contains(*p)) continue;
            Xapian::Document other = snapshot_.get_document(*p);
            auto cluster = near_cluster(other.get_value(schema::slot::minhash),
                                        other.get_value(schema::slot::cluster));
            if (!cluster.empty()) return cluster;
        }
        auto written = epoch_terms_.find(term);
        if (written == epoch_terms_.end()) continue;
        for (const auto& id : written->second) {
            if (examined >= 200) break;
            ++examined;
            const Written& w = epoch_.at(id);
            if (id == id_term || w.removed ||
                std::find(w.bands.begin(), w.bands.end(), term) == w.bands.end())
                continue;
            auto cluster = near_cluster(w.minhash, w.cluster);
            if (!cluster.empty()) return cluster;
        }
    }
    return own;
}

std::string first_term_with_prefix(const Xapian::Document& doc, std::string_view prefix) {
    auto t = doc.termlist_begin();
    t.skip_to(std::string(prefix));
    if (t != doc.termlist_end() && (*t).starts_with(prefix)) return *t;
    return "";
}

IndexWriter::Decision IndexWriter::decide(const std::string& id_term,
                                          const std::string& content_hash,
                                          const Xapian::Document& doc) {
    Decision d;
    if (maybe_stored(id_term)) {
        Xapian::PostingIterator it = db_.postlist_begin(id_term);
        if (it != db_.postlist_end(id_term)) {
            d.self = *it;
            if (db_.get_document(d.self).get_value(schema::slot::content_hash) == content_hash) {
                d.outcome = Outcome::unchanged;
                return d;
            }
            d.outcome = Outcome::updated;
        }
    }
    const std::string exact = first_term_with_prefix(doc, schema::prefix::exact_text);
    if (!exact.empty() && maybe_stored(exact)) {
        for (auto p = db_.postlist_begin(exact); p != db_.postlist_end(exact); ++p) {
            if (*p == d.self) continue;
            ++exact_duplicates_;
            if (options_.drop_exact_duplicates) {
                d.outcome = Outcome::dropped_duplicate;
                return d;
            }
            break;
        }
    }
    d.cluster = cluster_for(doc, d.self, id_term);
    return d;
}

IndexWriter::Outcome IndexWriter::write(const std::string& id_term, const std::string& content_hash,
                                        Xapian::Document doc, std::vector<SpellingWord> spelling) {
    if (finished_) throw std::logic_error("IndexWriter::write after finish()");
    if (shards_)
        return xapian_call("writing to " + path_, [&] {
            return write_sharded(id_term, content_hash, std::move(doc), std::move(spelling));
        });
    return xapian_call("writing to " + path_, [&] {
        auto start = Clock::now();
        const Decision d = decide(id_term, content_hash, doc);
        stats_.decide += seconds_since(start);
        if (d.outcome == Outcome::unchanged && !rereading_.empty()) still_held_.insert(d.self);
        if (d.outcome == Outcome::unchanged || d.outcome == Outcome::dropped_duplicate)
            return d.outcome;

        start = Clock::now();
        doc.add_value(schema::slot::cluster, d.cluster);
        doc.add_boolean_term(schema::id_term(d.cluster).replace(0, schema::prefix::id.size(),
                                                                schema::prefix::story));
        remember(id_term, doc);
        pending_terms_ += doc.termlist_count();
        if (!options_.spelling) spelling.clear();
        Xapian::docid written = d.self;
        if (d.self)
            db_.replace_document(d.self, doc);
        else
            written = db_.add_document(doc);
        if (!rereading_.empty()) still_held_.insert(written);
        stats_.write += seconds_since(start);
        start = Clock::now();
        spelling_.add(spelling);
        stats_.spelling += seconds_since(start);
        ++stats_.documents;
        if (++pending_ >= options_.batch || pending_terms_ >= options_.max_pending_terms) flush();
        return d.outcome;
    });
}

IndexWriter::Found IndexWriter::find_sharded(const std::string& id_term) {
    Found f;
    if (!maybe_stored(id_term)) return f;
    if (auto e = epoch_.find(id_term); e != epoch_.end()) {
        // Written or removed this epoch: the snapshot's version, if any, is superseded.
        if (!e->second.removed) {
            f.exists = true;
            f.content_hash = e->second.content_hash;
        }
        return f;
    }
    auto it = snapshot_.postlist_begin(id_term);
    if (it != snapshot_.postlist_end(id_term)) {
        f.exists = true;
        f.snapshot = *it;
        f.content_hash = snapshot_.get_document(*it).get_value(schema::slot::content_hash);
    }
    return f;
}

bool IndexWriter::another_with_term(const std::string& term, const std::string& id_term,
                                    Xapian::docid self) {
    for (auto p = snapshot_.postlist_begin(term); p != snapshot_.postlist_end(term); ++p)
        if (*p != self && !superseded_.contains(*p)) return true;
    if (auto written = epoch_terms_.find(term); written != epoch_terms_.end())
        for (const auto& id : written->second) {
            const Written& w = epoch_.at(id);
            if (id != id_term && !w.removed && w.exact == term) return true;
        }
    return false;
}

IndexWriter::Outcome IndexWriter::write_sharded(const std::string& id_term,
                                                const std::string& content_hash,
                                                Xapian::Document doc,
                                                std::vector<SpellingWord> spelling) {
    auto start = Clock::now();
    const Found found = find_sharded(id_term);
    Outcome outcome = Outcome::added;
    if (found.exists) {
        if (found.content_hash == content_hash) {
            if (!rereading_.empty()) still_held_ids_.insert(id_term);
            stats_.decide += seconds_since(start);
            return Outcome::unchanged;
        }
        outcome = Outcome::updated;
    }
    const std::string exact = first_term_with_prefix(doc, schema::prefix::exact_text);
    if (!exact.empty() && maybe_stored(exact) &&
        another_with_term(exact, id_term, found.snapshot)) {
        ++exact_duplicates_;
        if (options_.drop_exact_duplicates) {
            stats_.decide += seconds_since(start);
            return Outcome::dropped_duplicate;
        }
    }
    std::string cluster = cluster_for(doc, found.snapshot, id_term);
    stats_.decide += seconds_since(start);

    start = Clock::now();
    doc.add_value(schema::slot::cluster, cluster);
    doc.add_boolean_term(
        schema::id_term(cluster).replace(0, schema::prefix::id.size(), schema::prefix::story));
    remember(id_term, doc);
    pending_terms_ += doc.termlist_count();
    Written w{false,          content_hash,
              cluster,        doc.get_value(schema::slot::minhash),
              exact,          first_term_with_prefix(doc, schema::prefix::input),
              band_terms(doc)};
    for (const std::string* term : {&w.exact, &w.input})
        if (!term->empty()) epoch_terms_[*term].push_back(id_term);
    for (const auto& band : w.bands)
        epoch_terms_[band].push_back(id_term);
    epoch_[id_term] = std::move(w);
    if (found.snapshot) superseded_.insert(found.snapshot);
    if (!rereading_.empty()) still_held_ids_.insert(id_term);
    if (!options_.spelling) spelling.clear();
    shards_->send(shard_of(id_term, shards_->count()),
                  {found.exists ? ShardSet::Op::Kind::replace : ShardSet::Op::Kind::add,
                   id_term,
                   std::move(doc),
                   std::move(spelling),
                   {}});
    stats_.write += seconds_since(start);
    ++stats_.documents;
    // An epoch: about `batch` articles per shard.
    if (++pending_ >= options_.batch * shards_->count() ||
        pending_terms_ >= options_.max_pending_terms * shards_->count())
        flush();
    return outcome;
}

void IndexWriter::remove_sharded(const std::string& id_term, const Found& found) {
    if (found.snapshot) superseded_.insert(found.snapshot);
    epoch_[id_term] = Written{true, {}, {}, {}, {}, {}, {}};
    shards_->send(shard_of(id_term, shards_->count()),
                  {ShardSet::Op::Kind::remove, id_term, {}, {}, {}});
}

std::size_t IndexWriter::remove_input_articles(const std::string& term) {
    std::vector<std::string> ids;
    std::unordered_set<std::string> seen;
    for (auto p = snapshot_.postlist_begin(term); p != snapshot_.postlist_end(term); ++p) {
        if (superseded_.contains(*p)) continue;
        std::string id = first_term_with_prefix(snapshot_.get_document(*p), schema::prefix::id);
        if (!still_held_ids_.contains(id) && seen.insert(id).second) ids.push_back(id);
    }
    if (auto written = epoch_terms_.find(term); written != epoch_terms_.end())
        for (const auto& id : written->second) {
            const Written& w = epoch_.at(id);
            if (!w.removed && w.input == term && !still_held_ids_.contains(id) &&
                seen.insert(id).second)
                ids.push_back(id);
        }
    for (const auto& id : ids)
        remove_sharded(id, find_sharded(id));
    return ids.size();
}

bool IndexWriter::remove(const std::string& id_term) {
    return xapian_call("deleting from " + path_, [&] {
        if (shards_) {
            const Found found = find_sharded(id_term);
            if (!found.exists) return false;
            remove_sharded(id_term, found);
            if (++pending_ >= options_.batch * shards_->count()) flush();
            return true;
        }
        Xapian::PostingIterator it = db_.postlist_begin(id_term);
        if (it == db_.postlist_end(id_term)) return false;
        db_.delete_document(*it);
        if (++pending_ >= options_.batch) flush();
        return true;
    });
}

std::optional<IndexWriter::InputState> IndexWriter::input_state(const std::string& path) const {
    std::lock_guard lock(inputs_mutex_);
    auto it = inputs_.find(path);
    if (it == inputs_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> IndexWriter::known_inputs() const {
    std::lock_guard lock(inputs_mutex_);
    std::vector<std::string> paths;
    for (const auto& entry : inputs_)
        paths.push_back(entry.first);
    return paths;
}

void IndexWriter::write_input_state(const std::string& path, const InputState* state) {
    {
        std::lock_guard lock(inputs_mutex_);
        if (state)
            inputs_[path] = *state;
        else
            inputs_.erase(path);
    }
    // Sharded: in every shard, after the input's articles there (the same commit or a later one).
    const std::string key = std::string(schema::input_state_prefix) + path;
    const std::string value = state ? serialise_input_state(*state) : "";
    if (shards_)
        shards_->send_all({ShardSet::Op::Kind::metadata, key, {}, {}, value});
    else
        xapian_call("writing to " + path_, [&] { db_.set_metadata(key, value); });
}

void IndexWriter::begin_input(const std::string& path) {
    rereading_ = path;
    still_held_.clear();
    still_held_ids_.clear();
}

std::size_t IndexWriter::set_input_state(const std::string& path, const InputState& state) {
    const std::size_t deleted = delete_stale_articles(path);
    if (input_state(path) == state) return deleted; // the same state would make a new revision
    write_input_state(path, &state);
    ++pending_;
    return deleted;
}

std::size_t IndexWriter::delete_stale_articles(const std::string& path) {
    // Any input's state ends a begin_input(): one that failed part way records none.
    const bool same = rereading_ == path;
    rereading_.clear();
    if (!same) {
        still_held_.clear();
        still_held_ids_.clear();
        return 0;
    }
    if (shards_) {
        const std::size_t n = xapian_call("deleting from " + path_,
                                          [&] { return remove_input_articles(input_term(path)); });
        still_held_ids_.clear();
        pending_ += n;
        return n;
    }
    const std::string term = input_term(path);
    std::vector<Xapian::docid> stale;
    xapian_call("reading " + path_, [&] {
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
            if (!still_held_.contains(*it)) stale.push_back(*it);
    });
    still_held_.clear();
    xapian_call("deleting from " + path_, [&] {
        for (Xapian::docid did : stale)
            db_.delete_document(did);
    });
    pending_ += stale.size(); // committed with the input's state (no flush in between)
    return stale.size();
}

std::size_t IndexWriter::forget_input(const std::string& path) {
    const std::string term = input_term(path);
    const std::size_t n = xapian_call("deleting from " + path_, [&] {
        if (shards_) {
            still_held_ids_.clear();
            return remove_input_articles(term);
        }
        std::size_t count = db_.get_termfreq(term);
        if (count) db_.delete_document(term);
        return count;
    });
    write_input_state(path, nullptr);
    pending_ += n + 1;
    return n;
}

void reconcile_input_states(std::vector<Xapian::WritableDatabase>& shards) {
    const std::string prefix(schema::input_state_prefix);
    std::map<std::string, std::vector<std::string>> states;
    for (std::size_t i = 0; i < shards.size(); ++i)
        for (auto it = shards[i].metadata_keys_begin(prefix);
             it != shards[i].metadata_keys_end(prefix); ++it) {
            auto& values = states[*it];
            values.resize(shards.size());
            values[i] = shards[i].get_metadata(*it);
        }
    const std::string again =
        serialise_input_state(IndexWriter::InputState{0, 0, "", std::string(disagreeing_shards)});
    bool changed = false;
    for (auto& [key, values] : states) {
        values.resize(shards.size());
        if (std::all_of(values.begin(), values.end(), [&](auto& v) { return v == values[0]; }))
            continue;
        for (auto& shard : shards)
            shard.set_metadata(key, again);
        changed = true;
    }
    if (changed)
        for (auto& shard : shards)
            shard.commit();
}

std::string input_term(const std::string& path) {
    return std::string(schema::prefix::input) + content_hash(path);
}

void IndexWriter::flush() {
    if (pending_ == 0) return; // an empty commit would still make a new revision
    const auto start = Clock::now();
    xapian_call("committing to " + path_, [&] {
        if (shards_) {
            shards_->commit();
            snapshot_.reopen();
            epoch_.clear();
            epoch_terms_.clear();
            superseded_.clear();
            return;
        }
        spelling_.flush_into(db_);
        db_.commit();
    });
    stats_.commit += seconds_since(start);
    ++stats_.commits;
    pending_ = 0;
    pending_terms_ = 0;
}

void IndexWriter::commit() {
    flush();
}

void IndexWriter::finish() {
    if (finished_) return;
    flush();
    if (shards_) xapian_call("closing the shards of " + path_, [&] { shards_->close(); });
    finished_ = true;
}

Xapian::doccount IndexWriter::doc_count() const {
    return xapian_call("reading " + path_,
                       [&] { return shards_ ? snapshot_.get_doccount() : db_.get_doccount(); });
}

} // namespace dateline
