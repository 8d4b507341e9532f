#include "search.h"

#include "analyzers/article_json.h"
#include "analyzers/dates.h"
#include "analyzers/schema.h"
#include "analyzers/stopwords.h"
#include "analyzers/text.h"
#include "analyzers/xapian_call.h"
#include "builtin_facets.h"
#include "database.h"
#include "doc_data.h"
#include "errors.h"
#include "fast_match.h"
#include "fast_words.h"
#include "filters.h"
#include "highlight.h"
#include "like.h"
#include "query_json.h"
#include "recency.h"
#include "remote_cache.h"
#include "remote_shards.h"
#include "suggest.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <limits>
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

bool query_weighs(const Xapian::Query& query) {
    using Q = Xapian::Query;
    switch (query.get_type()) {
    case Q::LEAF_TERM:
    case Q::LEAF_POSTING_SOURCE:
    case Q::OP_WILDCARD: // expanded at match time into terms
        return true;
    case Q::LEAF_MATCH_ALL:
    case Q::LEAF_MATCH_NOTHING:
        return false;
    case Q::OP_FILTER:
    case Q::OP_AND_NOT:
        // Only the left side weighs; the rest only narrows.
        return query.get_num_subqueries() > 0 && query_weighs(query.get_subquery(0));
    case Q::OP_SCALE_WEIGHT:
        // Xapian 1.4 has no accessor for the factor: its description is "FACTOR * SUBQUERY".
        // The query parser scales boolean-only queries by 0.
        if (query.get_description().starts_with("Query(0 * ")) return false;
        break;
    default:
        break;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i)
        if (query_weighs(query.get_subquery(i))) return true;
    return false;
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

// What a snippet is made from: the body (else the description) and the entity mentions in it.
struct SnippetSource {
    std::string text;
    std::vector<EntityMention> mentions;
};

// The body's (or description's) mentions, read from the raw data: this runs for every hit on a
// page, and building JSON for them cost more than the snippet did (a third of a request).
std::vector<EntityMention> raw_mentions(std::string_view raw_array, std::string_view field) {
    std::vector<EntityMention> out;
    auto number = [](std::string_view raw, std::size_t* value) {
        auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), *value);
        return ec == std::errc() && end == raw.data() + raw.size();
    };
    std::string decoded;
    for_each_raw_object(raw_array, [&](RawObject members) {
        EntityMention m;
        bool ok = true, in_field = false;
        for (const auto& [key, value] : members) {
            if (key == "field") {
                in_field = decode_raw_string(value, &decoded) && decoded == field;
            } else if (key == "start") {
                ok = ok && number(value, &m.start);
            } else if (key == "end") {
                ok = ok && number(value, &m.end);
            } else if (key == "text") {
                ok = ok && decode_raw_string(value, &m.text);
            } else if (key == "entity") {
                ok = ok && decode_raw_string(value, &m.entity);
            } else if (key == "type") {
                ok = ok && decode_raw_string(value, &decoded);
                if (ok) m.type = parse_entity_type(decoded).value_or(EntityType::other);
            }
        }
        if (ok && in_field) out.push_back(std::move(m));
    });
    return out;
}

// The snippet's source from the raw members body, description and mentions of the document data
// (data_members' raw_keys, in that order); from `parsed` when they are missing (data that needed
// the full parse, which `parsed` then is: whatever it holds, unmarked).
SnippetSource snippet_source(const nlohmann::json& parsed, std::span<const std::string_view> raw,
                             bool with_mentions) {
    SnippetSource source;
    static constexpr std::array<std::string_view, 2> fields{"body", "description"};
    if (raw.size() != 3) {
        for (auto field : fields) {
            auto it = parsed.find(field);
            if (it != parsed.end() && it->is_string() &&
                !it->get_ref<const std::string&>().empty()) {
                source.text = it->get<std::string>();
                break;
            }
        }
        return source;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (!decode_raw_string(raw[i], &source.text) || source.text.empty()) continue;
        if (with_mentions && !raw[2].empty()) source.mentions = raw_mentions(raw[2], fields[i]);
        break;
    }
    return source;
}

