#include "export.h"

#include "errors.h"
#include "printers/printers.h"

#include <ostream>

namespace dateline::query {

std::size_t export_matches(Xapian::Database& db, const SearchRequest& request, Format format,
                           std::ostream& out) {
    if (format != Format::csv && format != Format::jsonl)
        throw UsageError("unknown export format '" + std::string(format_name(format)) +
                         "': expected csv or jsonl");
    auto printer = make_printer(format, out);
    std::size_t written = 0;
    bool begun = false;
    SearchResult result = search_streaming(db, request, [&](const Hit& hit) {
        if (!begun) {
            SearchResult header;
            header.limit = 1; // the hits table is printed
            printer->begin(header);
            begun = true;
        }
        printer->hit(hit);
        ++written;
    });
    result.offset = 0;
    result.limit = static_cast<Xapian::doccount>(written);
    if (format == Format::csv) {
        if (!begun) {
            SearchResult header;
            header.limit = 1;
            printer->begin(header);
        }
        printer->end(result);
    } else {
        nlohmann::json line = json_shape::summary(result);
        line["type"] = "summary";
        line["returned"] = written;
        line["facets_info"] = nlohmann::json::object();
        out << json_shape::dump(line) << '\n';
    }
    out.flush();
    return written;
}

} // namespace dateline::query
