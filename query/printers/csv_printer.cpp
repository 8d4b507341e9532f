// --format csv (RFC 4180 quoting, LF line ends): a table of hits, then — when facets were asked for
// — a blank line and a table of facet values. With --limit 0 only the facet table is printed.
#include "printers.h"

#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace dateline::query {

namespace {

std::string field(std::string_view text) {
    bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                 (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string score_text(double score) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", score);
    return buf;
}

// A number as the JSON document prints it.
std::string number(double v) {
    return nlohmann::json(v).dump();
}

class CsvPrinter final : public Printer {
  public:
    explicit CsvPrinter(std::ostream& out) : out_(out) {}

    void begin(const SearchResult& r) override {
        hits_table_ = r.limit > 0;
        facet_header_done_ = false;
        if (hits_table_)
            row({"id", "rank", "score", "published", "source", "title", "url", "tags", "snippet",
                 "copies"});
    }

    void hit(const Hit& h) override {
        std::string tags;
        for (const auto& t : h.tags)
            tags += (tags.empty() ? "" : "|") + t;
        row({h.id, std::to_string(h.rank), score_text(h.score), h.published.value_or(""), h.source,
             h.title, h.url, tags, h.snippet.render("<b>", "</b>", true),
             std::to_string(h.copies.size())});
    }

    void facet(const FacetResult& f) override {
        if (!facet_header_done_) {
            if (hits_table_) out_ << '\n';
            row({"facet", "value", "label", "count"});
            facet_header_done_ = true;
        }
        for (const auto& v : f.values)
            row({f.name, v.value, v.label, std::to_string(v.count)});
    }

    void end(const SearchResult&) override { out_.flush(); }

    void timeline(const SearchResult&, const FacetResult& dates) override {
        row({"bucket", "count"});
        for (const auto& v : dates.values)
            row({v.value, std::to_string(v.count)});
        out_.flush();
    }

    // Timeline: bucket,count,total,ratio. Compare: wide, one count column and one ratio column
    // per query, then a blank line and the overlap of each pair. Others: one row per item.
    void measure(const MeasureResult& m) override {
        const Timeline& t = m.timeline;
        switch (m.analysis) {
        case Analysis::timeline:
            row({"bucket", "count", "total", "ratio"});
            for (std::size_t i = 0; i < t.labels.size(); ++i)
                row({t.labels[i], std::to_string(t.series[0].counts[i]),
                     std::to_string(t.totals[i]),
                     number(ratio_of(t.series[0].counts[i], t.totals[i]))});
            break;
        case Analysis::compare: {
            std::vector<std::string> head{"bucket", "total"};
            for (const auto& s : t.series)
                head.push_back(s.query);
            for (const auto& s : t.series)
                head.push_back("ratio " + s.query);
            row(head);
            for (std::size_t i = 0; i < t.labels.size(); ++i) {
                std::vector<std::string> fields{t.labels[i], std::to_string(t.totals[i])};
                for (const auto& s : t.series)
                    fields.push_back(std::to_string(s.counts[i]));
                for (const auto& s : t.series)
                    fields.push_back(number(ratio_of(s.counts[i], t.totals[i])));
                row(fields);
            }
            out_ << '\n';
            row({"query_a", "query_b", "shared"});
            for (const auto& o : t.overlaps)
                row({t.series[o.a].query, t.series[o.b].query, std::to_string(o.shared)});
            break;
        }
        case Analysis::cooccur:
            row({"value", "label", "type", "count", "share", "archive_count", "lift", "lift_low"});
            for (const auto& e : m.entities)
                row({e.value, e.label, e.type, std::to_string(e.count), number(e.share),
                     std::to_string(e.archive), number(e.lift), number(e.lift_low)});
            break;
        case Analysis::significant:
            row({"value", "label", "count", "share", "archive_count", "archive_share", "score"});
            for (const auto& i : m.significant)
                row({i.value, i.label, std::to_string(i.count), number(ratio_of(i.count, m.total)),
                     std::to_string(i.archive), number(ratio_of(i.archive, m.archive)),
                     number(i.score)});
            break;
        case Analysis::trending:
            row({"value", "label", "kind", "window", "baseline", "window_rate", "baseline_rate",
                 "z"});
            for (const auto& i : m.trending)
                row({i.value, i.label, i.kind, std::to_string(i.window), std::to_string(i.baseline),
                     number(i.window_rate), number(i.baseline_rate), number(i.z)});
            break;
        case Analysis::none:
            break;
        }
        out_.flush();
    }

    void stats(const DbStats& s) override {
        row({"kind", "value", "label", "count"});
        row({"articles", "", "", std::to_string(s.articles)});
        row({"index_schema_version", std::to_string(s.schema_version), "", ""});
        row({"oldest", s.oldest.value_or(""), "", ""});
        row({"newest", s.newest.value_or(""), "", ""});
        for (const auto& v : s.sources)
            row({"source", v.value, v.label, std::to_string(v.count)});
        for (const auto& v : s.tags)
            row({"tag", v.value, v.label, std::to_string(v.count)});
        for (const auto& v : s.languages)
            row({"language", v.value, v.label, std::to_string(v.count)});
    }

  private:
    void row(const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) out_ << ',';
            out_ << field(fields[i]);
        }
        out_ << '\n';
    }

    std::ostream& out_;
    bool hits_table_ = true;
    bool facet_header_done_ = false;
};

} // namespace

std::unique_ptr<Printer> make_csv_printer(std::ostream& out) {
    return std::make_unique<CsvPrinter>(out);
}

} // namespace dateline::query
