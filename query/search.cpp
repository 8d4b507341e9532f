#include "search.h"

#include "analyzers/article_json.h"
#include "analyzers/dates.h"
#include "analyzers/schema.h"
#include "database.h"
#include "errors.h"
#include "filters.h"
#include "like.h"
#include "recency.h"
#include "xapian_call.h"

#include <memory>

namespace dateline::query {

SortOrder parse_sort(std::string_view name) {
    if (name == "relevance") return SortOrder::relevance;
    if (name == "newest") return SortOrder::newest;
    if (name == "oldest") return SortOrder::oldest;
    throw UsageError("unknown sort order '" + std::string(name) +
                     "': expected relevance, newest or oldest");
}

const char* sort_name(SortOrder order) {
    switch (order) {
    case SortOrder::relevance:
        return "relevance";
    case SortOrder::newest:
        return "newest";
    case SortOrder::oldest:
        return "oldest";
    }
    return "relevance";
}

namespace {

std::string id_from_terms(const Xapian::Document& doc) {
    const std::string prefix(schema::prefix::id);
    auto it = doc.termlist_begin();
    it.skip_to(prefix);
    if (it != doc.termlist_end() && (*it).compare(0, prefix.size(), prefix) == 0)
        return (*it).substr(prefix.size());
    return {};
}

std::string snippet_text(const Xapian::Document& doc) {
    auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (!data.is_object()) return {};
    for (const char* key : {"body", "description"}) {
        auto it = data.find(key);
        if (it != data.end() && it->is_string() && !it->get<std::string>().empty())
            return it->get<std::string>();
    }
    return {};
}

// query AND_MAYBE RecencySource, scaled to the query's best BM25 score (recency.h).
Xapian::Query with_recency(Xapian::Database& db, const Xapian::Query& query,
                           const SearchRequest& request) {
    return xapian_call("ranking by recency", [&] {
        Xapian::Enquire first(db);
        first.set_query(query);
        first.set_weighting_scheme(Xapian::BM25Weight());
        double best = first.get_mset(0, 1).get_max_attained();
        double scale = best > 0 ? best : 1.0;
        double now = request.now ? static_cast<double>(*request.now) : newest_published(db);
        auto* source =
            new RecencySource(now, static_cast<double>(request.recency_half_life), scale);
        return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
    });
}

} // namespace

Hit hit_from_document(const Xapian::Document& doc) {
    Hit hit;
    hit.docid = doc.get_docid();
    Article article;
    auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
    if (data.is_object()) {
        try {
            article = article_from_json(data);
        } catch (const nlohmann::json::exception&) {
            // Unexpected types in the data: show what the terms and values say.
        }
    }
    hit.id = article.id.empty() ? id_from_terms(doc) : article.id;
    hit.title = article.title;
    hit.url = article.url;
    hit.cluster = doc.get_value(schema::slot::cluster);
    hit.source = article.source;
    hit.source_id =
        article.source_id.empty() ? doc.get_value(schema::slot::source) : article.source_id;
    if (hit.source.empty()) hit.source = hit.source_id;
    hit.language =
        article.language.empty() ? doc.get_value(schema::slot::language) : article.language;
    if (article.published) {
        hit.published = dates::format_iso(*article.published);
    } else if (auto raw = doc.get_value(schema::slot::published); !raw.empty()) {
        Timestamp ts{static_cast<std::int64_t>(Xapian::sortable_unserialise(raw)),
                     Timestamp::Precision::time};
        hit.published = dates::format_iso(ts);
    }
    try {
        hit.tags = schema::decode_list(doc.get_value(schema::slot::tags));
    } catch (const std::runtime_error&) {
        hit.tags.clear();
    }
    if (hit.tags.empty()) hit.tags = article.tags;
    return hit;
}

std::vector<Copy> copies_of(Xapian::Database& db, const Hit& hit) {
    std::vector<Copy> copies;
    std::string term = schema::id_term(hit.cluster);
    term.replace(0, schema::prefix::id.size(), schema::prefix::story);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        if (*it == hit.docid) continue;
        Hit other = hit_from_document(db.get_document(*it));
        copies.push_back({other.id, other.source, other.url});
    }
    return copies;
}

SearchResult search(Xapian::Database& db, const SearchRequest& request) {
    std::vector<std::unique_ptr<FacetCollector>> probe;
    for (const auto& name : request.facets) // unknown names fail before any database work
        probe.push_back(make_facet_collector(name, request.facet_options));

    return with_reopen(db, [&]() -> SearchResult {
        SearchResult result;
        result.query = request.query;
        result.offset = request.offset;
        result.limit = request.limit;
        result.sort = request.sort;

        QueryBuilder builder(db, request.query_options);
        Xapian::Query query = xapian_call("applying the filters", [&] {
            Xapian::Query q = builder.parse(request.query);
            if (!request.like.empty())
                q = Xapian::Query(Xapian::Query::OP_FILTER, like_query(db, request.like), q);
            return apply_filters(db, q, request.filters);
        });
        result.filters = request.filters;
        if (request.recency_half_life > 0) query = with_recency(db, query, request);
        result.parsed = query.get_description();
        result.stopwords = builder.stopped_words();

        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        switch (request.sort) {
        case SortOrder::relevance:
            enquire.set_sort_by_relevance_then_value(schema::slot::published, true);
            break;
        case SortOrder::newest:
            enquire.set_sort_by_value_then_relevance(schema::slot::published, true);
            break;
        case SortOrder::oldest:
            enquire.set_sort_by_value_then_relevance(schema::slot::published, false);
            break;
        }

        if (request.collapse) enquire.set_collapse_key(schema::slot::cluster);

        std::vector<std::unique_ptr<FacetCollector>> collectors;
        std::vector<std::string> seen;
        for (const auto& name : request.facets) {
            if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
            seen.push_back(name);
            collectors.push_back(make_facet_collector(name, request.facet_options));
            enquire.add_matchspy(&collectors.back()->spy());
        }

        const Xapian::doccount doccount =
            xapian_call("counting documents", [&] { return db.get_doccount(); });
        Xapian::MSet mset = xapian_call("running the query", [&] {
            return enquire.get_mset(request.offset, request.limit, doccount);
        });
        result.total = mset.get_matches_estimated();
        result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();

        Xapian::doccount rank = request.offset;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Hit hit = xapian_call("reading document " + std::to_string(*it), [&] {
                Xapian::Document doc = it.get_document();
                Hit h = hit_from_document(doc);
                if (request.snippet_length > 0)
                    h.snippet = make_snippet(mset, snippet_text(doc), request.snippet_length,
                                             builder.stem());
                return h;
            });
            hit.rank = ++rank;
            hit.score = it.get_weight();
            if (request.collapse && !hit.cluster.empty())
                hit.copies = xapian_call("reading the copies of " + hit.id,
                                         [&] { return copies_of(db, hit); });
            result.hits.push_back(std::move(hit));
        }
        for (const auto& collector : collectors)
            result.facets.push_back(
                xapian_call("counting facets", [&] { return collector->result(db); }));
        return result;
    });
}

} // namespace dateline::query
