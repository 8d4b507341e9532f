// BM25 for queries of plain words without Xapian's per-document length look-ups. Xapian 1.4's
// matcher fetches each matching document's length from the database for BM25 (a B-tree look-up
// per match, most of the cost of a query with tens of thousands of matches). For the commonest
// queries, plain words AND-ed with filters ("oil prices", "wheat date:1987-03..",
// "exports tag:grain"), each word becomes a Bm25TermSource: a PostingSource that walks the
// word's posting list and computes Xapian's BM25Weight exactly (default parameters k1 = 1,
// k2 = 0, k3 = 1, b = 0.5, min_normlen = 0.5; term weight from the database's statistics) with
// the length taken from a prepared FacetIndex. Same matches, same weights, same order.
//
// fast_words_query() looks at the query tree (query_tree.h) and applies only when the query is a
// word, a group of words, a plain "phrase" or a sequence of them and of boolean or date field
// values (no field on the words, operator, sign, wildcard, NEAR, punctuation inside), every word
// of letters, not a stopword, one term (not stems of several languages: word_languages.h), not
// repeated, and no entity alias (entity_terms.h); the field
// values are built into the filter by the QueryBuilder. A phrase's words weigh as
// Xapian weighs a phrase (the sum of its terms, unstemmed) and the phrase, parsed as usual,
// filters (OP_FILTER: no weight, so no length look-ups either). Otherwise it returns nothing and
// the search parses the query as usual. Single-database (not sharded) searches only: the lengths
// are by docid.
#pragma once

#include "facet_index.h"
#include "fast_match.h"
#include "query_parser.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <xapian.h>

namespace dateline::query {

struct FastWords {
    Xapian::Query query; // the words as Bm25TermSources, AND-ed, with the filters
    FastMatchPlan plan;  // the same search for fast_match.h (the request's --filter not in it)
};

// `tree` is the QueryBuilder's parse of `text` (the search's one parse of its query).
std::optional<FastWords> fast_words_query(const Xapian::Database& db,
                                          std::shared_ptr<FacetIndex> index, const QueryTree& tree,
                                          std::string_view text, QueryBuilder& builder);

// Xapian's BM25Weight term weight (idf part times (k1 + 1), wqf 1) for a term in `termfreq` of
// `documents` documents. Exposed for tests.
double bm25_term_weight(double documents, double termfreq);

class Bm25TermSource final : public Xapian::PostingSource {
  public:
    Bm25TermSource(std::string term, double term_weight, double length_factor,
                   std::shared_ptr<FacetIndex> index);

    void init(const Xapian::Database& db) override;
    Xapian::doccount get_termfreq_min() const override { return termfreq_; }
    Xapian::doccount get_termfreq_est() const override { return termfreq_; }
    Xapian::doccount get_termfreq_max() const override { return termfreq_; }
    void next(double min_wt) override;
    void skip_to(Xapian::docid did, double min_wt) override;
    bool at_end() const override { return it_ == end_; }
    Xapian::docid get_docid() const override { return *it_; }
    double get_weight() const override;
    Bm25TermSource* clone() const override;
    std::string name() const override { return "dateline::Bm25TermSource"; }
    std::string get_description() const override;

  private:
    std::string term_;
    double term_weight_, length_factor_;
    std::shared_ptr<FacetIndex> index_;
    const std::vector<Xapian::termcount>* lengths_;
    Xapian::Database db_;
    Xapian::PostingIterator it_, end_;
    Xapian::doccount termfreq_ = 0;
    ShardCursor shard_; // the shard it runs on, of how many (shard_docids.h)
    bool started_ = false;
};

} // namespace dateline::query
