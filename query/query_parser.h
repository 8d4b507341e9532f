// The query language: a Xapian::QueryParser configured from the schema (analyzers/schema.h) the
// way the indexer writes terms. Free-text fields get add_prefix; boolean fields a FieldProcessor
// that builds terms with schema::field_term (so source:Reuters and tag:"Vladimir Putin"
// match), OR-ing repeated values of `boolean` fields and AND-ing those of `boolean_all` fields;
// date: periods and ranges (date_range.h; a boolean field, so several date: values are OR-ed and
// AND-ed with the other fields; a range outside date: is a QueryError). Default operator AND,
// stemming STEM_SOME with the
// indexer's stemmer, stopwords, wildcards expanded to at most max_expansion terms (most frequent).
// Free-text aliases of known entities also match the entity's tag (entity_terms.h) unless
// entity_aliases is off. An empty query is MatchAll. Errors (syntax, bad dates) throw QueryError.
#pragma once

#include <cstddef>
#include <memory>
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
    std::string language = "en";           // stemmer and stopwords (ISO 639-1, or "none")
    Xapian::termcount max_expansion = 100; // wildcard expansion limit per wildcard
    bool entity_aliases = true;            // "putin" also matches articles tagged Vladimir Putin
};

class QueryBuilder {
  public:
    // db is used to expand wildcards; it must outlive the builder.
    QueryBuilder(const Xapian::Database& db, const QueryOptions& options);
    ~QueryBuilder();
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    Xapian::Query parse(std::string_view query_string);

    // The stemmer the parser uses: snippets must highlight with the same one.
    const Xapian::Stem& stem() const { return stem_; }

    // Query words the stopper dropped in the last parse.
    std::vector<std::string> stopped_words() const;

    // What the field processors met during a parse (query_parser.cpp).
    struct Diagnostics;

  private:
    Xapian::Database db_;
    QueryOptions options_;
    Xapian::Stem stem_;
    std::shared_ptr<Diagnostics> diagnostics_;
    Xapian::QueryParser parser_;
    Xapian::QueryParser text_parser_; // words only: what an entity alias means as text
};

} // namespace dateline::query
