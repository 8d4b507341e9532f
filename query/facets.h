// Facets: exact counts over every match of a query, collected by Xapian match spies while the
// match runs (the search must use check_at_least = the document count). One FacetCollector per
// requested facet; it owns its spy, which the caller registers with Enquire::add_matchspy, and
// turns the counts into a FacetResult afterwards.
//
// Facets and what they read:
//   source  value slot 1 (source id; labelled with the source's display name from document data)
//   lang    value slot 4
//   tag     value slot 2, a schema::encode_list of display tags; counted once per tag per document,
//           spellings that differ only in case merged (the tag: filter matches them all)
//   date    value slot 0, a histogram (histogram.h); every bucket, chronological
//   person, org, place, site   the XP / XO / XL / H boolean terms of each document
//   tag with tag_type          the XP / XO / XL terms of that type, named "tag"
// New facets are one entry in the table in facets.cpp.
#pragma once

#include "histogram.h"

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

class FacetCollector {
  public:
    virtual ~FacetCollector() = default;
    virtual Xapian::MatchSpy& spy() = 0;
    // db is used to look up labels (source names).
    virtual FacetResult result(const Xapian::Database& db) const = 0;
};

// Throws UsageError for a name not in facet_names().
std::unique_ptr<FacetCollector> make_facet_collector(std::string_view name,
                                                     const FacetOptions& options);

std::span<const std::string_view> facet_names();

} // namespace dateline::query
