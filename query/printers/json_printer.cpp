// --format json: one JSON document (pretty-printed) per run.
#include "printers.h"

#include <ostream>

namespace dateline::query {

namespace {

class JsonPrinter final : public Printer {
  public:
    explicit JsonPrinter(std::ostream& out) : out_(out) {}

    void begin(const SearchResult& r) override {
        doc_ = {
            {"schema_version", output_schema_version},
            {"query", r.query},
            {"parsed_query", r.parsed},
            {"sort", sort_name(r.sort)},
            {"total", r.total},
            {"total_exact", r.total_exact},
            {"offset", r.offset},
            {"limit", r.limit},
            {"stopwords", r.stopwords},
            {"hits", nlohmann::json::array()},
            {"facets", nlohmann::json::object()},
            {"facets_info", nlohmann::json::object()},
        };
    }

    void hit(const Hit& h) override { doc_["hits"].push_back(json_shape::hit(h)); }

    void facet(const FacetResult& f) override {
        doc_["facets"][f.name] = json_shape::facet_values(f);
        doc_["facets_info"][f.name] = json_shape::facet_info(f);
    }

    void end(const SearchResult&) override { out_ << json_shape::dump(doc_, 2) << '\n'; }

    void stats(const DbStats& s) override {
        nlohmann::json j{{"schema_version", output_schema_version}};
        j.update(json_shape::stats(s));
        out_ << json_shape::dump(j, 2) << '\n';
    }

  private:
    std::ostream& out_;
    nlohmann::json doc_;
};

} // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out) {
    return std::make_unique<JsonPrinter>(out);
}

} // namespace dateline::query
