// A search: SearchRequest in, SearchResult out; printers render the result (printer.h).
// search() parses the query (query_parser.h), runs it with BM25 over the whole match set
// (check_at_least = document count, so totals and facets are exact; on a prepared database the
// commonest queries run on the project's own matcher instead, fast_match.h, with the same
// matches, weights and order; e2e/query_battery compares the two), reads each hit's document
// data (dateline::to_json of the Article) for display fields and snippets, and retries from
// scratch when a writer commits while it reads. Throws QueryError (bad query), UsageError (bad
// facet name) and DbError (everything the database does wrong).
// Did you mean: when the query matches fewer than suggest_below articles, suggest.h proposes a
// spelling correction; it is kept (SearchResult::suggestion) only if it matches more articles
// than the query, and with auto_correct the result is then the corrected query's.
#pragma once

#include "facets.h"
#include "measure/measure_options.h"
#include "query_parser.h"
#include "snippet.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

enum class SortOrder { relevance, newest, oldest };
SortOrder parse_sort(std::string_view name); // throws UsageError
const char* sort_name(SortOrder order);

struct SearchRequest {
    std::string query; // the query language; empty browses every article
    // A structured query (query_json.h) instead of the text: then `query` is its compact JSON
    // text, for messages and the result. Set by set_json_query(); a JSON query gets no spelling
    // suggestion (suggestions correct the words of a text).
    std::shared_ptr<const nlohmann::json> query_json;
    QueryOptions query_options;
    // Unset: by relevance, except a query without anything that weighs (no free-text words: only
    // filters, or none) is sorted newest first, its scores being all 0. Relevance ties: newest
    // first. SearchResult::sort says which order was used.
    std::optional<SortOrder> sort;
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
    std::vector<std::string> facets; // facet names (facets.h), in the order to show them
    FacetOptions facet_options;
    std::size_t snippet_length = 200; // bytes of text to aim for; 0 = no snippets
    bool snippet_mentions = false;    // give each snippet the entity mentions inside it
    bool collapse = false; // one hit per near-duplicate story (slot cluster), with its copies
    std::vector<std::string> filters; // --filter FIELD:VALUE (filters.h): narrow, scores unchanged
    std::int64_t recency_half_life = 0; // --recency (recency.h), seconds; 0 = BM25 only
    std::optional<std::int64_t> now;    // --now, Unix seconds; else the newest article's time
    std::string like; // --like ID (like.h): articles like this one; `query` then only filters
    Xapian::doccount suggest_below = 10; // suggest a spelling below this many matches; 0 = never
    bool auto_correct = false;           // run the suggestion instead, when there is one
    // Seconds the match may take (Enquire::set_time_limit); past it search() throws
    // TimeBudgetError rather than return counts cut short. 0 = no budget (the command line).
    double time_budget = 0;
    MeasureOptions measure; // --normalize, --compare, --cooccur...: query/measure/measure.h
};

// Another printing of the same story (--collapse).
struct Copy {
    std::string id, source, url;
    std::string title;                    // for the article view (not in --collapse's JSON)
    std::optional<std::string> published; // likewise
};

struct Hit {
    Xapian::doccount rank = 0; // 1-based, counting the offset
    Xapian::docid docid = 0;
    double score = 0; // BM25 weight (0 for pure filters)
    std::string id, title, url, source, source_id, language;
    std::optional<std::string> published; // ISO 8601 UTC (format_iso)
    std::vector<std::string> tags;        // display tags: publisher tags and entity names
    Snippet snippet;
    std::string cluster;      // near-duplicate story id
    std::vector<Copy> copies; // with --collapse: the story's other printings
};

struct SearchResult {
    std::string query;          // as given
    std::string parsed;         // Xapian's description of the parsed query
    Xapian::doccount total = 0; // matches in all
    bool total_exact = true;
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 0;
    SortOrder sort = SortOrder::relevance; // the order used (the request's, or its default)
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;
    std::vector<std::string> stopwords;    // query words ignored as stopwords
    std::vector<std::string> filters;      // the request's filters, as given
    std::optional<std::string> suggestion; // "did you mean": a corrected query finding more
    bool auto_corrected = false; // hits, totals and facets are the suggestion's (--auto-correct)
    // A stub of remote shards with --allow-partial: shards that did not answer, left out.
    bool partial = false;
    std::vector<std::string> missing_shards;
};

SearchResult search(Xapian::Database& db, const SearchRequest& request);

// Makes `query` the request's query (query_json.h), checked now: throws QueryError naming the
// bad node's path.
void set_json_query(SearchRequest& request, const nlohmann::json& query);

// The request's query as a tree: its JSON query's, else its text's (the one parse of a search).
QueryTree request_tree(const QueryBuilder& builder, const SearchRequest& request);

// Whether any part of `query` can give a document a weight (a term or posting source outside
// boolean filters and 0-scaled subqueries): what decides the default sort. Exposed for tests.
bool query_weighs(const Xapian::Query& query);

// Every match of the request, in its sort order, handed to `sink` one hit at a time as it is read
// (offset, limit, facets and suggestions ignored); the result holds the summary without hits. The
// match set itself is one Xapian MSet (a docid, weight and sort key per match: tens of bytes);
// documents are read one at a time, so memory does not grow with the articles' size.
using HitSink = std::function<void(const Hit&)>;
SearchResult search_streaming(Xapian::Database& db, const SearchRequest& request,
                              const HitSink& sink);

// The docids of every match of the request (its query, --like and filters; articles, not
// stories), ascending: what measurements count (query/measure/). No weights, no sort, no
// hits; `parsed` gets the parsed query's description. Callers retry with with_reopen().
std::vector<Xapian::docid> match_docids(Xapian::Database& db, const SearchRequest& request,
                                        std::string* parsed = nullptr);

// For a process about to run many searches on db (--batch): reads every document's published
// time and keeps a facet index for db (facet_index.h), so that later searches sort and count
// facets from memory. Results are the same with or without it.
void prepare_for_many_searches(Xapian::Database& db);

// The other documents of a hit's story (same cluster), in index order.
std::vector<Copy> copies_of(Xapian::Database& db, const Hit& hit);

// A hit's display fields from its document (exposed for tests); the second form takes the
// document data already read.
Hit hit_from_document(const Xapian::Document& doc);
Hit hit_from_document(const Xapian::Document& doc, const std::string& document_data);

} // namespace dateline::query
