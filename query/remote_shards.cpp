#include "remote_shards.h"

#include "analyzers/schema.h"
#include "errors.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>
#include <unordered_map>

namespace dateline::query {

namespace fs = std::filesystem;

namespace {

RemoteOptions& options_storage() {
    static RemoteOptions options;
    return options;
}

std::unordered_map<std::string, RemoteState>& states() {
    thread_local std::unordered_map<std::string, RemoteState> by_uuid;
    return by_uuid;
}

// fetch_documents' own connection to a remote shard of a stub opened by this thread.
struct Fetcher {
    std::optional<Xapian::Database> db;
    bool stale = false; // the stub's database was reopened since this one was
};

// By the database's UUID: one per shard the database holds (in its order), for the remote ones.
std::unordered_map<std::string, std::vector<Fetcher>>& fetchers() {
    thread_local std::unordered_map<std::string, std::vector<Fetcher>> by_uuid;
    return by_uuid;
}

std::optional<unsigned> parse_port(std::string_view text) {
    unsigned port = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
    if (ec != std::errc() || ptr != text.data() + text.size() || port == 0 || port > 65535)
        return std::nullopt;
    return port;
}

// One line of a stub: the shard it names, or nullopt for a blank line or a comment.
std::optional<ShardSpec> parse_line(const std::string& line, const fs::path& folder,
                                    const std::string& where) {
    std::istringstream words(line);
    std::string kind;
    if (!(words >> kind) || kind[0] == '#') return std::nullopt;
    std::string rest;
    std::getline(words, rest);
    rest.erase(0, rest.find_first_not_of(" \t"));
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r'))
        rest.pop_back();
    auto bad = [&](const std::string& why) {
        return DbError("cannot open database " + where + ": '" + line + "': " + why);
    };
    ShardSpec spec;
    if (kind == "auto" || kind == "glass" || kind == "chert") {
        if (rest.empty()) throw bad("no path");
        fs::path p(rest);
        spec.path = (p.is_absolute() ? p : folder / p).string();
        spec.name = rest;
        return spec;
    }
    if (kind != "remote") throw bad("expected auto, glass, chert or remote");
    spec.remote = true;
    std::istringstream parts(rest);
    std::string first;
    parts >> first;
    if (first == "tcp") { // remote tcp HOST PORT
        std::string host, port;
        parts >> host >> port;
        auto number = parse_port(port);
        if (host.empty() || !number) throw bad("expected remote tcp HOST PORT");
        spec.host = host;
        spec.port = *number;
    } else if (!first.empty() && first[0] == ':') { // remote :PROGRAM ARGS
        spec.host = first.substr(1);
        std::getline(parts, spec.args);
        spec.args.erase(0, spec.args.find_first_not_of(' '));
        if (spec.host.empty()) throw bad("expected remote :PROGRAM ARGS");
        spec.name = rest;
        return spec;
    } else { // remote HOST:PORT
        const auto colon = first.rfind(':');
        auto number =
            colon == std::string::npos ? std::nullopt : parse_port(first.substr(colon + 1));
        if (!number || colon == 0) throw bad("expected remote HOST:PORT or remote tcp HOST PORT");
        spec.host = first.substr(0, colon);
        spec.port = *number;
    }
    spec.name = spec.host + ":" + std::to_string(spec.port);
    return spec;
}

Xapian::Database open_shard(const ShardSpec& spec, const RemoteOptions& options) {
    if (!spec.remote) return Xapian::Database(spec.path);
    if (spec.port == 0) return Xapian::Remote::open(spec.host, spec.args, options.timeout_ms);
    return Xapian::Remote::open(spec.host, spec.port, options.timeout_ms, options.timeout_ms);
}

std::string shard_label(const std::vector<ShardSpec>& shards, std::size_t i) {
    return "shard " + std::to_string(i + 1) + " of " + std::to_string(shards.size()) + " (" +
           shards[i].name + ")";
}

struct Opened {
    Xapian::Database db;
    std::vector<std::string> missing;
};

Opened open_all(const std::string& path, const std::vector<ShardSpec>& shards) {
    const RemoteOptions& options = remote_options();
    Opened out;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        try {
            out.db.add_database(open_shard(shards[i], options));
        } catch (const Xapian::NetworkError& e) {
            if (!options.allow_partial)
                throw DbError("cannot open database " + path + ": " + shard_label(shards, i) +
                              " does not answer: " + e.get_msg() +
                              " (--allow-partial answers from the other shards)");
            out.missing.push_back(shards[i].name);
        } catch (const Xapian::Error& e) {
            throw DbError("cannot open database " + path + ": " + shard_label(shards, i) + ": " +
                          e.get_description());
        }
    }
    if (out.missing.size() == shards.size())
        throw DbError("cannot open database " + path + ": none of its " +
                      std::to_string(shards.size()) + " shards answers");
    return out;
}

void remember(const Xapian::Database& db, const std::string& path,
              const std::vector<ShardSpec>& shards, std::vector<std::string> missing) {
    fetchers().erase(db.get_uuid());
    RemoteState& state = states()[db.get_uuid()];
    state.path = path;
    state.shards = shards;
    state.missing = std::move(missing);
    state.companion.reset();
    std::error_code ec;
    const fs::path stub = fs::is_directory(path, ec) ? fs::path(path) / "XAPIANDB" : fs::path(path);
    const std::string companion = schema::companion_path(stub.string());
    if (!fs::is_directory(companion, ec)) return;
    try {
        state.companion = Xapian::Database(companion);
    } catch (const Xapian::Error& e) {
        throw DbError("cannot open database " + path + ": its companion " + companion + ": " +
                      e.get_description());
    }
}

} // namespace

