#include "batch.h"

#include "analyzers/text.h"
#include "database.h"
#include "errors.h"
#include "printers/printers.h"

#include <cstdint>
#include <istream>
#include <limits>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace dateline::query {

namespace {

std::vector<std::string> strings(const nlohmann::json& value, const std::string& key) {
    if (value.is_string()) return {value.get<std::string>()};
    if (!value.is_array())
        throw UsageError("\"" + key + "\" must be a string or a list of strings");
    std::vector<std::string> out;
    for (const auto& item : value) {
        if (!item.is_string()) throw UsageError("\"" + key + "\" must list strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

Xapian::doccount count(const nlohmann::json& value, const std::string& key) {
    constexpr auto most = std::numeric_limits<Xapian::doccount>::max();
    if (!value.is_number_unsigned() || value.get<std::uint64_t>() > most)
        throw UsageError("\"" + key + "\" must be a whole number from 0 to " +
                         std::to_string(most));
    return value.get<Xapian::doccount>();
}

} // namespace

SearchRequest request_from_line(std::string_view line, const SearchRequest& defaults) {
    SearchRequest request = defaults;
    std::string_view text = text::trim(line);
    if (text.empty() || text.front() != '{') {
        request.query = std::string(text);
        return request;
    }
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) throw UsageError("the line is not a valid JSON object");
    for (const auto& [key, value] : j.items()) {
        if (key == "query") {
            if (!value.is_string()) throw UsageError("\"query\" must be a string");
            request.query = value.get<std::string>();
        } else if (key == "limit") {
            request.limit = count(value, key);
        } else if (key == "offset") {
            request.offset = count(value, key);
        } else if (key == "facets") {
            request.facets = strings(value, key);
        } else if (key == "filters") {
            request.filters = strings(value, key);
        } else if (key == "sort") {
            if (!value.is_string()) throw UsageError("\"sort\" must be a string");
            request.sort = parse_sort(value.get<std::string>());
        } else if (key == "collapse") {
            if (!value.is_boolean()) throw UsageError("\"collapse\" must be true or false");
            request.collapse = value.get<bool>();
        } else if (key == "auto_correct") {
            if (!value.is_boolean()) throw UsageError("\"auto_correct\" must be true or false");
            request.auto_correct = value.get<bool>();
        } else {
            throw UsageError("unknown key \"" + key +
                             "\" (expected query, limit, offset, facets, sort, filters, collapse, "
                             "auto_correct)");
        }
    }
    return request;
}

BatchAnswer answer_line(Xapian::Database& db, std::string_view line, std::size_t number,
                        const SearchRequest& defaults, bool& prepared) {
    nlohmann::json doc;
    int code = 0;
    try {
        reopen_latest(db); // the newest commit (a worker may have opened the database long before)
        if (!prepared) {   // once, at the first query: many searches follow (the prepared index is
                           // rebuilt when a reopen finds a new revision)
            prepare_for_many_searches(db);
            prepared = true;
        }
        SearchResult result = search(db, request_from_line(line, defaults));
        code = static_cast<int>(result.total == 0 ? ExitCode::no_results : ExitCode::ok);
        doc = json_shape::search_document(result);
    } catch (const Xapian::Error& e) {
        code = static_cast<int>(ExitCode::database);
        doc = {{"error", "database: " + e.get_description()}};
    } catch (const std::exception& e) {
        code = static_cast<int>(exit_code_for(std::current_exception()));
        doc = {{"error", e.what()}};
    }
    doc["line"] = number;
    doc["exit"] = code;
    return {code, json_shape::dump(doc)};
}

int run_batch(Xapian::Database& db, std::istream& in, std::ostream& out,
              const SearchRequest& defaults) {
    int worst = 0;
    bool prepared = false;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (text::trim(line).empty()) continue;
        const BatchAnswer answer = answer_line(db, line, number, defaults, prepared);
        out << answer.json << '\n';
        out.flush();
        worst = std::max(worst, answer.code);
    }
    return worst;
}

} // namespace dateline::query
