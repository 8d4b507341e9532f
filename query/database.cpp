#include "database.h"

#include "analyzers/schema.h"

#include <charconv>
#include <filesystem>
#include <system_error>

namespace dateline::query {

namespace fs = std::filesystem;

int stored_schema_version(const Xapian::Database& db) {
    std::string text = db.get_metadata(std::string(schema::version_key));
    if (text.empty()) return 0;
    int version = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (ec != std::errc() || ptr != text.data() + text.size() || version < 0) return -1;
    return version;
}

Xapian::Database open_database(const std::string& path) {
    auto fail = [&](const std::string& reason) {
        return DbError("cannot open database " + path + ": " + reason);
    };
    std::error_code ec;
    if (!fs::exists(path, ec)) throw fail("no such file or directory");
    Xapian::Database db;
    std::string stored;
    try {
        db = Xapian::Database(path);
        stored = db.get_metadata(std::string(schema::version_key));
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw fail("not a Xapian database (" + e.get_msg() + ")");
    } catch (const Xapian::Error& e) {
        throw fail(e.get_description());
    }
    if (stored.empty())
        throw fail("not a Dateline database (no " + std::string(schema::version_key) +
                   " metadata; was it written by dateline-index?)");
    const int version = stored_schema_version(db);
    if (version < 0)
        throw fail("unreadable schema version '" + stored.substr(0, 40) + "' (metadata " +
                   std::string(schema::version_key) + "); rebuild it with dateline-index");
    if (version > schema::version)
        throw fail("schema version " + std::to_string(version) +
                   " is newer than this dateline-query supports (" +
                   std::to_string(schema::version) + "); upgrade Dateline");
    if (version < schema::version)
        throw fail("schema version " + std::to_string(version) +
                   " is older than this dateline-query supports (" +
                   std::to_string(schema::version) + "); rebuild it with dateline-index");
    return db;
}

} // namespace dateline::query