// The members of the document data a hit shows (hit_from_data).
const std::initializer_list<std::string_view> display_members = {
    "id", "url", "title", "source", "source_id", "language", "published", "tags"};

// query AND_MAYBE RecencySource, scaled to the query's best BM25 score (recency.h).
// On a database with a remote shard (`builtin`), with Xapian's ValueMapPostingSource instead.
Xapian::Query with_recency(Xapian::Database& db, const Xapian::Query& query,
                           const SearchRequest& request, bool builtin) {
    return xapian_call("ranking by recency", [&] {
        Xapian::Enquire first(db);
        first.set_query(query);
        first.set_weighting_scheme(Xapian::BM25Weight());
        double best = first.get_mset(0, 1).get_max_attained();
        double scale = best > 0 ? best : 1.0;
        double now = request.now ? static_cast<double>(*request.now) : newest_published(db);
        const auto half_life = static_cast<double>(request.recency_half_life);
        if (builtin) {
            // Built-in twin of RecencySource: the published times of the matches, each mapped
            // to the weight RecencySource gives it (the same formula on the same double).
            Xapian::ValueCountMatchSpy times(schema::slot::published);
            Xapian::Enquire all(db);
            all.set_query(query);
            all.set_weighting_scheme(Xapian::BoolWeight());
            all.add_matchspy(&times);
            all.get_mset(0, 0, db.get_doccount());
            auto* map = new Xapian::ValueMapPostingSource(schema::slot::published);
            for (auto it = times.values_begin(); it != times.values_end(); ++it)
                map->add_mapping(
                    *it, scale * recency_factor(Xapian::sortable_unserialise(*it), now, half_life));
            map->set_default_weight(0);
            return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(map->release()));
        }
        auto* source = new RecencySource(now, half_life, scale);
        return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(source->release()));
    });
}

} // namespace

Hit hit_from_document(const Xapian::Document& doc) {
    return hit_from_document(doc, doc.get_data());
}

namespace {

// Where a hit's cluster and tags come from: the prepared index's arrays when it holds them, else
// the document's value slots. Each Document::get_value is a B-tree look-up of Xapian's (about two
// reads of 8 KiB through the kernel), and the two of every hit were most of a page's system calls
// at 500,000 articles once the postings came from memory (postings_cache.h). The cluster codes
// are built at a prepared index's first page of hits (one pass over the slot); the tags are read
// only when a tag facet has built them.
class HitValues {
  public:
    explicit HitValues(FacetIndex* prepared = nullptr)
        : clusters_(prepared ? &prepared->slot(schema::slot::cluster) : nullptr),
          tags_(prepared ? prepared->tags_if_built() : nullptr) {}

    // `did`: the docid in the database searched (a shard's Document has the shard's own).
    std::string cluster(const Xapian::Document& doc, Xapian::docid did) const {
        if (clusters_ && did < clusters_->code.size()) {
            const std::uint32_t code = clusters_->code[did];
            return code ? clusters_->values[code - 1] : std::string();
        }
        return doc.get_value(schema::slot::cluster);
    }
    // The tags as stored; empty when the value is corrupt.
    std::vector<std::string> tags(const Xapian::Document& doc, Xapian::docid did) const {
        if (tags_ && did + 1 < tags_->stored.offsets.size()) {
            std::vector<std::string> tags;
            for (std::uint32_t spelling : items_of(tags_->stored, did))
                tags.push_back(tags_->spellings[spelling]);
            return tags;
        }
        try {
            return schema::decode_list(doc.get_value(schema::slot::tags));
        } catch (const std::runtime_error&) {
            return {};
        }
    }

