#include "entity_terms.h"

#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/token_stream.h"
#include "analyzers/schema.h"
#include "analyzers/text.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace dateline::query {

namespace {

constexpr std::size_t longest_alias_words = 8;

// The gazetteer trie node of a word sequence, or npos.
std::uint32_t alias_node(const std::vector<std::string_view>& words) {
    const auto& gazetteer = entities::default_gazetteer();
    std::uint32_t node = gazetteer.root();
    for (auto w : words) {
        node = gazetteer.child(node, entities::word_key(w));
        if (node == entities::Gazetteer::npos) break;
    }
    return node;
}

bool plain(const QueryNode& n) {
    return n.kind == QueryNode::Kind::term && n.field.empty();
}

// The longest run of plain words from children[i] on that is an alias of a tagged entity and
// stands alone; 0 when there is none.
std::size_t alias_run(const Xapian::Database& db, const std::vector<QueryNode>& children,
                      std::size_t i) {
    std::vector<std::string_view> run;
    std::size_t best = 0;
    for (std::size_t j = i; j < children.size() && run.size() < longest_alias_words; ++j) {
        if (!plain(children[j])) break;
        run.push_back(children[j].typed);
        if (alias_node(run) == entities::Gazetteer::npos) break;
        if (!entity_tag_terms(db, run).empty()) best = run.size();
    }
    if (best == 0 || !children[i].alone_before || !children[i + best - 1].alone_after) return 0;
    return best;
}

QueryNode alias_of(std::vector<QueryNode> nodes) {
    QueryNode a;
    a.kind = QueryNode::Kind::alias;
    a.column = nodes.front().column;
    a.begin = nodes.front().begin;
    a.end = nodes.back().end;
    a.hated = nodes.front().hated;
    for (auto& n : nodes)
        n.hated = false;
    a.children = std::move(nodes);
    return a;
}

void mark(QueryNode& node, const Xapian::Database& db) {
    using Kind = QueryNode::Kind;
    if (node.kind == Kind::group) {
        std::vector<QueryNode> out;
        auto& c = node.children;
        for (std::size_t i = 0; i < c.size();) {
            if (const std::size_t n = alias_run(db, c, i); n > 0) {
                out.push_back(alias_of({std::make_move_iterator(c.begin() + i),
                                        std::make_move_iterator(c.begin() + i + n)}));
                i += n;
            } else {
                out.push_back(std::move(c[i++]));
            }
        }
        c = std::move(out);
        return;
    }
    if (node.kind == Kind::term) {
        if (alias_run(db, {node}, 0) == 1) node = alias_of({std::move(node)});
        return;
    }
    if (node.kind == Kind::phrase) {
        if (!node.quoted || !node.field.empty() || !node.alone_before) return;
        std::vector<std::string_view> run;
        for (const auto& t : node.children)
            run.push_back(t.typed);
        if (!entity_tag_terms(db, run).empty()) node = alias_of({std::move(node)});
        return;
    }
    if (node.kind == Kind::near || node.kind == Kind::adj || node.kind == Kind::filter) return;
    for (auto& child : node.children)
        mark(child, db);
}

} // namespace

std::vector<std::string> entity_tag_terms(const Xapian::Database& db,
                                          const std::vector<std::string_view>& words) {
    std::vector<std::string> terms;
    if (words.empty()) return terms;
    const auto& gazetteer = entities::default_gazetteer();
    const std::uint32_t node = alias_node(words);
    if (node == entities::Gazetteer::npos) return terms;
    for (const auto& target : gazetteer.targets(node)) {
        if (target.flags != 0) continue; // ambiguous, common-word and demonym aliases
        bool case_ok = true, a_name = false;
        for (std::size_t i = 0; i < words.size(); ++i) {
            const auto rule = target.rule(i);
            if (rule == entities::CaseRule::upper && !text::all_upper(words[i])) case_ok = false;
            a_name = a_name || rule != entities::CaseRule::any;
        }
        // Only names: an alias written in lower case in the gazetteer ("yen" for Japan) is a
        // clue for the tagger, not what a searcher means by the word.
        if (!case_ok || !a_name) continue;
        std::string term =
            schema::boolean_term(schema::prefix::tag, gazetteer.entity(target.entity).name);
        if (std::find(terms.begin(), terms.end(), term) == terms.end() && db.term_exists(term))
            terms.push_back(std::move(term));
    }
    return terms;
}

void mark_entity_aliases(QueryTree& tree, const Xapian::Database& db) {
    if (tree.proximity) return; // see the header: NEAR and ADJ operands need positions
    mark(tree.root, db);
}

bool has_entity_alias(const QueryTree& tree) {
    bool found = false;
    visit_nodes(tree.root,
                [&](const QueryNode& n) { found = found || n.kind == QueryNode::Kind::alias; });
    return found;
}

double least_bm25_share(const Xapian::Database& db, const std::vector<std::string>& terms) {
    const double documents = db.get_doccount();
    const double average = db.get_avlength();
    const double longest = db.get_doclength_upper_bound();
    // BM25 with k1 = 1, b = 0.5: a term with wdf >= 1 in a document of normalised length L
    // weighs at least idf * 1 / (k1 * (b * L + 1 - b) + 1) (Xapian's factor k1 + 1 left out,
    // which only makes the bound lower); L is at most longest / average (at least 0.5).
    const double normlen = average > 0 ? std::max(longest / average, 0.5) : 1.0;
    double sum = 0;
    bool any = false;
    for (const auto& term : terms) {
        const double tf = db.get_termfreq(term);
        if (tf <= 0) continue;
        any = true;
        double tw = (documents - tf + 0.5) / (tf + 0.5);
        if (tw < 2) tw = tw * 0.5 + 1; // as Xapian does for terms in over a third of the documents
        sum += std::log(tw) / (normlen * 0.5 + 0.5 + 1.0);
    }
    return any && sum > 0 ? sum / 2 : 1.0;
}

} // namespace dateline::query
