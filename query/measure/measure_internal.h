// What the analyses of measure.h share: the full facet index, entity lists by type, labels and
// exact word counts. Internal to query/measure/.
#pragma once

#include "../facet_index.h"
#include "measure.h"

#include <memory>
#include <span>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline::query::measure_detail {

// The thread's prepared full index of db (facet_index.h), else a full one for this call.
std::shared_ptr<FacetIndex> full_index(const Xapian::Database& db);

// One entity type: its name in results and the index's lists of it.
struct EntityType {
    std::string name; // person, organization, place
    std::string prefix;
    const TermLists* terms = nullptr;
};

// The types asked for: one for a --facet-type, else all three.
std::vector<EntityType> entity_types(FacetIndex& index, const std::string& tag_type);

// Exact word counts (measure.h) of a few sets of documents: the documents of each set that have
// each word, by word id of lists(); stopwords of the query language count 0.
class WordCounter {
  public:
    // Counts `sets` (each ascending; at most 8) with the prepared index's word lists when db has
    // one (many measurements follow); else from the term lists of their documents when they are
    // few, else by one pass over the words' posting lists (word_lists.h).
    WordCounter(const Xapian::Database& db, std::vector<std::span<const Xapian::docid>> sets,
                const std::string& language);
    const std::vector<Xapian::doccount>& counts(std::size_t set) const { return counts_[set]; }
    // The words and their archive counts (the lists' offsets and items may be empty).
    const WordLists& lists() const { return *lists_; }

  private:
    std::shared_ptr<FacetIndex> index_;     // holds the lists it gives
    std::unique_ptr<WordLists> vocabulary_; // counted by postings: the words only
    const WordLists* lists_ = nullptr;
    std::vector<std::vector<Xapian::doccount>> counts_;
};

// Fills the summary fields (query, parsed, filters, total, archive) of a result.
void describe(MeasureResult& result, const Xapian::Database& db, const SearchRequest& request,
              const std::string& parsed, std::size_t total);

MeasureResult measure_timeline(Xapian::Database& db, const SearchRequest& request, bool compare);
MeasureResult measure_cooccurrence(Xapian::Database& db, const SearchRequest& request);
MeasureResult measure_significant(Xapian::Database& db, const SearchRequest& request);
Network network_of(Xapian::Database& db, const SearchRequest& request);
MeasureResult measure_trending(Xapian::Database& db, const SearchRequest& request);

} // namespace dateline::query::measure_detail
