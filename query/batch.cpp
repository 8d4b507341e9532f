#include "batch.h"

#include "analyzers/text.h"
#include "database.h"
#include "errors.h"
#include "measure/measure.h"
#include "printers/printers.h"
#include "request_options.h"

#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace dateline::query {

SearchRequest request_from_line(std::string_view line, const SearchRequest& defaults) {
    SearchRequest request = defaults;
    std::string_view text = text::trim(line);
    if (text.empty() || text.front() != '{') {
        request.query = std::string(text);
        return request;
    }
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) throw UsageError("the line is not a valid JSON object");
    return request_from_json(j, defaults);
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
        const SearchRequest request = request_from_line(line, defaults);
        if (analysis_of(request.measure) != Analysis::none) { // a measurement line
            const MeasureResult measured = measure(db, request);
            code = static_cast<int>(measured.total == 0 ? ExitCode::no_results : ExitCode::ok);
            doc = json_shape::measure_document(measured);
        } else {
            SearchResult result = search(db, request);
            code = static_cast<int>(result.total == 0 ? ExitCode::no_results : ExitCode::ok);
            doc = json_shape::search_document(result);
        }
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
