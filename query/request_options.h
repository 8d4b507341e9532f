// One request type for every front end. A SearchRequest (search.h) is built from the command line
// (main.cpp), a --batch line (batch.h), the server's query parameters and its JSON bodies
// (query/serve/) through this one table of option names, so every option has one name, one
// parser and one error message everywhere. The names are those of query/serve/API.md:
//   q|query  facet|facets  filter|filters  sort  limit  offset  collapse  recency  now  like
//   lang  bucket  facet_limit  facet_type  snippet_length  snippet_mentions  auto_correct
//   suggest_below
//   max_expansion  entity_aliases
//   timeline  normalize  compare  cooccur  significant  trending  window  baseline  min_count
//   edges   (measurements: query/measure/measure_options.h)
// JSON values are typed (numbers, booleans, strings or lists of strings; `query` may also be a
// structured query object, query_json.h, whose errors are QueryErrors); text values (query
// parameters, the command line) are converted by the option's kind: a whole number, a boolean
// (1/true/yes, 0/false/no) or a comma-separated list for `facet`
// (`filter` and `compare` take one item per parameter). Errors throw UsageError naming
// the option; the request is unchanged by a failed call.
#pragma once

#include "search.h"

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

namespace dateline::query {

// Sets one option from a JSON value. Throws UsageError for an unknown name or a bad value.
void set_request_option(SearchRequest& request, std::string_view name, const nlohmann::json& value);

// Sets one option from text (a query parameter). `facet` and `filter` add to the list instead of
// replacing it, so that a parameter given twice means both.
void add_request_option_text(SearchRequest& request, std::string_view name, std::string_view text);

// A JSON request object ({"query": ..., "limit": ...}): `defaults` with the object's keys set.
// Throws UsageError when `object` is not an object or a key is unknown or bad.
SearchRequest request_from_json(const nlohmann::json& object, const SearchRequest& defaults);

// Every option name (first spellings: q, facet, filter, ...), for messages and documentation.
std::span<const std::string_view> request_option_names();

} // namespace dateline::query
