// Facets on Xapian's built-in classes only: the twin of facets.h for a database with a remote
// shard (served by stock xapian-tcpsrv, which runs no custom MatchSpy and from which a docid list
// of every match would cost a round trip per match). Each facet adds ValueCountMatchSpy objects
// to the search's Enquire (which must see every match: check_at_least = the document count);
// after the match, results() turns their merged counts into the same FacetResult as facets.cpp:
//   source, lang   slots source and language
//   date           slot day (schema::day_value), into the same histogram
//   source         its label (the display name of its first document) kept by remote_cache.h
//   tag            slot tags (the list of a document's display tags): one spy counts the distinct
//                  lists, and each list's count goes to its tags (each case-folded tag once, by its
//                  first spelling, as the tag spread group holds them: schema.h), spellings merged
//                  by case-folded tag, shown by the most common spelling (ties: the first in byte
//                  order)
//   person, org, place, site, keyword, tag with tag_type   their spread groups; the label of a
//                  shown value is the display tag folding to it of the first matching document
//                  (docid order) holding the value and the tag (a query of its own per value)
// `missing` is the matches (ValueCountMatchSpy::get_total) less those with a value in the
// facet's first slot (for tag: with a tag in the list). Counts of the spread groups are exact
// while no document has more values than spread_width; tag counts are exact.
// Trade-offs: a spy per slot in use reads that slot for every match on each shard; the slots in
// use are found from the value statistics (get_value_freq) once per database and thread. For
// tag, one slot read per match instead of one per spread slot in use (49 on Reuters), for a spy
// result that grows with the distinct tag lists among the matches (about one per match, ~100
// bytes each, sent by each shard): on Reuters over 3 loopback shards the tag facet of "oil"
// (1,496 matches) took 10.6 ms with 49 spread spies and 1.9 ms this way (date and source
// included), and a word of 15,435 matches 7.8 ms (1.3 MB of lists).
#pragma once

#include "facets.h"

#include <memory>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline::query {

class BuiltinFacets {
  public:
    // `names` as validated by make_facet_collector (duplicates already dropped).
    BuiltinFacets(const Xapian::Database& db, const std::vector<std::string>& names,
                  const FacetOptions& options);
    BuiltinFacets(const BuiltinFacets&) = delete;
    BuiltinFacets& operator=(const BuiltinFacets&) = delete;
    ~BuiltinFacets();

    bool empty() const;
    void attach(Xapian::Enquire& enquire) const; // the spies; they must outlive the get_mset
    // The facets, in the order of `names`; `query` is the one the Enquire ran (for labels).
    std::vector<FacetResult> results(const Xapian::Database& db, const Xapian::Query& query) const;

    struct Facet;

  private:
    std::vector<std::unique_ptr<Facet>> facets_;
    FacetOptions options_;
};

} // namespace dateline::query
