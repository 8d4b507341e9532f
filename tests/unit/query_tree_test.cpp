// The query tree (query/query_tree.h): nodes, columns, Xapian's precedence and quirks, errors.
#include "query/errors.h"
#include "query/query_tree.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace dateline::query;
using Kind = QueryNode::Kind;

namespace {
std::string outline(std::string_view q) {
    return describe(parse_query_tree(q).root);
}
} // namespace

TEST_CASE("the tree reads words, fields, phrases and operators as Xapian's parser does") {
    const QueryTree t =
        parse_query_tree("+oil title:prices \"crude output\" tag:\"Vladimir Putin\" "
                         "NOT gas* date:1987-03..1987-04 a NEAR b e-mail");
    REQUIRE(t.root.kind == Kind::op_not); // the sequence on the left, the rest on the right
    const QueryNode& left = t.root.children[0];
    REQUIRE(left.kind == Kind::sequence);
    REQUIRE(left.children.size() == 3);
    CHECK(left.children[0].kind == Kind::group); // oil title:prices (the '+' is nothing)
    CHECK(left.children[0].children[1].field == "title");
    CHECK(left.children[1].kind == Kind::phrase);
    CHECK(left.children[1].quoted);
    CHECK(left.children[2].kind == Kind::filter);
    CHECK(left.children[2].text == "Vladimir Putin");
    CHECK(t.root.column == 55); // NOT
    const QueryNode& right = t.root.children[1];
    REQUIRE(right.kind == Kind::sequence);
    CHECK(right.children[0].kind == Kind::wildcard);
    CHECK(right.children[1].kind == Kind::filter);
    CHECK(right.children[2].kind == Kind::near);
    CHECK(right.children[3].kind == Kind::phrase); // e-mail: a phrase, not quoted
    CHECK(!right.children[3].quoted);
    CHECK(t.proximity);
}

TEST_CASE("precedence: OR < XOR < AND = NOT, left to right; a sequence binds tightest") {
    CHECK(parse_query_tree("a OR b AND c").root.kind == Kind::op_or);
    CHECK(parse_query_tree("a AND b OR c").root.kind == Kind::op_or);
    CHECK(parse_query_tree("a AND b NOT c").root.children[0].kind == Kind::op_and);
    CHECK(parse_query_tree("a b OR c").root.children[0].kind == Kind::group);
    CHECK(parse_query_tree("NOT a").root.children[0].kind == Kind::match_all); // pure NOT
    CHECK(parse_query_tree("a AND NOT b").root.kind == Kind::op_not);
}

TEST_CASE("errors name their column") {
    auto message = [](std::string_view q) {
        try {
            parse_query_tree(q);
        } catch (const QueryError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(message("oil AND") == "Syntax: <expression> AND <expression> at column 5");
    CHECK(message("oil wheat..corn") ==
          "unknown range 'wheat..corn' at column 5 (only date:START..END ranges are supported)");
    CHECK(message("date:1987..1988 oil").empty()); // a field value, not a range
}

TEST_CASE("Xapian's recoveries are kept: no result changes") {
    // A parse error Xapian does not report: the text read again without operators.
    CHECK(parse_query_tree("x a NEAR b").fallback);
    // Hated items only are everything but them; with a word after an operator the parse fails
    // and a filter after it starts afresh.
    CHECK(parse_query_tree("-wheat -tag:corn").root.hated);
    CHECK(parse_query_tree("-oil OR tag:grain").root.kind == Kind::sequence);
    CHECK(parse_query_tree("-oil OR tag:grain").root.children[0].kind == Kind::filter);
    // A lone word is kept even if a stopword; in a sequence it may be dropped.
    CHECK(!parse_query_tree("the").root.stoppable);
    CHECK(outline("oil,the").find("'the' stem stoppable") != std::string::npos);
}

TEST_CASE("hostile text parses or fails cleanly") {
    for (const std::string& q :
         std::vector<std::string>{"((((", "))))", "\"\"\"", "-+-+", "title:", "tag:", "NEAR/0 x",
                                  std::string("a\0b", 3), "\xff\xfe", "x +(a,the)", "OR OR OR"}) {
        CAPTURE(q);
        try {
            (void)outline(q);
        } catch (const QueryError&) {
        }
    }
}