void set_remote_options(const RemoteOptions& options) {
    options_storage() = options;
}

const RemoteOptions& remote_options() {
    return options_storage();
}

std::optional<std::vector<ShardSpec>> stub_shards(const std::string& path) {
    std::error_code ec;
    fs::path stub(path);
    if (fs::is_directory(stub, ec)) stub /= "XAPIANDB";
    if (!fs::is_regular_file(stub, ec)) return std::nullopt;
    std::ifstream in(stub);
    std::string line;
    // A glass database's files are binary; a stub is short lines of text: only a file whose
    // first line reads as one is parsed.
    std::vector<ShardSpec> shards;
    std::size_t lines = 0;
    while (std::getline(in, line)) {
        if (++lines > 100000 || line.size() > 4096) return std::nullopt;
        std::istringstream words(line);
        std::string kind;
        if (!(words >> kind) || kind[0] == '#') continue;
        if (kind != "remote" && kind != "auto" && kind != "glass" && kind != "chert" &&
            kind != "inmemory")
            return std::nullopt; // not a stub: Xapian says what it is
        if (kind == "inmemory") return std::nullopt;
        auto spec = parse_line(line, stub.parent_path(), path);
        if (spec) shards.push_back(std::move(*spec));
    }
    return shards;
}

std::optional<std::vector<ShardSpec>> remote_stub(const std::string& path) {
    auto shards = stub_shards(path);
    if (!shards ||
        std::none_of(shards->begin(), shards->end(), [](const ShardSpec& s) { return s.remote; }))
        return std::nullopt;
    return shards;
}

Xapian::Database open_remote_stub(const std::string& path, const std::vector<ShardSpec>& shards) {
    Opened opened = open_all(path, shards);
    remember(opened.db, path, shards, std::move(opened.missing));
    return opened.db;
}

const RemoteState* remote_state(const Xapian::Database& db) {
    if (states().empty()) return nullptr;
    try {
        auto it = states().find(db.get_uuid());
        return it == states().end() ? nullptr : &it->second;
    } catch (const Xapian::Error&) {
        return nullptr;
    }
}

