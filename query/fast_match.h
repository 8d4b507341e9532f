// A matcher of our own for the commonest searches: plain words (and exact phrases of them)
// AND-ed with boolean filters, on a prepared database (FacetIndex::prepared). It walks the
// postings itself, weighs with BM25 from the in-memory document lengths, keeps the page in a
// bounded heap, and records every match for the facets. Same matches, same weights, same order
// as Xapian's Enquire on the same query (search.cpp uses it only where that holds, and falls back
// to Xapian otherwise).
//
// Why: Xapian 1.4's matcher costs far more per match than the postings themselves when every
// match must be seen (check_at_least = the document count, for exact totals and facets): a
// virtual call chain per posting source, a match spy call, a sort key string built per match, a
// heap of Xapian::Internal::MSetItem. At 500,000 articles a one-word query has tens of thousands
// of matches, and that overhead was most of a search's time.
//
// Order, as Xapian's msetcmp: by weight (higher first), ties by the published key (the order of
// FacetIndex::published(): undated lowest; newest first), full ties by docid (lower first).
// Newest and oldest: by the key, then weight, then docid (lower first). The weight of a match is
// the sum of its words' BM25 weights, added in the order of the words' term frequencies (rarest
// first), the order in which Xapian's AND adds them; filters and phrases add nothing.
//
// Filters: terms, AND, OR, SYNONYM, FILTER, AND_NOT, scaled subqueries, match-all and
// match-nothing are walked as cursors; the indexer's date terms (date_range.h) are checked from
// FacetIndex::days() instead of merging their postings; an exact phrase is matched once by
// Xapian (which keeps its position-list cursors open, where the public API opens one per list)
// and its docids kept in the index's FilterCache (filter_cache.h) for the next search.
// What it declines (returns nothing; the caller runs Xapian): any other operator in a filter.
#pragma once

#include "facet_index.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct FastMatchPlan {
    struct Word {
        std::string term;
        double term_weight = 0; // BM25's term weight (bm25_term_weight)
    };
    std::vector<Word> words;                       // all AND-ed; none repeated
    std::vector<std::vector<std::size_t>> phrases; // exact phrases: indexes into words, in order
    std::optional<Xapian::Query> filter;           // boolean: narrows, adds no weight
    double length_factor = 0;                      // 1 / the database's average length
};

enum class FastMatchOrder { weight_then_newest, newest_then_weight, oldest_then_weight, none };

struct FastMatchPage {
    Xapian::doccount first = 0, size = 0; // the page: ranks first + 1 ... first + size
    FastMatchOrder order = FastMatchOrder::weight_then_newest;
    bool record_matches = false; // keep every match's docid (for facets)
    double time_budget = 0;      // seconds; 0 = none; past it TimeBudgetExceeded is thrown
};

struct FastMatchHit {
    Xapian::docid docid = 0;
    double weight = 0;
};

struct FastMatchResult {
    Xapian::doccount total = 0;
    std::vector<FastMatchHit> hits;     // the page, in order
    std::vector<Xapian::docid> matches; // every match, ascending (with record_matches)
};

// Thrown past FastMatchPage::time_budget.
struct TimeBudgetExceeded {};

// Every match of `query` (its weights ignored), ascending, through Xapian's matcher (which reads
// positions through cursors it keeps, where the public API opens a new one for every position
// list). Throws TimeBudgetExceeded past time_budget seconds (0 = none).
std::vector<Xapian::docid> xapian_matches(const Xapian::Database& db, const Xapian::Query& query,
                                          double time_budget);

// Runs the plan on db with the lengths and published keys of `index` (a full index of db).
// Nothing when the filter has a form it does not know. Xapian errors propagate (callers wrap it
// in xapian_call and retry on DatabaseModifiedError).
std::optional<FastMatchResult> fast_match(const Xapian::Database& db, FacetIndex& index,
                                          const FastMatchPlan& plan, const FastMatchPage& page);

} // namespace dateline::query
