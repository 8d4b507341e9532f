// The query language as Dateline's own tree. parse_query_tree() lexes the text once, left to
// right, and parses it into QueryNodes that carry their column, so an error points at its place
// ("unbalanced ... at column 17"). query_parser.h builds the Xapian::Query from the tree; nothing
// hands user text to Xapian::QueryParser any more (its crashes in 1.4.22 cannot be reached).
//
// The language is Xapian 1.4's, as QueryParser reads it with FLAG_PHRASE | FLAG_BOOLEAN |
// FLAG_LOVEHATE | FLAG_WILDCARD | FLAG_PURE_NOT and the fields of schema::fields() and date:, so
// the results of every query stay what they were:
//   - words (Xapian's word characters, AT&T, Fred's, 1,000, C++ and C# when the index has them,
//     U.S. as the acronym "us"); words joined by . - / : \ @ ("e-mail") are a phrase; a run of
//     words separated only by white space is a group (stopwords dropped unless all are);
//   - "phrases", NEAR and ADJ (NEAR/n, ADJ/n) between words, word* wildcards;
//   - free-text fields (title:word, title:"a phrase", title:(a group)); boolean fields and date:
//     take the value up to the next space or ')' or a "quoted value";
//   - AND, OR, XOR, NOT, AND NOT with Xapian's precedence (OR < XOR < AND = NOT, left to right),
//     brackets, the default AND between the items of a sequence, '-' (hate); '+' means nothing
//     with the default AND and is dropped where it would be a love sign;
//   - a query of hated items only ("-wheat -tag:corn") means everything but them;
//   - a syntax error that Xapian's grammar would not report ("a NEAR (b)") reads the text again
//     without operators, brackets, quotes, signs and wildcards (Xapian's own fallback); one it
//     would report ("oil AND") and a range outside date: are QueryErrors with their column.
// Trade-off: Xapian's quirks are kept on purpose (a phrase generator inside quotes ends the
// phrase, as in Xapian) so that no result changes; query/OUTPUT.md lists the few that differ.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct QueryNode {
    enum class Kind {
        term,     // text: the lower-cased word; typed: as written; field: free-text field or ""
        wildcard, // text: the lower-cased word before '*'
        phrase,   // children: terms; quoted is false for "e-mail" (a phrased term)
        group,    // children: terms separated by white space only
        near,     // children: terms; window (0 = Xapian's default, 10)
        adj,      // likewise, in order
        filter,   // field: boolean field name or "date"; text: the value
        alias,    // children: one term, a group of terms or a phrase that is an entity alias
        sequence, // children: items AND-ed by default (stopwords, hate signs, filters)
        op_and,
        op_or,
        op_xor,
        op_not, // children: left (may be kind match_all for a pure NOT) and right
        match_all,
    };
    Kind kind = Kind::match_all;
    std::size_t column = 1;         // 1-based byte column of the node's start in the text
    std::size_t begin = 0, end = 0; // byte span in the text
    std::string text, typed, field;
    unsigned position = 0;  // term: Xapian's term position (counts terms from 1)
    unsigned window = 0;    // near, adj
    bool stem = false;      // term: STEM_SOME would stem it (starts lower case, no preventer)
    bool quoted = false;    // phrase: in double quotes
    bool hated = false;     // an item of a sequence with '-' before it
    bool stoppable = false; // term: a stopword here is dropped (an item of a sequence)
    bool empty_ok = false;  // group: may vanish when all its words are stopwords
    // term, phrase: white space, a bracket, the text's end or a sign (after white space) on
    // that side, not other text (an entity alias must stand alone: entity_terms.h)
    bool alone_before = false, alone_after = false;
    std::vector<QueryNode> children;
};

struct QueryTree {
    QueryNode root;
    bool proximity = false; // a NEAR or ADJ node somewhere
    bool fallback = false;  // read again without operators (see above)
};

struct QueryTreeOptions {
    const Xapian::Database* db = nullptr; // for C++/C# (kept when the index has the term)
    // Whether a (lower-case) word is a stopword of the query's languages (word_languages.h):
    // whether "the -oil" has anything to take "oil" from. None when empty.
    std::function<bool(std::string_view)> is_stopword;
};

// Throws QueryError (a syntax error Xapian reports, a range outside date:) naming the column.
QueryTree parse_query_tree(std::string_view text, const QueryTreeOptions& options = {});

// `text` as plain words (the JSON query's "words": query_json.h): the same lexer and grammar,
// but operators, brackets, quotes, signs and field names are read as words and punctuation, as
// in Xapian's fallback; wildcards (word*) are kept. Throws QueryError for a range (a..b).
QueryTree parse_query_words(std::string_view text, const QueryTreeOptions& options = {});

// The tree as an indented outline, one node a line (--explain-query).
std::string describe(const QueryNode& node);

// Every node of the tree, depth first (for features that look at words: suggestions, aliases).
template <class Visit> void visit_nodes(const QueryNode& node, Visit&& visit) {
    visit(node);
    for (const auto& child : node.children)
        visit_nodes(child, visit);
}

} // namespace dateline::query
