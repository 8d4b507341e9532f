#include "highlight.h"

#include "errors.h"

#include <string_view>
#include <utility>

namespace dateline::query {

namespace {

using Kind = QueryNode::Kind;

std::optional<QueryNode> positive(const QueryNode& node) {
    if (node.hated) return std::nullopt;
    switch (node.kind) {
    case Kind::filter:
    case Kind::match_all:
        return std::nullopt;
    case Kind::op_not:
        return positive(node.children[0]);
    case Kind::op_and:
    case Kind::op_or:
    case Kind::op_xor: {
        std::optional<QueryNode> a = positive(node.children[0]);
        std::optional<QueryNode> b = positive(node.children[1]);
        if (!a || !b) return a ? a : b;
        QueryNode both = node;
        both.children = {std::move(*a), std::move(*b)};
        return both;
    }
    case Kind::sequence: {
        QueryNode kept = node;
        kept.children.clear();
        for (const auto& item : node.children) {
            if (std::optional<QueryNode> p = positive(item)) kept.children.push_back(std::move(*p));
        }
        if (kept.children.empty()) return std::nullopt;
        return kept;
    }
    default: // words, phrases, groups, proximity, wildcards, aliases: what the text matches
        return node;
    }
}

} // namespace

std::optional<QueryTree> positive_tree(const QueryTree& tree) {
    std::optional<QueryNode> root = positive(tree.root);
    if (!root) return std::nullopt;
    QueryTree out = tree;
    out.root = std::move(*root);
    return out;
}

Xapian::Query highlight_query(const QueryTree& tree, QueryBuilder& builder) {
    const std::optional<QueryTree> words = positive_tree(tree);
    if (!words) return {};
    try {
        Xapian::Query query = builder.build(*words, {});
        // A tree of stopwords builds to match-all: no term to highlight.
        return query.get_type() == Xapian::Query::LEAF_MATCH_ALL ? Xapian::Query() : query;
    } catch (const QueryError&) {
        return {}; // a side made only of stopwords: the search reports it, snippets do not
    }
}

} // namespace dateline::query
