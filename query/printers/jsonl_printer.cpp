// --format jsonl: one JSON object per line: hits, then facet values, then a summary.
#include "printers.h"

#include <ostream>

namespace dateline::query {

namespace {

class JsonlPrinter final : public Printer {
  public:
    explicit JsonlPrinter(std::ostream& out) : out_(out) {}

    void begin(const SearchResult&) override { facets_info_ = nlohmann::json::object(); }

    void hit(const Hit& h) override {
        nlohmann::json line{{"type", "hit"}};
        line.update(json_shape::hit(h));
        write(line);
    }

    void facet(const FacetResult& f) override {
        for (const auto& v : f.values)
            write({{"type", "facet"},
                   {"facet", f.name},
                   {"value", v.value},
                   {"label", v.label},
                   {"count", v.count}});
        facets_info_[f.name] = json_shape::facet_info(f);
    }

    void end(const SearchResult& r) override {
        nlohmann::json line = json_shape::summary(r);
        line["type"] = "summary";
        line["returned"] = r.hits.size();
        line["facets_info"] = facets_info_;
        write(line);
    }

    void timeline(const SearchResult& r, const FacetResult& dates) override {
        for (const auto& v : dates.values)
            write({{"type", "bucket"}, {"bucket", v.value}, {"count", v.count}});
        write({{"type", "summary"},
               {"schema_version", output_schema_version},
               {"query", r.query},
               {"parsed_query", r.parsed},
               {"filters", r.filters},
               {"total", r.total},
               {"suggestion", json_shape::suggestion_json(r)},
               {"auto_corrected", r.auto_corrected},
               {"bucket", dates.bucket},
               {"missing", dates.missing}});
    }

    // One line per row (bucket, entity, item), then the document without its rows as the summary.
    void measure(const MeasureResult& m) override {
        nlohmann::json doc = json_shape::measure_document(m);
        const std::pair<const char*, const char*> lists[] = {
            {"timeline", "bucket"}, {"entities", "entity"}, {"items", "item"}};
        for (const auto& [key, type] : lists) {
            if (!doc.contains(key)) continue;
            for (auto& row : doc[key])
                write(typed(type, row));
            doc.erase(key);
        }
        if (doc.contains("series")) {
            for (std::size_t i = 0; i < doc["series"].size(); ++i)
                for (auto& row : doc["series"][i]["timeline"]) {
                    row["series"] = i;
                    row["query"] = doc["series"][i]["query"];
                    write(typed("bucket", row));
                }
            for (auto& s : doc["series"])
                s.erase("timeline");
        }
        write(typed("summary", doc));
    }

    void stats(const DbStats& s) override {
        nlohmann::json line{{"type", "stats"}, {"schema_version", output_schema_version}};
        line.update(json_shape::stats(s));
        write(line);
    }

  private:
    static nlohmann::json typed(const char* type, const nlohmann::json& row) {
        nlohmann::json line{{"type", type}};
        line.update(row);
        return line;
    }
    void write(const nlohmann::json& j) { out_ << json_shape::dump(j) << '\n'; }

    std::ostream& out_;
    nlohmann::json facets_info_ = nlohmann::json::object();
};

} // namespace

std::unique_ptr<Printer> make_jsonl_printer(std::ostream& out) {
    return std::make_unique<JsonlPrinter>(out);
}

} // namespace dateline::query
