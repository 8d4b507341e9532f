#include "shard_layout.h"

#include "analyzers/hash.h"
#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <xapian.h>

namespace dateline {

namespace fs = std::filesystem;

namespace {

std::string shard_name(unsigned i) {
    return "shard-" + std::to_string(i);
}

} // namespace

std::string shard_path(const std::string& db, unsigned i) {
    return (fs::path(db) / shard_name(i)).string();
}

unsigned shard_of(std::string_view id_term, unsigned count) {
    if (count <= 1) return 0;
    Fnv1a64 h;
    h.update(id_term);
    return static_cast<unsigned>(mix64(h.value()) % count);
}

std::optional<std::vector<std::string>> sharded_layout(const std::string& db) {
    std::error_code ec;
    if (!fs::is_directory(db, ec) || fs::exists(fs::path(db) / "iamglass", ec)) return std::nullopt;
    const fs::path stub = fs::path(db) / stub_file_name;
    if (!fs::exists(stub, ec)) {
        if (fs::exists(fs::path(db) / shard_name(0), ec))
            throw DatabaseError(db + " holds shard folders but no " + std::string(stub_file_name) +
                                " (a --shards creation cut short): run it again with --shards N");
        return std::nullopt;
    }
    std::ifstream in(stub);
    if (!in) throw DatabaseError("reading " + stub.string() + ": cannot open it");
    std::vector<std::string> shards;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.starts_with('#')) continue;
        std::istringstream words(line);
        std::string type, path;
        words >> type >> path;
        if (type != "auto" || path != shard_name(static_cast<unsigned>(shards.size())))
            throw DatabaseError(
                stub.string() + ": '" + line + "' is not a line of dateline-index's " +
                "local shards (auto shard-" + std::to_string(shards.size()) + " expected)");
        shards.push_back(shard_path(db, static_cast<unsigned>(shards.size())));
    }
    if (shards.empty()) throw DatabaseError(stub.string() + " lists no shards");
    return shards;
}

std::vector<std::string> create_sharded_layout(const std::string& db, unsigned count) {
    std::error_code ec;
    fs::create_directories(db, ec);
    if (ec) throw DatabaseError("creating " + db + ": " + ec.message());
    for (const auto& entry : fs::directory_iterator(db, ec)) {
        const std::string name = entry.path().filename().string();
        bool ours = false;
        for (unsigned i = 0; i < count; ++i)
            ours = ours || name == shard_name(i);
        if (!ours)
            throw DatabaseError(db + " is not empty (" + name +
                                "): --shards N creates a new database");
    }
    std::vector<std::string> shards;
    const std::string version(schema::version_key), current = std::to_string(schema::version);
    for (unsigned i = 0; i < count; ++i) {
        shards.push_back(shard_path(db, i));
        xapian_call("creating shard " + shards.back(), [&] {
            Xapian::WritableDatabase shard(shards.back(), Xapian::DB_CREATE_OR_OPEN);
            if (shard.get_doccount() != 0)
                throw DatabaseError(shards.back() + " already holds articles");
            shard.set_metadata(version, current);
            shard.commit();
        });
    }
    const fs::path stub = fs::path(db) / stub_file_name;
    const fs::path tmp = fs::path(db) / (std::string(stub_file_name) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        for (unsigned i = 0; i < count; ++i)
            out << "auto " << shard_name(i) << "\n";
        out.flush();
        if (!out) throw DatabaseError("writing " + tmp.string());
    }
    fs::rename(tmp, stub, ec);
    if (ec) throw DatabaseError("writing " + stub.string() + ": " + ec.message());
    return shards;
}

} // namespace dateline