  private:
    const SlotCodes* clusters_;
    const TagLists* tags_;
};

// The hit of `doc` (docid `did` in the database searched) from its display members
// (display_members, as data_members gives them).
Hit hit_from_data(const Xapian::Document& doc, Xapian::docid did, const nlohmann::json& data,
                  const HitValues& values) {
    Hit hit;
    hit.docid = doc.get_docid();
    Article article;
    if (!data.empty()) {
        try {
            article = article_from_json(data);
        } catch (const nlohmann::json::exception&) {
            // Unexpected types in the data: show what the terms and values say.
        }
    }
    hit.id = article.id.empty() ? id_from_terms(doc) : article.id;
    hit.title = article.title;
    hit.url = article.url;
    hit.cluster = values.cluster(doc, did);
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
    hit.tags = values.tags(doc, did);
    if (hit.tags.empty()) hit.tags = article.tags;
    return hit;
}

} // namespace

Hit hit_from_document(const Xapian::Document& doc, const std::string& document_data) {
    return hit_from_data(doc, doc.get_docid(), data_members(document_data, display_members),
                         HitValues());
}

std::vector<Copy> copies_of(Xapian::Database& db, const Hit& hit) {
    std::vector<Copy> copies;
    std::string term = schema::id_term(hit.cluster);
    term.replace(0, schema::prefix::id.size(), schema::prefix::story);
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        if (*it == hit.docid) continue;
        Hit other = hit_from_document(db.get_document(*it));
        copies.push_back({other.id, other.source, other.url, other.title, other.published});
    }
    return copies;
}

namespace {

// Without a prepared index, facets read every document when the matches are at least this
// share (1/N) of the database, else only the matches.
constexpr Xapian::doccount full_index_share = 8;

// The query of `tree` (the parse of `text`) with --like and the filters applied.
Xapian::Query build_query(Xapian::Database& db, const SearchRequest& request, QueryBuilder& builder,
                          const QueryTree& tree, const std::string& text) {
    return xapian_call("applying the filters", [&] {
        Xapian::Query q = builder.build(tree, text);
        if (!request.like.empty())
            q = Xapian::Query(Xapian::Query::OP_FILTER, like_query(db, request.like), q);
        return apply_filters(db, q, request.filters);
    });
}

// How many articles (stories, with --collapse) the request finds with `text` as its query.
Xapian::doccount count_matches(Xapian::Database& db, const SearchRequest& request,
                               const std::string& text) {
    QueryBuilder builder(db, request.query_options);
    Xapian::Query query = build_query(db, request, builder, builder.parse_tree(text), text);
    return xapian_call("counting the matches of '" + text + "'", [&] {
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        if (request.collapse) enquire.set_collapse_key(schema::slot::cluster);
        return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    });
}

} // namespace

void set_json_query(SearchRequest& request, const nlohmann::json& query) {
    // No database: the shape, the fields and the dates. Stopwords only with --lang (without it
    // they are the archive's, known when the search parses the query again with its database).
    QueryTreeOptions plain;
    std::optional<WordLanguages> languages;
    if (!request.query_options.language.empty()) {
        languages.emplace(request.query_options.language);
        plain.is_stopword = [&](std::string_view word) { return languages->is_stopword(word); };
    }
    tree_from_json(query, plain);
    request.query_json = std::make_shared<const nlohmann::json>(query);
    request.query = query.dump();
}

QueryTree request_tree(const QueryBuilder& builder, const SearchRequest& request) {
    if (request.query_json) return builder.parse_json_tree(*request.query_json);
    return builder.parse_tree(request.query);
}

std::vector<Xapian::docid> match_docids(Xapian::Database& db, const SearchRequest& request,
                                        std::string* parsed) {
    QueryBuilder builder(db, request.query_options);
    Xapian::Query query =
        build_query(db, request, builder, request_tree(builder, request), request.query);
    if (parsed) *parsed = query.get_description();
    return xapian_call("collecting the matches", [&] { return xapian_matches(db, query, 0); });
}

