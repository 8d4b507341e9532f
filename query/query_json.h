// Structured queries: the query tree (query_tree.h) as JSON, for scripts that should not build
// query text by concatenation (--query-json, a --batch line's "query" object, POST /api/search).
// query/OUTPUT.md documents the forms; in short, one key names a node's kind:
//   {"words": "oil prices"}       words as the text reads them (stopwords dropped, word* kept)
//   {"word": "the"}               one word, kept even if a stopword
//   {"phrase": "interest rates"}  a "quoted phrase" (or a list of words)
//   {"near": "oil prices", "window": 5}, {"adj": [...]}     NEAR/5, ADJ
//   {"wildcard": "pri"}           pri*
//   {"field": "tag", "value": "Vladimir Putin"}             tag:"Vladimir Putin" (title: words)
//   {"date": "1987-03"}, {"date": {"from": "1987-03", "to": "1987-04"}}
//   {"and": [...]}, {"or": [...]}, {"xor": [...]}            A AND B AND C (and[..{"not": X}]
//                                                            is AND NOT X), OR, XOR
//   {"not": X}                    NOT X (everything but X)
//   {"all": [...]}                items side by side (the default AND: filters narrow, an item
//                                 {"minus": X} is -X); {"all": []} is every article
// Word forms take "field" (a free-text field, title) and the rarer flags of the text's words
// ("stem", "glued", "keep", "may_vanish", "quoted") so that any tree has a JSON form.
// Meaning: a JSON query means what its text form means; the Xapian query built from
// tree_from_json() is the one built from the equivalent text (entity aliases are recognised in
// its words as in text, unless entity_aliases is off). Round trip: tree_from_json(tree_to_json(t))
// is t for every tree the text parser makes, compared by same_tree().
// Trade-off: the JSON mirrors the text's tree, Xapian's quirks included ("and" is the AND
// operator, whose filters weigh like words; "all" is the sequence, whose filters filter and whose
// values of one field are OR-ed), rather than an Elasticsearch-style bool query with other
// semantics: one meaning, one builder, one battery of tests.
#pragma once

#include "query_tree.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace dateline::query {

// The tree of a JSON query. Throws QueryError "PATH: problem" naming the bad node's path
// (and[2].date.from: ...), for an unknown key, a wrong type, an empty list, a bad date or window,
// an unknown field; never anything else for any JSON value. Nesting is limited to
// max_json_depth. Positions are numbered as the text's would be; columns are 0 (no text).
inline constexpr std::size_t max_json_depth = 100;
QueryTree tree_from_json(const nlohmann::json& query, const QueryTreeOptions& options = {});

// The JSON of a tree (entity alias nodes are written as their words: tree_from_json recognises
// them again). The friendly forms where they give the same tree back, the explicit ones else.
nlohmann::json tree_to_json(const QueryTree& tree);

// A JSON query's text (--query-json, a file's contents) parsed; QueryError when it is not JSON.
nlohmann::json parse_query_json(std::string_view text);

// Whether two trees mean the same: equal but for what the text alone has (columns, byte spans)
// and for the flags nothing reads (a positional node's words are neither stemmed nor aliases;
// a fielded word is never an alias). `why`, if given, gets the first difference.
bool same_tree(const QueryNode& a, const QueryNode& b, std::string* why = nullptr);

} // namespace dateline::query
