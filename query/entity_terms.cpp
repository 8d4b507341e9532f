#include "entity_terms.h"

#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/token_stream.h"
#include "analyzers/schema.h"
#include "analyzers/text.h"
#include "query_lexer.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace dateline::query {

namespace {

constexpr std::size_t longest_alias_words = 8;

std::string hex_encode(std::string_view in) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "h";
    for (unsigned char c : in) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// Inverse of hex_encode; false when `in` is not one of its outputs.
bool hex_decode(std::string_view in, std::string* out) {
    if (in.empty() || in[0] != 'h' || in.size() % 2 != 1) return false;
    auto value = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    out->clear();
    for (std::size_t i = 1; i < in.size(); i += 2) {
        int hi = value(in[i]), lo = value(in[i + 1]);
        if (hi < 0 || lo < 0) return false;
        *out += static_cast<char>(hi * 16 + lo);
    }
    return true;
}

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

bool plain(const QueryWord& w) {
    return w.field.empty() && w.phrase < 0 && !w.wildcard && !w.near && !w.compound;
}

struct Edit {
    std::size_t begin, end;
    std::string replacement;
};

// Whether text[begin, end) may become a marked field: Xapian reads a field's value on to the next
// space or ')', and takes "word" + "field:" for one word, so a run or phrase glued to text on
// either side ("-putin\"Putin", "\"Putin\"-a") keeps its words. A love or hate sign may precede.
bool stands_alone(std::string_view text, std::size_t begin, std::size_t end) {
    auto separator = [&](std::size_t at) {
        return std::isspace(static_cast<unsigned char>(text[at])) != 0 || text[at] == '(';
    };
    const bool after = end == text.size() || std::isspace(static_cast<unsigned char>(text[end])) ||
                       text[end] == ')';
    if (!after) return false;
    if (begin == 0 || separator(begin - 1)) return true;
    return (text[begin - 1] == '-' || text[begin - 1] == '+') &&
           (begin == 1 || separator(begin - 2));
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

std::string mark_entity_aliases(const Xapian::Database& db, std::string_view text) {
    const LexedQuery lexed = lex_query(text);
    // NEAR and ADJ need positions from every operand, and the tag terms have none (Xapian throws
    // InvalidOperationError when it asks them for positions): such queries keep their words.
    if (lexed.proximity) return std::string(text);
    const auto& words = lexed.words;
    std::vector<Edit> edits;
    auto marked = [&](std::string_view field, std::string_view alias) {
        return std::string(field) + ":" + hex_encode(alias);
    };

    for (std::size_t i = 0; i < words.size();) {
        if (!plain(words[i])) {
            ++i;
            continue;
        }
        std::vector<std::string_view> run;
        std::size_t best = 0;
        for (std::size_t j = i; j < words.size() && run.size() < longest_alias_words; ++j) {
            if (j > i && !(plain(words[j]) && adjacent_plain(text, words[j - 1], words[j]))) break;
            run.push_back(words[j].text);
            if (alias_node(run) == entities::Gazetteer::npos) break;
            if (!entity_tag_terms(db, run).empty()) best = run.size();
        }
        if (best == 0) {
            ++i;
            continue;
        }
        const std::size_t begin = words[i].begin, end = words[i + best - 1].end;
        if (!stands_alone(text, begin, end)) {
            ++i;
            continue;
        }
        edits.push_back({begin, end, marked(entity_words_field, text.substr(begin, end - begin))});
        i += best;
    }

    for (const auto& phrase : lexed.phrases) {
        if (!phrase.field.empty() || phrase.words.empty()) continue;
        if (!stands_alone(text, phrase.begin, phrase.end)) continue;
        std::vector<std::string_view> run;
        for (auto index : phrase.words)
            run.push_back(words[index].text);
        if (entity_tag_terms(db, run).empty()) continue; // (no NEAR operands: see above)
        const std::size_t inner_begin = phrase.begin + 1;
        const std::size_t inner_end =
            phrase.end > inner_begin && text[phrase.end - 1] == '"' ? phrase.end - 1 : phrase.end;
        edits.push_back(
            {phrase.begin, phrase.end,
             marked(entity_phrase_field, text.substr(inner_begin, inner_end - inner_begin))});
    }
    if (edits.empty()) return std::string(text);

    std::sort(edits.begin(), edits.end(),
              [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
    std::string out;
    std::size_t at = 0;
    for (const auto& e : edits) {
        out.append(text.substr(at, e.begin - at));
        out += e.replacement;
        at = e.end;
    }
    out.append(text.substr(at));
    return out;
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

Xapian::Query EntityAliasProcessor::operator()(const std::string& encoded) {
    std::string alias;
    if (!hex_decode(encoded, &alias)) // typed by hand: just text
        return text_parser_.parse_query(encoded, Xapian::QueryParser::FLAG_PHRASE);
    std::vector<std::string_view> words;
    for (const auto& t : text::tokenize(alias))
        words.push_back(t.text);
    Xapian::Query text_query = text_parser_.parse_query(phrase_ ? "\"" + alias + "\"" : alias,
                                                        Xapian::QueryParser::FLAG_PHRASE);
    const auto tags = entity_tag_terms(db_, words);
    if (tags.empty()) return text_query;
    const std::vector<std::string> terms(text_query.get_unique_terms_begin(),
                                         text_query.get_unique_terms_end());
    auto* weight = new Xapian::FixedWeightPostingSource(least_bm25_share(db_, terms));
    Xapian::Query tagged(Xapian::Query::OP_FILTER, Xapian::Query(weight->release()),
                         Xapian::Query(Xapian::Query::OP_OR, tags.begin(), tags.end()));
    if (text_query.empty()) return tagged;
    return Xapian::Query(Xapian::Query::OP_OR, text_query, tagged);
}

} // namespace dateline::query