namespace {

// What a match gives the rest of a search: the page and, for facets, every match.
struct Matches {
    Xapian::doccount total = 0;
    bool total_exact = true;
    std::vector<FastMatchHit> page;    // in order
    std::vector<Xapian::docid> docids; // every match, ascending (when asked for)
};

TimeBudgetError over_budget(double budget) {
    return TimeBudgetError("the search took longer than its time budget of " +
                           std::to_string(static_cast<long>(budget * 1000)) +
                           " ms; narrow the query");
}

// The search through Xapian's Enquire: every match is seen (check_at_least = the document
// count), so the total is exact; a MatchRecorder keeps the docids when asked.
// With `builtin` (a remote shard: builtin_facets.h), facets are counted by its spies instead
// and no custom class runs.
Matches xapian_match(Xapian::Database& db, const Xapian::Query& query, const SearchRequest& request,
                     SortOrder sort, const std::shared_ptr<FacetIndex>& prepared,
                     Xapian::doccount doccount, Xapian::doccount first, Xapian::doccount page,
                     bool record, bool builtin, const BuiltinFacets* spies) {
    Xapian::Enquire enquire(db);
    // A sharded database: the spy and the key learn each match's shard (shard_docids.h).
    auto cursor = builtin ? std::make_shared<ShardCursor>() : make_shard_cursor(db);
    enquire.set_query(builtin ? query : track_shards(db, query, cursor));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    std::unique_ptr<PublishedKey> key;
    if (prepared) key = std::make_unique<PublishedKey>(prepared, cursor);
    const auto slot = schema::slot::published;
    // No page (--limit 0, timelines, facet counts): nothing to order, so no sort key is read
    // for every match. Totals and facets do not depend on the order.
    const bool no_page = request.limit == 0;
    if (no_page) enquire.set_weighting_scheme(Xapian::BoolWeight()); // no scores shown
    switch (no_page ? SortOrder::relevance : sort) {
    case SortOrder::relevance:
        if (no_page) break; // BM25 order, no key
        if (key)
            enquire.set_sort_by_relevance_then_key(key.get(), true);
        else
            enquire.set_sort_by_relevance_then_value(slot, true);
        break;
    case SortOrder::newest:
    case SortOrder::oldest: {
        const bool newest = sort == SortOrder::newest;
        if (key)
            enquire.set_sort_by_key_then_relevance(key.get(), newest);
        else
            enquire.set_sort_by_value_then_relevance(slot, newest);
        break;
    }
    }
    if (request.collapse) enquire.set_collapse_key(schema::slot::cluster);
    MatchRecorder recorder(cursor);
    // Xapian 1.4's remote match shows a spy some matches twice when it sorts by a value too
    // (check_at_least = every document, a page of P: up to P more; seen with xapian-tcpsrv): the
    // spies then count in a pass of their own, unsorted and unweighted, over the same matches.
    // With --collapse on a remote shard the pass counts the stories too (below).
    const bool collapsed_count = builtin && request.collapse;
    const bool own_spy_pass = (spies && !no_page) || collapsed_count;
    if (spies && !own_spy_pass)
        spies->attach(enquire);
    else if (record && !builtin)
        enquire.add_matchspy(&recorder);
    // Xapian 1.4's own count of collapsed matches is an estimate even when every match is seen
    // (300 stories of 207 matches, seen on Reuters): the stories are counted exactly instead, by
    // a spy on the cluster slot (it sees every match before collapsing).
    std::optional<Xapian::doccount> stories;
    auto count_stories = [](const Xapian::ValueCountMatchSpy& clusters) {
        Xapian::doccount distinct = 0, clustered = 0;
        for (auto it = clusters.values_begin(); it != clusters.values_end(); ++it) {
            ++distinct;
            clustered += it.get_termfreq();
        }
        return distinct + (clusters.get_total() - clustered);
    };
    Xapian::ValueCountMatchSpy clusters(schema::slot::cluster);
    if (request.collapse && !builtin) enquire.add_matchspy(&clusters);
    if (own_spy_pass)
        xapian_call("counting facets", [&] {
            Xapian::Enquire counting(db);
            counting.set_query(query);
            counting.set_weighting_scheme(Xapian::BoolWeight());
            if (spies) spies->attach(counting);
            if (collapsed_count) counting.add_matchspy(&clusters);
            counting.get_mset(0, 0, doccount);
        });

    const auto started = std::chrono::steady_clock::now();
    if (request.time_budget > 0) enquire.set_time_limit(request.time_budget);
    Xapian::MSet mset =
        xapian_call("running the query", [&] { return enquire.get_mset(first, page, doccount); });
    if (request.time_budget > 0) {
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
        if (took.count() >= request.time_budget) throw over_budget(request.time_budget);
    }
    Matches out;
    if (request.collapse) stories = count_stories(clusters);
    out.total = stories.value_or(mset.get_matches_estimated());
    out.total_exact = stories || mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    for (auto it = mset.begin(); it != mset.end(); ++it)
        out.page.push_back({*it, it.get_weight()});
    out.docids = recorder.docids();
    if (cursor->count > 1) std::sort(out.docids.begin(), out.docids.end()); // shard by shard
    return out;
}

// The search through fast_match.h, or nothing where it declines.
std::optional<Matches> own_match(Xapian::Database& db, FacetIndex& prepared, const FastWords& fast,
                                 const SearchRequest& request, SortOrder sort,
                                 Xapian::doccount first, Xapian::doccount page, bool record) {
    FastMatchPlan plan = fast.plan;
    if (!request.filters.empty())
        plan.filter = xapian_call("applying the filters", [&] {
            return apply_filters(db, plan.filter.value_or(Xapian::Query::MatchAll),
                                 request.filters);
        });
    FastMatchPage shape;
    shape.first = first;
    shape.size = page;
    shape.record_matches = record;
    shape.time_budget = request.time_budget;
    shape.order = request.limit == 0          ? FastMatchOrder::none
                  : sort == SortOrder::newest ? FastMatchOrder::newest_then_weight
                  : sort == SortOrder::oldest ? FastMatchOrder::oldest_then_weight
                                              : FastMatchOrder::weight_then_newest;
    std::optional<FastMatchResult> own;
    try {
        own =
            xapian_call("running the query", [&] { return fast_match(db, prepared, plan, shape); });
    } catch (const TimeBudgetExceeded&) {
        throw over_budget(request.time_budget);
    }
    if (!own) return std::nullopt;
    Matches out;
    out.total = own->total;
    out.page = std::move(own->hits);
    out.docids = std::move(own->matches);
    return out;
}

// With a sink, hits go to it as they are read instead of into the result; once one has gone, a
// database change cannot be retried (the sink has it already) and is a DbError.
// `parsed`, when given, receives the tree of the query (for the spelling suggestion: the text is
// lexed once per search).
SearchResult run_search(Xapian::Database& db, const SearchRequest& request,
                        const HitSink* sink = nullptr, QueryTree* parsed = nullptr) {
    bool streamed = false;
    return with_reopen(db, [&]() -> SearchResult {
        if (streamed) throw DbError("the database changed while its matches were being streamed");
        SearchResult result;
        result.query = request.query;
        result.offset = request.offset;
        result.limit = request.limit;

        // A prepared database (prepare_for_many_searches) sorts by its published times in
        // memory, the same order as the value slot without reading the value stream for every
        // match, and weighs plain words with in-memory document lengths (fast_words.h).
        std::shared_ptr<FacetIndex> prepared =
            xapian_call("reading the prepared index", [&] { return FacetIndex::prepared(db); });
        // A remote shard: the languages kept between searches (remote_cache.h).
        const WordLanguages* languages = prepared ? &prepared->languages() : nullptr;
        if (!languages && remote_state(db) && request.query_options.language.empty())
            languages = xapian_call("reading the archive's languages",
                                    [&] { return &cached_languages(db); });
        QueryBuilder builder(db, request.query_options, languages);
        // The one parse of the query text: the fast path and the builder both read the tree.
        const QueryTree tree =
            xapian_call("parsing the query", [&] { return request_tree(builder, request); });
        if (parsed) *parsed = tree;
        std::optional<FastWords> fast;
        if (prepared && request.like.empty())
            fast = xapian_call("parsing the query", [&] {
                return fast_words_query(db, prepared, tree, request.query, builder);
            });
        Xapian::Query query =
            fast ? xapian_call("applying the filters",
                               [&] { return apply_filters(db, fast->query, request.filters); })
                 : build_query(db, request, builder, tree, request.query);
        result.filters = request.filters;
        // A remote shard runs Xapian's built-in classes only (builtin_facets.h).
        const RemoteState* remote = remote_state(db);
        if (remote) {
            result.partial = !remote->missing.empty();
            result.missing_shards = remote->missing;
        }
        if (request.recency_half_life > 0)
            query = with_recency(db, query, request, remote != nullptr);
        result.sort = request.sort
                          ? *request.sort
                          : (query_weighs(query) ? SortOrder::relevance : SortOrder::newest);
        result.parsed = query.get_description();
        result.stopwords = builder.stopped_words();

        std::vector<std::unique_ptr<FacetCollector>> collectors;
        std::vector<std::string> seen;
        for (const auto& name : request.facets) {
            if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
            seen.push_back(name);
            collectors.push_back(make_facet_collector(name, request.facet_options));
        }
        const Xapian::doccount doccount =
            xapian_call("counting documents", [&] { return db.get_doccount(); });
        // The page within the database's size: a huge --limit or --offset asks for no more
        // than every document (Xapian reserves room for first + maxitems hits).
        const Xapian::doccount first = std::min(request.offset, doccount);
        const Xapian::doccount page = std::min(request.limit, doccount - first);

        // The commonest searches run on the matcher of fast_match.h; the rest (and those it
        // declines) on Xapian's. Both give the same matches, weights and order.
        std::optional<Matches> matched;
        if (fast && !request.collapse && request.recency_half_life == 0)
            matched = own_match(db, *prepared, *fast, request, result.sort, first, page,
                                !collectors.empty());
        std::unique_ptr<BuiltinFacets> spied;
        if (remote && !collectors.empty())
            spied = xapian_call("preparing the facets", [&] {
                return std::make_unique<BuiltinFacets>(seen, request.facet_options);
            });
        if (!matched)
            matched = xapian_match(db, query, request, result.sort, prepared, doccount, first, page,
                                   !collectors.empty(), remote != nullptr, spied.get());
        result.total = matched->total;
        result.total_exact = matched->total_exact;

        // Snippets highlight the words the query looks for (highlight.h), not every term of
        // the query that ran (fast words' posting sources, --like's terms, what NOT takes away).
        Xapian::MSet snippet_mset;
        if (request.snippet_length > 0 && !matched->page.empty())
            snippet_mset = xapian_call("preparing snippets", [&] {
                Xapian::Enquire terms(db);
                terms.set_query(highlight_query(tree, builder));
                return terms.get_mset(0, 0);
            });
        const HitValues values = xapian_call("reading the hits' values", [&] {
            return HitValues(remote || matched->page.empty() ? nullptr : prepared.get());
        });
        // Remote shards: the page's documents fetched side by side (remote_shards.h).
        std::vector<Xapian::Document> fetched;
        if (remote && matched->page.size() > 1)
            fetched = xapian_call("reading the hits", [&] {
                std::vector<Xapian::docid> docids;
                for (const FastMatchHit& ranked : matched->page)
                    docids.push_back(ranked.docid);
                return fetch_documents(db, docids);
            });
        Xapian::doccount rank = request.offset;
        for (std::size_t at = 0; at < matched->page.size(); ++at) {
            const FastMatchHit& ranked = matched->page[at];
            Hit hit = xapian_call("reading document " + std::to_string(ranked.docid), [&] {
                Xapian::Document doc =
                    fetched.empty() ? db.get_document(ranked.docid) : std::move(fetched[at]);
                const std::string data = doc.get_data(); // read (and inflated) once
                if (request.snippet_length == 0)
                    return hit_from_data(doc, ranked.docid, data_members(data, display_members),
                                         values);
                // One scan of the data for both the display members and the snippet's.
                std::vector<std::string_view> raw;
                const nlohmann::json parsed =
                    data_members(data, display_members, {"body", "description", "mentions"}, &raw);
                Hit h = hit_from_data(doc, ranked.docid, parsed, values);
                const SnippetSource source = snippet_source(parsed, raw, request.snippet_mentions);
                h.snippet = make_snippet(snippet_mset, source.text, request.snippet_length,
                                         builder.stem_for(h.language), source.mentions);
                return h;
            });
            hit.docid = ranked.docid; // the database's (a shard's Document has the shard's own)
            hit.rank = ++rank;
            hit.score = ranked.weight;
            if (request.collapse && !hit.cluster.empty())
                hit.copies = xapian_call("reading the copies of " + hit.id,
                                         [&] { return copies_of(db, hit); });
            if (sink) {
                streamed = true;
                (*sink)(hit);
            } else {
                result.hits.push_back(std::move(hit));
            }
        }
        if (spied) {
            result.facets = xapian_call("counting facets", [&] { return spied->results(db); });
        } else if (!collectors.empty()) {
            // The prepared full index; else a full one when the matches are a large part of the
            // database (one pass over everything costs about as much as skipping through), else
            // one of the matches only.
            const std::vector<Xapian::docid>& docids = matched->docids;
            std::shared_ptr<FacetIndex> index = prepared;
            if (!index)
                index = xapian_call("reading facet values", [&] {
                    return docids.size() >= doccount / full_index_share
                               ? std::make_shared<FacetIndex>(db)
                               : std::make_shared<FacetIndex>(db, docids);
                });
            for (const auto& collector : collectors)
                result.facets.push_back(xapian_call(
                    "counting facets", [&] { return collector->count(db, *index, docids); }));
            std::vector<FacetValue*> by_tags; // the values label_by_tags labels, in one pass
            for (std::size_t i = 0; i < collectors.size(); ++i)
                if (collectors[i]->labelled_by_tags())
                    for (auto& v : result.facets[i].values)
                        by_tags.push_back(&v);
            xapian_call("labelling facets", [&] { label_by_tags(*index, docids, by_tags); });
        }
        return result;
    });
}

} // namespace

