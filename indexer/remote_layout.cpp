#include "remote_layout.h"

#include "analyzers/schema.h"
#include "analyzers/xapian_call.h"
#include "shard_layout.h"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dateline {

namespace fs = std::filesystem;

ShardChoice parse_shard_choice(std::string_view text) {
    const auto slash = text.find('/');
    auto number = [](std::string_view s, unsigned& out) {
        auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
    };
    ShardChoice choice;
    if (slash == std::string_view::npos || !number(text.substr(0, slash), choice.index) ||
        !number(text.substr(slash + 1), choice.count) || choice.count == 0 || choice.count > 64 ||
        choice.index >= choice.count)
        throw std::invalid_argument("--shard " + std::string(text) +
                                    ": expected I/N with 0 <= I < N <= 64 (e.g. 0/3)");
    return choice;
}

bool in_shard(const ShardChoice& choice, std::string_view id_term) {
    return shard_of(id_term, choice.count) == choice.index;
}

std::string stub_text(const std::vector<std::string>& specs) {
    if (specs.empty()) throw std::invalid_argument("--stub OUT needs at least one shard SPEC");
    std::string text;
    for (const auto& spec : specs) {
        const auto colon = spec.rfind(':');
        const std::string_view port = colon == std::string::npos
                                          ? std::string_view()
                                          : std::string_view(spec).substr(colon + 1);
        unsigned number = 0;
        auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), number);
        const bool remote = colon != std::string::npos && colon > 0 && !port.empty() &&
                            ec == std::errc() && ptr == port.data() + port.size();
        if (remote) {
            if (number == 0 || number > 65535)
                throw std::invalid_argument("--stub: " + spec + ": the port must be 1..65535");
            text += "remote " + spec + "\n";
        } else {
            text += "auto " + spec + "\n";
        }
    }
    return text;
}

std::string write_stub(const std::string& out, const std::vector<std::string>& specs) {
    const std::string text = stub_text(specs);
    std::error_code ec;
    fs::path file(out);
    if (fs::is_directory(file, ec)) file /= std::string(stub_file_name);
    const fs::path tmp = file.string() + ".tmp";
    {
        std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
        o << text;
        o.flush();
        if (!o) throw DatabaseError("writing " + tmp.string() + ": cannot write it");
    }
    fs::rename(tmp, file, ec);
    if (ec) throw DatabaseError("writing " + file.string() + ": " + ec.message());
    return file.string();
}

std::optional<std::string> remote_stub_file(const std::string& path) {
    std::error_code ec;
    fs::path file(path);
    if (fs::is_directory(file, ec)) file /= std::string(stub_file_name);
    if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > (1u << 20)) return std::nullopt;
    std::ifstream in(file);
    std::string line, kind;
    bool remote = false;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        if (!(words >> kind) || kind[0] == '#') continue;
        if (kind == "remote")
            remote = true;
        else if (kind != "auto" && kind != "glass" && kind != "chert")
            return std::nullopt; // not a stub (a glass database's files are binary)
    }
    if (!remote) return std::nullopt;
    return file.string();
}

Xapian::Document companion_document(const Xapian::Document& full) {
    Xapian::Document doc;
    for (const std::string_view prefix : {schema::prefix::id, schema::prefix::input}) {
        auto t = full.termlist_begin();
        for (t.skip_to(std::string(prefix)); t != full.termlist_end(); ++t) {
            const std::string term = *t;
            if (!term.starts_with(prefix)) break;
            doc.add_boolean_term(term);
        }
    }
    doc.add_value(schema::slot::content_hash, full.get_value(schema::slot::content_hash));
    return doc;
}

} // namespace dateline
