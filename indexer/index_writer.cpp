#include "index_writer.h"

#include <nlohmann/json.hpp>

#include "analyzers/analyze.h"
#include "analyzers/fingerprint.h"
#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"

namespace dateline {

IndexWriter::IndexWriter(const std::string& path, const Options& options)
    : path_(path), options_(options) {
    const int flags = Xapian::DB_CREATE_OR_OPEN | (options.no_sync ? Xapian::DB_NO_SYNC : 0);
    db_ = xapian_call("opening database " + path, [&] { return Xapian::WritableDatabase(path, flags); });
    const std::string key(schema::version_key);
    const std::string stored = xapian_call("reading " + path, [&] { return db_.get_metadata(key); });
    const std::string current = std::to_string(schema::version);
    if (stored.empty()) {
        if (db_.get_doccount() != 0)
            throw DatabaseError(path + " is a Xapian database but not one written by dateline-index");
        xapian_call("initialising " + path, [&] {
            db_.set_metadata(key, current);
            db_.commit();
        });
    } else if (stored != current) {
        throw DatabaseError(path + " has index schema version " + stored + ", this dateline-index writes " +
                            current + ": index into a new database");
    }
}

std::string IndexWriter::cluster_for(const Xapian::Document& doc, Xapian::docid self, const std::string& id_term) {
    const std::string own = id_term.substr(schema::prefix::id.size());
    const auto signature = fingerprint::decode(doc.get_value(schema::slot::minhash));
    if (!signature) return own;
    const std::string prefix(schema::prefix::cluster);
    std::size_t examined = 0;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string term = *t;
        if (!term.starts_with(prefix) || term.size() <= prefix.size() || term[prefix.size()] < '0' ||
            term[prefix.size()] > '9')
            continue;
        for (auto p = db_.postlist_begin(term); p != db_.postlist_end(term) && examined < 200; ++p, ++examined) {
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

IndexWriter::~IndexWriter() {
    try {
        if (pending_) db_.commit();
    } catch (...) {
    }
}

IndexWriter::Outcome IndexWriter::write(const std::string& id_term, const std::string& content_hash,
                                        const Xapian::Document& doc) {
    return xapian_call("writing to " + path_, [&] {
        Outcome outcome = Outcome::added;
        Xapian::docid self = 0;
        Xapian::PostingIterator it = db_.postlist_begin(id_term);
        if (it != db_.postlist_end(id_term)) {
            self = *it;
            if (db_.get_document(self).get_value(schema::slot::content_hash) == content_hash)
                return Outcome::unchanged;
            outcome = Outcome::updated;
        }
        const std::string exact = first_term_with_prefix(doc, schema::prefix::exact_text);
        if (!exact.empty()) {
            for (auto p = db_.postlist_begin(exact); p != db_.postlist_end(exact); ++p) {
                if (*p == self) continue;
                ++exact_duplicates_;
                if (options_.drop_exact_duplicates) return Outcome::dropped_duplicate;
                break;
            }
        }
        Xapian::Document stored = doc;
        const std::string cluster = cluster_for(doc, self, id_term);
        stored.add_value(schema::slot::cluster, cluster);
        stored.add_boolean_term(schema::id_term(cluster).replace(0, schema::prefix::id.size(), schema::prefix::story));
        db_.replace_document(id_term, stored);
        if (++pending_ >= options_.batch) commit();
        return outcome;
    });
}

bool IndexWriter::remove(const std::string& id_term) {
    return xapian_call("deleting from " + path_, [&] {
        if (!db_.term_exists(id_term)) return false;
        db_.delete_document(id_term);
        if (++pending_ >= options_.batch) commit();
        return true;
    });
}

std::optional<IndexWriter::InputState> IndexWriter::input_state(const std::string& path) const {
    const std::string key = std::string(schema::input_state_prefix) + path;
    const std::string value = xapian_call("reading " + path_, [&] { return db_.get_metadata(key); });
    if (value.empty()) return std::nullopt;
    try {
        auto j = nlohmann::json::parse(value);
        return InputState{j.at("size").get<std::uintmax_t>(), j.at("mtime").get<std::int64_t>(),
                          j.at("hash").get<std::string>(), j.at("settings").get<std::string>()};
    } catch (const nlohmann::json::exception&) {
        return std::nullopt; // unreadable state: read the input again
    }
}

void IndexWriter::set_input_state(const std::string& path, const InputState& state) {
    if (input_state(path) == state) return; // writing the same state would make a new revision
    const std::string key = std::string(schema::input_state_prefix) + path;
    nlohmann::json j{{"size", state.size}, {"mtime", state.mtime}, {"hash", state.hash}, {"settings", state.settings}};
    xapian_call("writing to " + path_, [&] { db_.set_metadata(key, j.dump()); });
    ++pending_;
}

std::vector<std::string> IndexWriter::known_inputs() const {
    return xapian_call("reading " + path_, [&] {
        std::vector<std::string> paths;
        const std::string prefix(schema::input_state_prefix);
        for (auto it = db_.metadata_keys_begin(prefix); it != db_.metadata_keys_end(prefix); ++it)
            paths.push_back((*it).substr(prefix.size()));
        return paths;
    });
}

std::size_t IndexWriter::forget_input(const std::string& path) {
    const std::string term = input_term(path);
    return xapian_call("deleting from " + path_, [&] {
        std::size_t n = db_.get_termfreq(term);
        if (n) db_.delete_document(term);
        db_.set_metadata(std::string(schema::input_state_prefix) + path, "");
        pending_ += n + 1;
        return n;
    });
}

std::string input_term(const std::string& path) {
    return std::string(schema::prefix::input) + content_hash(path);
}

void IndexWriter::commit() {
    if (pending_ == 0) return; // an empty commit would still make a new revision
    xapian_call("committing to " + path_, [&] { db_.commit(); });
    pending_ = 0;
}

Xapian::doccount IndexWriter::doc_count() const { return db_.get_doccount(); }

} // namespace dateline