const Xapian::Database& spelling_database(const Xapian::Database& db) {
    const RemoteState* state = remote_state(db);
    return state && state->companion ? *state->companion : db;
}

void reopen_companion(const Xapian::Database& db) {
    if (states().empty()) return;
    auto it = states().find(db.get_uuid());
    if (it == states().end() || !it->second.companion) return;
    try {
        it->second.companion->reopen();
    } catch (const Xapian::Error& e) {
        throw DbError("cannot reopen the companion of " + it->second.path + ": " +
                      e.get_description());
    }
}

std::vector<Xapian::Document> fetch_documents(const Xapian::Database& db,
                                              std::span<const Xapian::docid> docids) {
    std::vector<Xapian::Document> out(docids.size());
    const RemoteState* state = remote_state(db);
    std::vector<const ShardSpec*> held; // the shards db holds, in its order
    if (state)
        for (const ShardSpec& shard : state->shards)
            if (std::find(state->missing.begin(), state->missing.end(), shard.name) ==
                state->missing.end())
                held.push_back(&shard);
    const std::size_t n = held.size();
    // Which documents each remote shard fetches: (position in docids, the shard's own docid).
    std::vector<std::vector<std::pair<std::size_t, Xapian::docid>>> per_shard(n);
    std::size_t remote_shards = 0;
    for (std::size_t i = 0; i < docids.size(); ++i) {
        const std::size_t shard = n ? (docids[i] - 1) % n : 0;
        if (n > 1 && held[shard]->remote) {
            if (per_shard[shard].empty()) ++remote_shards;
            per_shard[shard].emplace_back(i, (docids[i] - 1) / n + 1);
        } else {
            out[i] = db.get_document(docids[i]);
        }
    }
    if (remote_shards == 0) return out;
    std::vector<Fetcher>& own = fetchers()[db.get_uuid()];
    own.resize(n);
    const RemoteOptions& options = remote_options();
    std::vector<std::exception_ptr> failed(n);
    std::vector<std::vector<std::size_t>> gone(n); // positions the shard's connection lacks
    auto fetch = [&](std::size_t shard) {
        try {
            Fetcher& f = own[shard];
            if (!f.db) {
                f.db = open_shard(*held[shard], options);
            } else if (f.stale) {
                f.db->reopen();
            }
            f.stale = false;
            for (const auto& [position, docid] : per_shard[shard])
                try {
                    out[position] = f.db->get_document(docid);
                } catch (const Xapian::DocNotFoundError&) {
                    gone[shard].push_back(position); // a later revision: read through db
                }
        } catch (...) {
            own[shard].db.reset();
            failed[shard] = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    std::size_t last = n;
    for (std::size_t shard = 0; shard < n; ++shard)
        if (!per_shard[shard].empty()) {
            if (threads.size() + 1 == remote_shards)
                last = shard; // the calling thread fetches the last shard's
            else
                try {
                    threads.emplace_back(fetch, shard);
                } catch (const std::system_error&) {
                    fetch(shard); // no thread to be had: in turn, here
                }
        }
    fetch(last);
    for (auto& thread : threads)
        thread.join();
    for (std::size_t shard = 0; shard < n; ++shard) {
        if (failed[shard]) std::rethrow_exception(failed[shard]);
        for (const std::size_t position : gone[shard])
            out[position] = db.get_document(docids[position]);
    }
    return out;
}

void mark_fetchers_stale(const Xapian::Database& db) {
    if (fetchers().empty()) return;
    auto it = fetchers().find(db.get_uuid());
    if (it == fetchers().end()) return;
    for (Fetcher& f : it->second)
        f.stale = true;
}

void reconnect_remote(Xapian::Database& db) {
    const RemoteState* state = remote_state(db);
    if (!state) return;
    const std::string path = state->path;
    const std::vector<ShardSpec> shards = state->shards;
    db = open_remote_stub(path, shards);
}

} // namespace dateline::query
