// Measurements over the exact match sets of the index: attention over time (--timeline
// --normalize), comparisons (--compare), co-occurring entities (--cooccur, --network),
// distinctive terms or tags (--significant) and rising items (--trending). measure() runs the one
// analysis a request asks for (measure_options.h) and returns it as a MeasureResult; printers
// (printer.h) and the server render it, json_shape::measure_document gives its JSON.
//
// Every count is exact and taken from the prepared facet index (facet_index.h: the thread's kept
// full index when prepare() was called, else one built for the call):
//   - Scope. The filters (--filter) select the scope; the query is what is measured. A bucket's
//     `total` is the scope's dated articles in it, `ratio` = count / total (0 when total is 0).
//   - Background. Lift and significance compare the matches with the whole archive (the
//     database's documents), whose counts are term frequencies: exact and free.
//   - Words (--significant terms, words in --trending) are the unstemmed index terms: no prefix,
//     no digit, not a stopword of the query language, at least 3 bytes. Every matching document
//     is counted. Where many measurements follow (a prepared index: --batch, the server), from
//     the index's word lists (word_lists.h: each document's distinct words as ids, built on
//     first use after each commit and shared by the threads); for a single measurement, from
//     the term lists of the set's documents when it is a twentieth of the database or less,
//     else by one pass over every word's posting list.
//     Trade-off: the lists count at about 1.5 ns a word of a match (64 distinct words an article
//     on Reuters: 50 ms for all 500,000 articles of the resample) for memory (4 bytes a distinct
//     word of a document: 128 MB at 500,000 articles, once per process) and a build of 2-3 s at
//     500,000 articles (0.35 s on Reuters) after each commit; a single measurement of a large
//     set reads every posting of every word (0.8 s at 500,000 articles). The sample of at most
//     500 term lists this replaced (about 40 µs an article) was faster once and never exact. The
//     `sampled` fields of the results are kept for schema 1 readers: they now always equal the
//     documents counted.
// Scores (scores.h): lift = share among matches / share in the archive, --cooccur ranked by the
// lift of the low end of the count's 95% interval (lift_low); Dunning's G²
// log-likelihood for --significant (over-represented items only); the two-proportion z-score
// (a pooled binomial test) for --trending.
#pragma once

#include "../search.h"
#include "measure_options.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct Series {
    std::string query, parsed;
    Xapian::doccount total = 0;           // matches in all (dated or not)
    std::vector<Xapian::doccount> counts; // per bucket of Timeline::labels
};

struct Overlap {
    std::size_t a = 0, b = 0;    // series indexes, a < b
    Xapian::doccount shared = 0; // articles matching both
};

// A timeline (one series) or a comparison (one series per query) over the same buckets.
struct Timeline {
    std::string bucket;                   // day, week, month, year
    std::vector<std::string> labels;      // every bucket from the scope's first to its last
    std::vector<Xapian::doccount> totals; // the scope's dated articles per bucket
    Xapian::doccount scope_total = 0;     // articles in the scope (dated or not)
    std::vector<Series> series;
    std::vector<Overlap> overlaps; // every pair of series
};

double ratio_of(Xapian::doccount count, Xapian::doccount total);

struct EntityCount {
    std::string value, label, type; // value: the lower-cased entity (tag:"VALUE" filters by it)
    Xapian::doccount count = 0;     // matches mentioning it
    Xapian::doccount archive = 0;   // articles in the archive mentioning it
    double share = 0, lift = 0;
    double lift_low = 0; // the rank: lift of the count's 95% low end (scores.h)
};

struct NetworkNode {
    std::string value, label, type;
    Xapian::doccount count = 0;
};
struct NetworkEdge {
    std::size_t source = 0, target = 0; // node indexes
    Xapian::doccount weight = 0;        // matches mentioning both
};
struct Network {
    std::vector<NetworkNode> nodes;
    std::vector<NetworkEdge> edges; // heaviest first
};

struct SignificantItem {
    std::string value, label;
    Xapian::doccount count = 0;   // among the matches
    Xapian::doccount archive = 0; // in the archive
    double score = 0;             // G²
};

struct TrendItem {
    std::string value, label, kind;            // kind: person, organization, place or word
    Xapian::doccount window = 0, baseline = 0; // articles mentioning it in each period
    double window_rate = 0, baseline_rate = 0, z = 0;
};

struct Period {
    std::int64_t start = 0, end = 0; // Unix seconds, [start, end)
    Xapian::doccount documents = 0;  // matching articles published in it
    Xapian::doccount sampled = 0;    // of them, read for words: all (kept for schema 1)
};

struct MeasureResult {
    Analysis analysis = Analysis::none;
    std::string query, parsed;
    std::vector<std::string> filters;
    Xapian::doccount total = 0;        // matches of the query
    Xapian::doccount archive = 0;      // documents in the database
    Timeline timeline;                 // timeline, compare
    std::string type;                  // cooccur: the entity type asked for ("" = every type)
    std::vector<EntityCount> entities; // cooccur, top by lift_low, then count
    std::string kind;                  // significant: terms or tags
    Xapian::doccount sampled = 0;      // significant: matches read (all; kept for schema 1)
    std::vector<SignificantItem> significant;
    Period window, baseline; // trending
    std::vector<TrendItem> trending;
};

// Runs the analysis the request asks for. Throws UsageError (none asked, bad options),
// QueryError and DbError.
MeasureResult measure(Xapian::Database& db, const SearchRequest& request);

// The co-occurrence graph of the entities among the matches: pair counts among the 200 entities
// most frequent in the matches, the request's measure.edges heaviest edges, and their nodes.
Network cooccurrence_network(Xapian::Database& db, const SearchRequest& request);

} // namespace dateline::query