SearchResult search_streaming(Xapian::Database& db, const SearchRequest& request,
                              const HitSink& sink) {
    SearchRequest all = request;
    all.suggest_below = 0;
    all.auto_correct = false;
    all.facets.clear();
    all.offset = 0;
    all.limit = std::numeric_limits<Xapian::doccount>::max();
    return run_search(db, all, &sink);
}

void prepare_for_many_searches(Xapian::Database& db) {
    if (remote_state(db)) return; // the built-in paths read nothing ahead (builtin_facets.h)
    with_reopen(db, [&] { xapian_call("reading facet values", [&] { FacetIndex::prepare(db); }); });
}

SearchResult search(Xapian::Database& db, const SearchRequest& request) {
    std::vector<std::unique_ptr<FacetCollector>> probe;
    for (const auto& name : request.facets) // unknown names fail before any database work
        probe.push_back(make_facet_collector(name, request.facet_options));

    QueryTree tree;
    SearchResult result = run_search(db, request, nullptr, &tree);
    if (request.suggest_below == 0 || result.total >= request.suggest_below ||
        !request.like.empty() || text::trim(request.query).empty() || request.query_json)
        return result;
    std::string suggestion = with_reopen(db, [&] {
        return xapian_call("suggesting a spelling", [&] {
            return suggest_spelling(db, tree, text::to_valid_utf8(text::trim(request.query)),
                                    request.query_options);
        });
    });
    if (suggestion.empty() || suggestion == request.query) return result;
    if (with_reopen(db, [&] { return count_matches(db, request, suggestion); }) <= result.total)
        return result;
    if (request.auto_correct) {
        SearchRequest corrected = request;
        corrected.query = suggestion;
        result = run_search(db, corrected);
        result.query = request.query;
        result.auto_corrected = true;
    }
    result.suggestion = std::move(suggestion);
    return result;
}

} // namespace dateline::query
