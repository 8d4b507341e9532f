// The JSON of measurements (query/measure/measure.h): what --format json prints, the server
// answers and the page draws. Documented in query/OUTPUT.md ("Measurements").
#include "analyzers/dates.h"
#include "printers.h"

namespace dateline::query::json_shape {

namespace {

nlohmann::json day_json(std::int64_t seconds) {
    return dates::format_iso(Timestamp{seconds, Timestamp::Precision::day});
}

nlohmann::json rows_json(const Timeline& t, const Series& s) {
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t i = 0; i < t.labels.size(); ++i)
        rows.push_back({{"bucket", t.labels[i]},
                        {"count", s.counts[i]},
                        {"total", t.totals[i]},
                        {"ratio", ratio_of(s.counts[i], t.totals[i])}});
    return rows;
}

Xapian::doccount undated(const Series& s) {
    Xapian::doccount dated = 0;
    for (auto c : s.counts)
        dated += c;
    return s.total - dated;
}

nlohmann::json period_json(const Period& p) {
    return {{"start", day_json(p.start)},
            {"end", day_json(p.end)},
            {"documents", p.documents},
            {"sampled", p.sampled}};
}

} // namespace

nlohmann::json measure_document(const MeasureResult& r) {
    nlohmann::json doc{
        {"schema_version", output_schema_version},
        {"analysis", analysis_name(r.analysis)},
        {"query", r.query},
        {"parsed_query", r.parsed},
        {"filters", r.filters},
        {"total", r.total},
        {"archive", r.archive},
    };
    const Timeline& t = r.timeline;
    switch (r.analysis) {
    case Analysis::timeline:
        doc["bucket"] = t.bucket;
        doc["scope_total"] = t.scope_total;
        doc["missing"] = undated(t.series.front());
        doc["timeline"] = rows_json(t, t.series.front());
        break;
    case Analysis::compare: {
        doc["bucket"] = t.bucket;
        doc["scope_total"] = t.scope_total;
        nlohmann::json series = nlohmann::json::array(), overlaps = nlohmann::json::array();
        for (const auto& s : t.series)
            series.push_back({{"query", s.query},
                              {"parsed_query", s.parsed},
                              {"total", s.total},
                              {"missing", undated(s)},
                              {"timeline", rows_json(t, s)}});
        for (const auto& o : t.overlaps)
            overlaps.push_back({{"a", o.a},
                                {"b", o.b},
                                {"queries", {t.series[o.a].query, t.series[o.b].query}},
                                {"shared", o.shared}});
        doc["series"] = std::move(series);
        doc["overlaps"] = std::move(overlaps);
        break;
    }
    case Analysis::cooccur: {
        doc["type"] = r.type.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.type);
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& e : r.entities)
            rows.push_back({{"value", e.value},
                            {"label", e.label},
                            {"type", e.type},
                            {"count", e.count},
                            {"share", e.share},
                            {"archive_count", e.archive},
                            {"lift", e.lift},
                            {"lift_low", e.lift_low}});
        doc["entities"] = std::move(rows);
        break;
    }
    case Analysis::significant: {
        doc["kind"] = r.kind;
        doc["score"] = "g2";
        doc["sampled"] = r.sampled;
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& s : r.significant)
            rows.push_back({{"value", s.value},
                            {"label", s.label},
                            {"count", s.count},
                            {"share", ratio_of(s.count, r.total)},
                            {"archive_count", s.archive},
                            {"archive_share", ratio_of(s.archive, r.archive)},
                            {"score", s.score}});
        doc["items"] = std::move(rows);
        break;
    }
    case Analysis::trending: {
        doc["test"] = "two-proportion z";
        doc["window"] = period_json(r.window);
        doc["baseline"] = period_json(r.baseline);
        nlohmann::json rows = nlohmann::json::array();
        for (const auto& item : r.trending)
            rows.push_back({{"value", item.value},
                            {"label", item.label},
                            {"kind", item.kind},
                            {"window", item.window},
                            {"baseline", item.baseline},
                            {"window_rate", item.window_rate},
                            {"baseline_rate", item.baseline_rate},
                            {"z", item.z}});
        doc["items"] = std::move(rows);
        break;
    }
    case Analysis::none:
        break;
    }
    return doc;
}

nlohmann::json network_document(const Network& network) {
    nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
        const auto& n = network.nodes[i];
        nodes.push_back({{"id", "n" + std::to_string(i)},
                         {"value", n.value},
                         {"label", n.label},
                         {"type", n.type},
                         {"count", n.count}});
    }
    for (const auto& e : network.edges)
        edges.push_back({{"source", "n" + std::to_string(e.source)},
                         {"target", "n" + std::to_string(e.target)},
                         {"weight", e.weight}});
    return {{"schema_version", output_schema_version},
            {"directed", false},
            {"nodes", std::move(nodes)},
            {"edges", std::move(edges)}};
}

} // namespace dateline::query::json_shape
