// Facets: exact counts over every match of a query. The search records the docid of every match
// with a MatchRecorder (a Xapian match spy; the search must use check_at_least = the document
// count) and then asks one FacetCollector per requested facet to count those docids through the
// database's FacetIndex (facet_index.h: flat arrays of interned ids, built once per database).
//
// Facets and what they read:
//   source  value slot 1 (source id; labelled with the source's display name from document data)
//   lang    value slot 4
//   tag     value slot 2, a schema::encode_list of display tags; counted once per tag per document,
//           spellings that differ only in case merged (the tag: filter matches them all), shown in
//           the spelling most common among the matches (ties: the first in byte order)
//   date    value slot 0, a histogram (histogram.h); every bucket, chronological
//   person, org, place, site, keyword   the XP / XO / XL / H / XK boolean terms of each document,
//           labelled with the display tag (slot 2) folding to the value, in the spelling the
//           tag facet would show (the most common among the matches; so a label never depends
//           on docid order, which differs between one database and its shards) (keyword: the
//           publisher's keywords, never an entity)
//   tag with tag_type          the XP / XO / XL terms of that type, named "tag"
// New facets are one entry in make_facet_collector() in facets.cpp.
#pragma once

#include "facet_index.h"
#include "histogram.h"
#include "shard_docids.h"

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct FacetValue {
    std::string value; // what a filter takes: source:VALUE, tag:"VALUE", date:VALUE
    std::string label; // what to show (source display name; else the value)
    Xapian::doccount count = 0;
};

struct FacetResult {
    std::string name;               // "source", "tag", "date", ...
    std::vector<FacetValue> values; // top N by count (ties by value), or every date bucket in order
    std::size_t distinct = 0;       // distinct values over all matches
    std::size_t other = 0;          // distinct values left out by the limit
    Xapian::doccount missing = 0;   // matches that have no value for this facet
    std::string bucket;             // date facet only: "day", "week", "month" or "year"
    std::string type; // tag facet with --facet-type: "person", "organization", "place"
};

struct FacetOptions {
    std::size_t limit = 10; // top N values; 0 = all. The date histogram is never cut.
    Bucket bucket = Bucket::automatic;
    // --facet-type: restricts the tag facet to entity tags of one type ("person",
    // "organization" or "place"; "org" is accepted); "" counts every tag. Values are then the
    // lower-cased entity names (the XP / XO / XL terms), labels their display spelling.
    std::string tag_type;
};

// Normalises a --facet-type value to "person", "organization" or "place"; throws UsageError.
std::string parse_tag_type(std::string_view name);

// The docids of every match, in the order the matcher visits them (ascending for the queries
// Dateline builds on one database; count() does not depend on the order). On a sharded database
// the query must carry track_shards(cursor) and the recorder the same cursor (shard_docids.h).
class MatchRecorder final : public Xapian::MatchSpy {
  public:
    explicit MatchRecorder(std::shared_ptr<ShardCursor> cursor = nullptr)
        : cursor_(std::move(cursor)) {}
    void operator()(const Xapian::Document& doc, double) override {
        docids_.push_back(cursor_ ? cursor_->global(doc.get_docid()) : doc.get_docid());
    }
    Xapian::MatchSpy* clone() const override { return new MatchRecorder(cursor_); }
    std::string name() const override { return "dateline::MatchRecorder"; }
    const std::vector<Xapian::docid>& docids() const { return docids_; }

  private:
    std::shared_ptr<ShardCursor> cursor_;
    std::vector<Xapian::docid> docids_;
};

class FacetCollector {
  public:
    virtual ~FacetCollector() = default;
    // Counts the facet over `matches`; db is used to look up labels (source names, display tags).
    virtual FacetResult count(const Xapian::Database& db, FacetIndex& index,
                              std::span<const Xapian::docid> matches) const = 0;
    // Whether count() leaves the labels to label_by_tags (the term facets: person, org, ...).
    virtual bool labelled_by_tags() const { return false; }
};

// The display labels of entity and keyword values over one match set: the display tag folding
// to a value, in the spelling most common among the matches, as the tag facet shows a tag (ties:
// the first in byte order). Not the spelling of the first matching document: docid order differs
// between one database and its shards, and a label must not. Counts every match's tags once, on
// construction (a pass like the tag facet's); then each label is a look-up.
class TagLabels {
  public:
    TagLabels(FacetIndex& index, std::span<const Xapian::docid> matches);
    // The label of `value` (folded, as a facet value), or `value` when no matching tag folds to it.
    std::string label(const std::string& value) const;

  private:
    const TagLists& tags_;
    std::vector<Xapian::doccount> counts_; // by spelling id
};

// Labels `values` (of the facets labelled_by_tags, counted over `matches`) by TagLabels.
void label_by_tags(FacetIndex& index, std::span<const Xapian::docid> matches,
                   std::span<FacetValue* const> values);

// The facet label shared by the collectors here and their built-in twins (builtin_facets.h):
// the display name a document gives its source (its data's "source"), or `id` when it gives none.
std::string source_name(const Xapian::Document& doc, const std::string& id);

// Throws UsageError for a name not in facet_names().
std::unique_ptr<FacetCollector> make_facet_collector(std::string_view name,
                                                     const FacetOptions& options);

std::span<const std::string_view> facet_names();

} // namespace dateline::query
