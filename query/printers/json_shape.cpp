#include "printers.h"

namespace dateline::query::json_shape {

namespace {

nlohmann::json values_json(const std::vector<FacetValue>& values) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& v : values)
        out.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    return out;
}

nlohmann::json copies_json(const std::vector<Copy>& copies) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : copies)
        out.push_back({{"id", c.id}, {"source", c.source}, {"url", c.url}});
    return out;
}

nlohmann::json snippet_mentions_json(const Snippet& snippet) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : snippet.mentions)
        out.push_back({{"start", m.start},
                       {"end", m.end},
                       {"text", m.text},
                       {"type", entity_type_name(m.type)},
                       {"entity", m.entity}});
    return out;
}

} // namespace

nlohmann::json suggestion_json(const SearchResult& r) {
    return r.suggestion ? nlohmann::json(*r.suggestion) : nlohmann::json(nullptr);
}

nlohmann::json hit(const Hit& h) {
    return {
        {"rank", h.rank},
        {"id", h.id},
        {"title", h.title},
        {"url", h.url},
        {"source", h.source},
        {"source_id", h.source_id},
        {"published", h.published ? nlohmann::json(*h.published) : nlohmann::json(nullptr)},
        {"language", h.language},
        {"tags", h.tags},
        {"score", h.score},
        {"snippet", h.snippet.render("<b>", "</b>", true)},
        {"snippet_mentions", snippet_mentions_json(h.snippet)},
        {"cluster", h.cluster},
        {"copies", copies_json(h.copies)},
    };
}

nlohmann::json facet_values(const FacetResult& facet) {
    return values_json(facet.values);
}

nlohmann::json facet_info(const FacetResult& facet) {
    nlohmann::json info{
        {"distinct", facet.distinct}, {"other", facet.other}, {"missing", facet.missing}};
    if (!facet.bucket.empty()) info["bucket"] = facet.bucket;
    if (!facet.type.empty()) info["type"] = facet.type;
    return info;
}

nlohmann::json summary(const SearchResult& r) {
    return {
        {"schema_version", output_schema_version},
        {"query", r.query},
        {"parsed_query", r.parsed},
        {"filters", r.filters},
        {"sort", sort_name(r.sort)},
        {"total", r.total},
        {"total_exact", r.total_exact},
        {"offset", r.offset},
        {"limit", r.limit},
        {"stopwords", r.stopwords},
        {"suggestion", suggestion_json(r)},
        {"auto_corrected", r.auto_corrected},
    };
}

nlohmann::json search_document(const SearchResult& r) {
    nlohmann::json doc = summary(r);
    if (r.partial) {
        doc["partial"] = true;
        doc["missing_shards"] = r.missing_shards;
    }
    doc["hits"] = nlohmann::json::array();
    doc["facets"] = nlohmann::json::object();
    doc["facets_info"] = nlohmann::json::object();
    for (const auto& h : r.hits)
        doc["hits"].push_back(hit(h));
    for (const auto& f : r.facets) {
        doc["facets"][f.name] = facet_values(f);
        doc["facets_info"][f.name] = facet_info(f);
    }
    return doc;
}

nlohmann::json timeline_document(const SearchResult& r, const FacetResult& dates) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& v : dates.values)
        rows.push_back({{"bucket", v.value}, {"count", v.count}});
    return {
        {"schema_version", output_schema_version},
        {"query", r.query},
        {"parsed_query", r.parsed},
        {"filters", r.filters},
        {"total", r.total},
        {"suggestion", suggestion_json(r)},
        {"auto_corrected", r.auto_corrected},
        {"bucket", dates.bucket},
        {"missing", dates.missing},
        {"timeline", rows},
    };
}

nlohmann::json stats(const DbStats& s) {
    auto opt = [](const std::optional<std::string>& v) {
        return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
    };
    nlohmann::json settings = nullptr;
    if (!s.analyzer_settings.empty()) {
        settings = nlohmann::json::parse(s.analyzer_settings, nullptr, false);
        if (settings.is_discarded()) settings = s.analyzer_settings;
    }
    return {
        {"database", s.path},
        {"articles", s.articles},
        {"index_schema_version", s.schema_version},
        {"analyzer_settings", settings},
        {"oldest", opt(s.oldest)},
        {"newest", opt(s.newest)},
        {"sources", values_json(s.sources)},
        {"tags", values_json(s.tags)},
        {"distinct_tags", s.distinct_tags},
        {"languages", values_json(s.languages)},
    };
}

std::string dump(const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace dateline::query::json_shape
