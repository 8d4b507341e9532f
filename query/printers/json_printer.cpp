// --format json: one JSON document (pretty-printed) per run.
#include "printers.h"

#include <ostream>

namespace dateline::query {

namespace {

class JsonPrinter final : public Printer {
  public:
    explicit JsonPrinter(std::ostream& out) : out_(out) {}

    void begin(const SearchResult&) override {}
    void hit(const Hit&) override {}
    void facet(const FacetResult&) override {}

    // The document is built from the result at the end (json_shape::search_document, which
    // --batch shares): hit() and facet() add nothing render() has not put in the result.
    void end(const SearchResult& r) override {
        out_ << json_shape::dump(json_shape::search_document(r), 2) << '\n';
    }

    void timeline(const SearchResult& r, const FacetResult& dates) override {
        out_ << json_shape::dump(json_shape::timeline_document(r, dates), 2) << '\n';
    }

    void measure(const MeasureResult& m) override {
        out_ << json_shape::dump(json_shape::measure_document(m), 2) << '\n';
    }

    void stats(const DbStats& s) override {
        nlohmann::json j{{"schema_version", output_schema_version}};
        j.update(json_shape::stats(s));
        out_ << json_shape::dump(j, 2) << '\n';
    }

  private:
    std::ostream& out_;
};

} // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out) {
    return std::make_unique<JsonPrinter>(out);
}

} // namespace dateline::query
