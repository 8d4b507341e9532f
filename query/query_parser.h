// The query language: a Xapian::QueryParser configured from the schema (analyzers/schema.h) the
// way the indexer writes terms. Free-text fields get add_prefix; boolean fields a FieldProcessor
// that builds terms with schema::field_term (so source:Reuters and tag:"Vladimir Putin"
// match), OR-ing repeated values of `boolean` fields and AND-ing those of `boolean_all` fields;
// date: ranges and periods (date_range.h). Default operator AND, stemming STEM_SOME with the
// indexer's stemmer, stopwords, wildcards expanded to at most max_expansion terms (most frequent).
// An empty query is MatchAll. Errors (syntax, bad dates) throw QueryError.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct QueryOptions {
    std::string language = "en";           // stemmer and stopwords (ISO 639-1, or "none")
    Xapian::termcount max_expansion = 100; // wildcard expansion limit per wildcard
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

  private:
    struct Diagnostics;
    Xapian::Stem stem_;
    std::shared_ptr<Diagnostics> diagnostics_;
    Xapian::QueryParser parser_;
};

} // namespace dateline::query
