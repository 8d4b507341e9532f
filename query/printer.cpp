#include "printer.h"

#include "errors.h"
#include "printers/printers.h"

namespace dateline::query {

Format parse_format(std::string_view name) {
    if (name == "table") return Format::table;
    if (name == "json") return Format::json;
    if (name == "jsonl") return Format::jsonl;
    if (name == "csv") return Format::csv;
    throw UsageError("unknown format '" + std::string(name) +
                     "': expected table, json, jsonl or csv");
}

const char* format_name(Format format) {
    switch (format) {
    case Format::table:
        return "table";
    case Format::json:
        return "json";
    case Format::jsonl:
        return "jsonl";
    case Format::csv:
        return "csv";
    }
    return "table";
}

std::unique_ptr<Printer> make_printer(Format format, std::ostream& out,
                                      const PrintOptions& options) {
    switch (format) {
    case Format::table:
        return make_table_printer(out, options);
    case Format::json:
        return make_json_printer(out);
    case Format::jsonl:
        return make_jsonl_printer(out);
    case Format::csv:
        return make_csv_printer(out);
    }
    return make_table_printer(out, options);
}

void render(const SearchResult& result, Printer& printer) {
    printer.begin(result);
    for (const auto& hit : result.hits)
        printer.hit(hit);
    for (const auto& facet : result.facets)
        printer.facet(facet);
    printer.end(result);
}

void render_timeline(const SearchResult& result, Printer& printer) {
    for (const auto& facet : result.facets)
        if (facet.name == "date") return printer.timeline(result, facet);
    FacetResult none;
    none.name = "date";
    printer.timeline(result, none);
}

} // namespace dateline::query
