// What the analyses of measure.h share: the full facet index, entity lists by type, labels and
// the words of a document. Internal to query/measure/.
#pragma once

#include "../facet_index.h"
#include "measure.h"

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>
#include <xapian.h>

namespace dateline::query::measure_detail {

// The thread's prepared full index of db (facet_index.h), else a full one for this call.
std::shared_ptr<FacetIndex> full_index(const Xapian::Database& db);

// The ids of one document's list (empty beyond the index).
std::span<const std::uint32_t> items_of(const IdLists& lists, Xapian::docid did);

// One entity type: its name in results and the index's lists of it.
struct EntityType {
    std::string name; // person, organization, place
    std::string prefix;
    const TermLists* terms = nullptr;
};

// The types asked for: one for a --facet-type, else all three.
std::vector<EntityType> entity_types(FacetIndex& index, const std::string& tag_type);

// The display spelling of the entity `id` of `type`: a display tag folding to its value in the
// first of `docids` that mentions it; else the value.
std::string entity_label(FacetIndex& index, const EntityType& type, std::uint32_t id,
                         std::span<const Xapian::docid> docids);

// The distinct words (measure.h: unstemmed terms, no prefix, no digit, no stopword, 3 bytes or
// more) of a document, handed to fn.
class WordReader {
  public:
    WordReader(const Xapian::Database& db, const std::string& language);
    void read(Xapian::docid did, const std::function<void(const std::string&)>& fn) const;

  private:
    const Xapian::Database& db_;
    std::unordered_set<std::string> stopwords_;
};

// At most `most` of docids, evenly spaced through them (all of them when there are few enough).
std::vector<Xapian::docid> spread_sample(std::span<const Xapian::docid> docids, std::size_t most);

// Fills the summary fields (query, parsed, filters, total, archive) of a result.
void describe(MeasureResult& result, const Xapian::Database& db, const SearchRequest& request,
              const std::string& parsed, std::size_t total);

MeasureResult measure_timeline(Xapian::Database& db, const SearchRequest& request, bool compare);
MeasureResult measure_cooccurrence(Xapian::Database& db, const SearchRequest& request);
MeasureResult measure_significant(Xapian::Database& db, const SearchRequest& request);
Network network_of(Xapian::Database& db, const SearchRequest& request);
MeasureResult measure_trending(Xapian::Database& db, const SearchRequest& request);

} // namespace dateline::query::measure_detail
