// The printer implementations behind make_printer() (printer.h), and the JSON shapes the JSON
// and JSONL printers share. Internal to the query library.
#pragma once

#include "../printer.h"

#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>

namespace dateline::query {

std::unique_ptr<Printer> make_table_printer(std::ostream& out, const PrintOptions& options);
std::unique_ptr<Printer> make_json_printer(std::ostream& out);
std::unique_ptr<Printer> make_jsonl_printer(std::ostream& out);
std::unique_ptr<Printer> make_csv_printer(std::ostream& out);

namespace json_shape {
// {"rank","id","title","url","source","source_id","published","language","tags","score","snippet"}
nlohmann::json hit(const Hit& hit);
// [{"value","label","count"}...]
nlohmann::json facet_values(const FacetResult& facet);
// {"distinct","other","missing"} (+ "bucket" for the date facet)
nlohmann::json facet_info(const FacetResult& facet);
// The whole --format json document of a search (what the JSON printer prints).
nlohmann::json search_document(const SearchResult& result);
// The fields every whole-result document shares (schema_version, query, total, paging...).
nlohmann::json summary(const SearchResult& result);
// The --timeline --format json document.
nlohmann::json timeline_document(const SearchResult& result, const FacetResult& dates);
// The --format json document of a measurement (measure/measure.h; OUTPUT.md "Measurements").
nlohmann::json measure_document(const MeasureResult& result);
// The co-occurrence network: {"schema_version", "directed", "nodes", "edges"}.
nlohmann::json network_document(const Network& network);
// The --stats object (without schema_version).
nlohmann::json stats(const DbStats& stats);
// The "suggestion" value: the corrected query, or null.
nlohmann::json suggestion_json(const SearchResult& result);
// Serialises with invalid UTF-8 replaced rather than throwing; indent < 0 = one line.
std::string dump(const nlohmann::json& j, int indent = -1);
} // namespace json_shape

} // namespace dateline::query
