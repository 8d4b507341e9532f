// The words of a query string as Xapian::QueryParser will read them, with where they are, for the
// features that rewrite the query text before parsing it: spelling suggestions (suggest.h)
// replace misspelt words, entity-aware free text (entity_terms.h) marks aliases of known
// entities. The lexer follows the query language of query_parser.h: "phrases", ( ), the operators
// AND OR NOT XOR NEAR ADJ (NEAR/n, ADJ/n), +/- signs, field prefixes of schema::fields() and
// date: (free-text fields such as title: apply to the next word, phrase or bracketed group;
// the values of boolean fields and dates are opaque), wildcards (word*) and ranges (a..b).
// It never fails: text it does not understand is read as words, the way the parser reads it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::query {

struct QueryWord {
    std::size_t begin = 0, end = 0; // byte span in the query text
    std::string_view text;          // the word as written (a view into the query text)
    std::string field;              // free-text field it is in ("title"), "" for plain text
    int phrase = -1;                // index into LexedQuery::phrases when inside "..."
    bool wildcard = false;          // directly followed by '*'
    bool sign = false;              // a '+' or '-' in front of it
    bool near = false;              // an operand of NEAR or ADJ
    bool compound = false;          // one of several words glued by punctuation ("e-mail")
    std::size_t token = 0;          // lexical token number: words next to each other in the
                                    // text with only spaces between have consecutive numbers
};

struct QueryPhrase {
    std::size_t begin = 0, end = 0; // byte span, quotes included
    std::string field;              // free-text field it is in, "" for plain text
    std::vector<std::size_t> words; // indexes into LexedQuery::words
};

struct LexedQuery {
    std::vector<QueryWord> words; // in text order
    std::vector<QueryPhrase> phrases;
    std::vector<std::string_view> ranges;  // "a..b" outside a date: field (not supported)
    std::vector<std::string_view> filters; // boolean and date field tokens, "tag:grain" whole
    // A NEAR or ADJ operator somewhere. QueryWord::near marks the operands the lexer can tell, but
    // Xapian's parser also applies the operator across stray brackets ("putin(NEAR economy") and
    // control characters ("putin NEAR\x18economy").
    bool proximity = false;
};

LexedQuery lex_query(std::string_view text);

// True when words a and b (a before b) are plain neighbours: only spaces between them, no
// operator, bracket, sign or field value, and neither is inside a phrase.
bool adjacent_plain(std::string_view text, const QueryWord& a, const QueryWord& b);

} // namespace dateline::query
