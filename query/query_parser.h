// From the query language to a Xapian::Query: the text is parsed into a QueryTree once
// (query_tree.h, which states the language) and the query is built from the tree the way the
// indexer writes terms (analyzers/schema.h); Xapian::QueryParser is not used. Free-text fields
// get their prefix; boolean field values become terms with schema::field_term (so
// source:Reuters and tag:"Vladimir Putin" match), OR-ing repeated values of `boolean` fields and
// AND-ing those of `boolean_all` fields;
// date: periods and ranges (date_range.h; a boolean field, so several date: values are OR-ed and
// AND-ed with the other fields; a range outside date: is a QueryError). Default operator AND,
// stemming as Xapian's STEM_SOME with the
// indexer's stemmer ("Z" + stem for words starting lower case; phrase, NEAR and ADJ words as
// written), stopwords (dropped from a group or sequence unless all its words are), wildcards
// expanded to at most max_expansion terms (most frequent). Stems and stopwords are those of
// QueryOptions::language, or without one of the languages each word can belong to in the
// archive (word_languages.h, which states the weighting).
// Free-text aliases of known entities also match the entity's tag (entity_terms.h) unless
// entity_aliases is off. An empty query is MatchAll. Errors (syntax, bad dates) throw QueryError.
#pragma once

#include "query_tree.h"
#include "word_languages.h"

#include <cstddef>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

// Wildcards (word*, tag:vlad*) expand to at most QueryOptions::max_expansion terms, the most
// frequent ones (the rest are left out: documented truncation, not an error); the limit itself
// may be 1 to max_wildcard_expansion (0 would mean "unlimited" to Xapian: a UsageError here).
inline constexpr Xapian::termcount max_wildcard_expansion = 10000;
// A query holds at most max_wildcards wildcards (more is a QueryError), so no query expands to more
// than max_wildcards x max_expansion terms in all.
inline constexpr std::size_t max_wildcards = 64;

struct QueryOptions {
    // Stemmer and stopwords (ISO 639-1, or "none"); "" = each word's languages in the archive
    // (word_languages.h).
    std::string language;
    Xapian::termcount max_expansion = 100; // wildcard expansion limit per wildcard
    bool entity_aliases = true;            // "putin" also matches articles tagged Vladimir Putin
};

class QueryBuilder {
  public:
    // db is used to expand wildcards; it must outlive the builder. `archive_languages`, when
    // given, are db's languages read before (FacetIndex::languages()), used when options name
    // no language instead of reading them again.
    QueryBuilder(const Xapian::Database& db, const QueryOptions& options,
                 const WordLanguages* archive_languages = nullptr);

    // parse_tree() then build(): the one way from text to a Xapian::Query.
    Xapian::Query parse(std::string_view query_string);

    // The text as a tree (query_tree.h), entity aliases marked (unless entity_aliases is off).
    // The text is made valid UTF-8 and trimmed first; an empty text is a match_all root.
    QueryTree parse_tree(std::string_view query_string) const;

    // A structured query (query_json.h) as a tree, entity aliases marked as in parse_tree().
    // Throws QueryError naming the bad node's path.
    QueryTree parse_json_tree(const nlohmann::json& query) const;

    // The Xapian::Query of a tree. `text` names the query in error messages. Remote-safe: it
    // holds only Xapian's built-in classes (terms, OP_WILDCARD, value ranges,
    // FixedWeightPostingSource), so it serialises for a remote shard served by stock
    // xapian-tcpsrv (tests/unit/query_remote_safe_test.cpp, over the regression battery). The
    // fast local paths of search.cpp (fast words, recency, the prepared sort key) are not.
    Xapian::Query build(const QueryTree& tree, std::string_view text);

    // --explain-query: the tree, then the Xapian query built from it.
    std::string explain(std::string_view query_string);
    std::string explain(const QueryTree& tree, std::string_view text);

    // The stemmer for the text of an article in `language`: snippets must highlight with the
    // stemmer that made the query's stems for that article.
    const Xapian::Stem& stem_for(std::string_view language) const {
        return languages_.stem_for(language);
    }

    // The languages the builder stems and stops words for.
    const WordLanguages& languages() const { return languages_; }

    // Query words dropped as stopwords by the last build.
    std::vector<std::string> stopped_words() const { return stopped_; }

  private:
    Xapian::Database db_;
    QueryOptions options_;
    WordLanguages languages_;
    std::vector<std::string> stopped_;
};

} // namespace dateline::query
