#include "index_writer.h"

#include "analyzers/analyze.h"
#include "analyzers/fingerprint.h"
#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace dateline {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The catalog (shards only) is private to a run: its documents carry the lookup terms and values
// of the schema, and in this slot the shard that holds the article.
constexpr Xapian::valueno catalog_shard_slot = 0;

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
    const bool sharded = options.shards >= 2;
    const int flags = Xapian::DB_CREATE_OR_OPEN | (options.no_sync ? Xapian::DB_NO_SYNC : 0);
    Xapian::WritableDatabase target = xapian_call(
        "opening database " + path, [&] { return Xapian::WritableDatabase(path, flags); });
    const std::string key(schema::version_key);
    const std::string stored =
        xapian_call("reading " + path, [&] { return target.get_metadata(key); });
    const std::string current = std::to_string(schema::version);
    if (stored.empty()) {
        if (target.get_doccount() != 0)
            throw DatabaseError(path +
                                " is a Xapian database but not one written by dateline-index");
        xapian_call("initialising " + path, [&] {
            target.set_metadata(key, current);
            target.commit();
        });
    } else if (stored != current) {
        throw DatabaseError(path + " has index schema version " + stored +
                            ", this dateline-index writes " + current +
                            ": index into a new database");
    }
    xapian_call("reading " + path, [&] {
        const std::string prefix(schema::input_state_prefix);
        for (auto it = target.metadata_keys_begin(prefix); it != target.metadata_keys_end(prefix);
             ++it)
            if (auto state = parse_input_state(target.get_metadata(*it)))
                inputs_.emplace((*it).substr(prefix.size()), *state);
    });
    if (sharded) {
        if (const auto n = target.get_doccount(); n != 0)
            throw DatabaseError(
                path + " has " + std::to_string(n) +
                " articles: --shards builds a new database (index into this one without --shards)");
        target_ = target;
        shards_ = std::make_unique<ShardSet>(path, options.shards, options.batch);
        const std::string catalog = shards_->folder() + "/catalog";
        db_ = xapian_call("creating " + catalog, [&] {
            return Xapian::WritableDatabase(catalog,
                                            Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        });
    } else {
        db_ = target;
    }
    if (db_.get_doccount() == 0) fresh_ = std::make_unique<KeyFilter>();
}

IndexWriter::~IndexWriter() {
    try {
        if (!shards_) {
            flush();
        } else {
            // No finish(): nothing is merged; the target stays as it was (empty).
            db_.close();
            target_.close();
            shards_.reset();
        }
    } catch (...) {
    }
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
    std::size_t examined = 0;
    for (const auto& term : bands) {
        for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term) && examined < 200;
             ++p, ++examined) {
            if (*p == self) continue;
            Xapian::Document other = db_.get_document(*p);
            auto theirs = fingerprint::decode(other.get_value(schema::slot::minhash));
            if (theirs && fingerprint::near(*signature, *theirs)) {
                std::string cluster = other.get_value(schema::slot::cluster);
                if (!cluster.empty()) return cluster;
            }
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
        pending_terms_ += doc.termlist_count(); // (before doc moves to a shard)
        if (!options_.spelling) spelling.clear();
        if (shards_) {
            // The catalog keeps what decisions read; the shard gets the article.
            Xapian::Document stub;
            stub.add_boolean_term(id_term);
            for (std::string_view prefix : {schema::prefix::exact_text, schema::prefix::input})
                if (auto term = first_term_with_prefix(doc, prefix); !term.empty())
                    stub.add_boolean_term(term);
            for (const auto& band : band_terms(doc))
                stub.add_boolean_term(band);
            for (Xapian::valueno slot :
                 {schema::slot::cluster, schema::slot::content_hash, schema::slot::minhash})
                stub.add_value(slot, doc.get_value(slot));
            unsigned shard = d.self ? static_cast<unsigned>(std::stoul(
                                          db_.get_document(d.self).get_value(catalog_shard_slot)))
                                    : shards_->next_shard();
            stub.add_value(catalog_shard_slot, std::to_string(shard));
            if (d.self)
                db_.replace_document(d.self, stub);
            else
                db_.add_document(stub);
            shards_->send(shard, {d.self ? ShardSet::Op::Kind::replace : ShardSet::Op::Kind::add,
                                  id_term, std::move(doc), std::move(spelling)});
            stats_.write += seconds_since(start);
        } else {
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
        }
        ++stats_.documents;
        if (++pending_ >= options_.batch || pending_terms_ >= options_.max_pending_terms) flush();
        return d.outcome;
    });
}

bool IndexWriter::remove(const std::string& id_term) {
    return xapian_call("deleting from " + path_, [&] {
        Xapian::PostingIterator it = db_.postlist_begin(id_term);
        if (it == db_.postlist_end(id_term)) return false;
        if (shards_) {
            const auto shard = static_cast<unsigned>(
                std::stoul(db_.get_document(*it).get_value(catalog_shard_slot)));
            shards_->send(shard, {ShardSet::Op::Kind::remove, id_term, {}, {}});
        }
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
    // With shards the states reach the target with the merge (finish()).
    if (!shards_) {
        const std::string key = std::string(schema::input_state_prefix) + path;
        xapian_call("writing to " + path_,
                    [&] { db_.set_metadata(key, state ? serialise_input_state(*state) : ""); });
    }
}

void IndexWriter::begin_input(const std::string& path) {
    if (shards_) return; // a new database: nothing was read before
    rereading_ = path;
    still_held_.clear();
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
        return 0;
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
        std::size_t count = db_.get_termfreq(term);
        if (count) {
            db_.delete_document(term);
            if (shards_)
                for (unsigned shard = 0; shard < shards_->count(); ++shard)
                    shards_->send(shard, {ShardSet::Op::Kind::remove, term, {}, {}});
        }
        return count;
    });
    write_input_state(path, nullptr);
    pending_ += n + 1;
    return n;
}

std::string input_term(const std::string& path) {
    return std::string(schema::prefix::input) + content_hash(path);
}

void IndexWriter::flush() {
    if (pending_ == 0) return; // an empty commit would still make a new revision
    const auto start = Clock::now();
    xapian_call("committing to " + path_, [&] {
        if (!shards_) spelling_.flush_into(db_);
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
    if (shards_) {
        const auto start = Clock::now();
        std::vector<std::pair<std::string, std::string>> metadata;
        xapian_call("reading " + path_, [&] {
            for (auto it = target_.metadata_keys_begin(); it != target_.metadata_keys_end(); ++it)
                if (!(*it).starts_with(schema::input_state_prefix))
                    metadata.emplace_back(*it, target_.get_metadata(*it));
            target_.close(); // the compaction takes the target's lock
        });
        {
            std::lock_guard lock(inputs_mutex_);
            for (const auto& [input, state] : inputs_)
                metadata.emplace_back(std::string(schema::input_state_prefix) + input,
                                      serialise_input_state(state));
        }
        shards_->merge(metadata);
        db_.close();
        shards_.reset();
        stats_.merge += seconds_since(start);
        db_ = Xapian::WritableDatabase();
    }
    finished_ = true;
}

Xapian::doccount IndexWriter::doc_count() const {
    return xapian_call("reading " + path_, [&] {
        if (finished_ && options_.shards >= 2) return Xapian::Database(path_).get_doccount();
        return db_.get_doccount();
    });
}

} // namespace dateline
