#include "query_tree.h"

#include "analyzers/schema.h"
#include "errors.h"

#include <cstring>
#include <optional>
#include <utility>

namespace dateline::query {

namespace {

using Xapian::Unicode::get_category;
using Xapian::Unicode::is_wordchar;

// ---- Characters, as Xapian 1.4's QueryParser classes them ----------------------------------

bool is_white(unsigned ch) {
    return Xapian::Unicode::is_whitespace(ch);
}
bool is_upper(unsigned ch) {
    return get_category(ch) == Xapian::Unicode::UPPERCASE_LETTER;
}
bool is_digit(unsigned ch) {
    return get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}
bool ascii_in(unsigned ch, const char* set) {
    return ch && ch < 128 && std::strchr(set, static_cast<int>(ch)) != nullptr;
}
bool is_phrase_generator(unsigned ch) {
    return ascii_in(ch, ".-/:\\@");
}
bool is_stem_preventer(unsigned ch) {
    return ascii_in(ch, "(/\\@<>=*[{\"");
}
bool is_suffix(unsigned ch) {
    return ch == '+' || ch == '#';
}
bool should_stem(unsigned first) {
    const auto c = get_category(first);
    return c == Xapian::Unicode::LOWERCASE_LETTER || c == Xapian::Unicode::TITLECASE_LETTER ||
           c == Xapian::Unicode::MODIFIER_LETTER || c == Xapian::Unicode::OTHER_LETTER;
}

constexpr unsigned ignore_char = 0xffffffff;

unsigned infix(unsigned ch) {
    if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
    if (ch >= 0x200b) {
        if (ch == 0x2019 || ch == 0x201b) return '\'';
        if (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff) return ignore_char;
    }
    return 0;
}

unsigned infix_digit(unsigned ch) {
    switch (ch) {
    case ',':
    case '.':
    case ';':
    case 0x037e:
    case 0x0589:
    case 0x060D:
    case 0x07F8:
    case 0x2044:
    case 0xFE10:
    case 0xFE13:
    case 0xFE14:
        return ch;
    default:
        break;
    }
    if (ch >= 0x200b && (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff)) return ignore_char;
    return 0;
}

// A '+' where Xapian would read a love sign (after the start, a space, '(' or a control
// character): with the default AND it adds nothing, so it is not part of the language (and
// Xapian 1.4.22 crashed on a loved group of stopwords). Checked against Xapian for every code
// point when it was a text rewrite; now the lexer simply does not see it.
bool love_sign_may_follow(unsigned prev) {
    return prev <= 0x20 || prev == '(' || (prev >= 0x7f && prev <= 0xa0) || is_white(prev);
}

// The text as code points with their byte offsets, love signs left out.
struct Chars {
    std::vector<unsigned> ch;
    std::vector<std::size_t> at; // byte offset of ch[i]; at[size] = the text's size
};

Chars decode(std::string_view text) {
    Chars c;
    unsigned prev = ' ';
    for (Xapian::Utf8Iterator it(text.data(), text.size()), end; it != end; ++it) {
        const unsigned ch = *it;
        if (ch == '+' && love_sign_may_follow(prev)) continue;
        c.ch.push_back(ch);
        c.at.push_back(static_cast<std::size_t>(it.raw() - text.data()));
        prev = ch;
    }
    c.at.push_back(text.size());
    return c;
}

enum class FieldKind { none, free_text, boolean };

FieldKind field_kind(std::string_view name) {
    if (name == schema::date_field) return FieldKind::boolean;
    for (const auto& f : schema::fields())
        if (f.name == name)
            return f.kind == schema::Field::Kind::free_text ? FieldKind::free_text
                                                            : FieldKind::boolean;
    return FieldKind::none;
}

// ---- Tokens -------------------------------------------------------------------------------

enum class Tok {
    term,
    group_term,
    phr_term,
    wild_term,
    quote,
    bra,
    ket,
    hate,
    hate_after_and,
    op_and,
    op_or,
    op_not,
    op_xor,
    op_near,
    op_adj,
    filter,
    empty_group_ok,
    end,
};

struct Token {
    Tok type;
    std::size_t at = 0; // byte offset
    QueryNode node;     // term, wild_term, filter
    unsigned window = 0;
};

class Lexer {
  public:
    // full: the whole language; else Xapian's fallback (no operators, brackets, quotes, signs or
    // wildcards), and with `words` also no fields but wildcards (parse_query_words).
    Lexer(std::string_view text, const Chars& chars, bool full, const QueryTreeOptions& options,
          bool words = false)
        : text_(text), c_(chars.ch), at_(chars.at), full_(full), words_(words), options_(options) {}

    std::vector<Token> run();
    bool proximity = false;

  private:
    unsigned ch(std::size_t i) const { return i < c_.size() ? c_[i] : 0; }
    bool end(std::size_t i) const { return i >= c_.size(); }
    std::string utf8(std::size_t from, std::size_t to) const {
        std::string s;
        for (std::size_t i = from; i < to; ++i)
            Xapian::Unicode::append_utf8(s, c_[i]);
        return s;
    }
    void emit(Tok type, std::size_t i, unsigned window = 0) {
        tokens_.push_back({type, at_[std::min(i, c_.size())], {}, window});
    }
    std::string parse_term(std::size_t& i, bool& acronym);
    void range_check(std::size_t i) const;

    std::string_view text_;
    const std::vector<unsigned>& c_;
    const std::vector<std::size_t>& at_;
    bool full_, words_;
    const QueryTreeOptions& options_;
    std::vector<Token> tokens_;
};

std::string Lexer::parse_term(std::size_t& i, bool& acronym) {
    std::string term;
    if (is_upper(ch(i))) { // initials separated by '.': U.S., P.T.O.
        std::string t;
        std::size_t p = i;
        std::size_t letters = 0;
        do {
            Xapian::Unicode::append_utf8(t, ch(p++));
            ++letters;
        } while (!end(p) && ch(p) == '.' && !end(++p) && is_upper(ch(p)));
        if (letters > 1 && (end(p) || !is_wordchar(ch(p)))) {
            i = p;
            term = std::move(t);
        }
    }
    acronym = !term.empty();
    if (!term.empty()) return term;
    unsigned prev = ch(i);
    Xapian::Unicode::append_utf8(term, prev);
    while (!end(++i)) {
        unsigned c = ch(i);
        if (!is_wordchar(c)) {
            // One embedded ' & or similar (AT&T, Fred's), or , . ; between digits (1,000).
            const std::size_t p = i + 1;
            if (end(p) || !is_wordchar(ch(p))) break;
            c = is_digit(prev) && is_digit(ch(p)) ? infix_digit(c) : infix(c);
            if (!c) break;
            if (c == ignore_char) continue;
        }
        Xapian::Unicode::append_utf8(term, c);
        prev = c;
    }
    if (!end(i) && is_suffix(ch(i))) { // C++, C#: when the index has them (or not the word)
        std::string suffixed = term;
        std::size_t p = i;
        do {
            if (suffixed.size() - term.size() == 3) {
                suffixed.clear();
                break;
            }
            suffixed += static_cast<char>(ch(p));
        } while (is_suffix(ch(++p)));
        if (!suffixed.empty() && (end(p) || !is_wordchar(ch(p)))) {
            bool use = true;
            if (options_.db) {
                use = options_.db->term_exists(Xapian::Unicode::tolower(suffixed)) ||
                      !options_.db->term_exists(Xapian::Unicode::tolower(term));
            }
            if (use) {
                term = std::move(suffixed);
                i = p;
            }
        }
    }
    return term;
}

// A range (a..b) outside date: is not part of the language: an error rather than the phrase
// "a b" Xapian would make of it. The chunk runs to a space, a bracket or a quote.
void Lexer::range_check(std::size_t i) const {
    while (!end(i) && (ch(i) == '-' || ch(i) == '+')) // signs are not part of the chunk
        ++i;
    std::size_t name_end = i;
    while (!end(name_end) && is_wordchar(ch(name_end)))
        ++name_end;
    if (name_end > i && ch(name_end) == ':' && field_kind(utf8(i, name_end)) == FieldKind::boolean)
        return; // a boolean field's value is opaque (date:1987..1988 is the date field's)
    std::size_t stop = i;
    while (!end(stop) && !is_white(ch(stop)) && ch(stop) != '(' && ch(stop) != ')' &&
           ch(stop) != '"')
        ++stop;
    const std::string chunk = utf8(i, stop);
    const auto dots = chunk.find("..");
    if (dots == std::string::npos || chunk.find("...") != std::string::npos ||
        chunk.find("..", dots + 2) != std::string::npos)
        return;
    throw QueryError("unknown range '" + chunk + "' at column " + std::to_string(at_[i] + 1) +
                     " (only date:START..END ranges are supported)");
}

std::vector<Token> Lexer::run() {
    enum class Mode { normal, quotes, prefixed_quotes, phrased_term, group, group2 };
    Mode mode = Mode::normal;
    std::vector<std::string> prefixes{""}; // free-text field of phrases and brackets
    unsigned newprev = ' ';
    unsigned position = 1;
    std::size_t i = 0;
    bool in_range_chunk = false; // inside a chunk already checked for a range
    const std::size_t n = c_.size();
    while (i < n) {
        bool last_was_operator = false, needing_term = false;
        if (mode == Mode::phrased_term) mode = Mode::normal;
    after_operator:
        if (is_white(ch(i))) {
            newprev = ' ';
            in_range_chunk = false;
            while (i < n && is_white(ch(i)))
                ++i;
            if (i >= n) break;
        }
        if (!in_range_chunk && mode != Mode::quotes && mode != Mode::prefixed_quotes) {
            range_check(i);
            in_range_chunk = true;
        }

        if (!is_wordchar(ch(i))) {
            const unsigned prev = newprev;
            const std::size_t here = i;
            const unsigned c = ch(i++);
            newprev = c;
            if (c == '(' || c == ')' || c == '"') in_range_chunk = false;
            if (mode == Mode::group || mode == Mode::group2) mode = Mode::normal;
            switch (c) {
            case '"':
                if (mode == Mode::normal) {
                    while (i < n && is_white(ch(i)))
                        ++i;
                    if (i >= n) goto done; // an unmatched " at the end
                    if (ch(i) == '"') {    // "" is nothing
                        newprev = ch(i++);
                        break;
                    }
                }
                if (full_) {
                    emit(Tok::quote, here);
                    if (mode == Mode::normal) {
                        mode = Mode::quotes;
                    } else {
                        if (mode == Mode::prefixed_quotes) prefixes.pop_back();
                        mode = Mode::normal;
                    }
                }
                break;
            case '-': // ('+' never gets here as a sign: decode() left love signs out)
            case '+':
                if (i >= n) goto done;
                if (prev > ' ' && prev != '(') break;
                if (is_white(ch(i)) || ch(i) == '+' || ch(i) == '-') {
                    newprev = ch(i++);
                    break;
                }
                if (mode == Mode::normal && full_ && c == '-') {
                    emit(last_was_operator ? Tok::hate_after_and : Tok::hate, here);
                    last_was_operator = needing_term = true;
                    goto after_operator;
                }
                break;
            case '(':
                while (i < n && is_white(ch(i)))
                    ++i;
                if (i >= n) goto done;
                if (prev > ' ' && !ascii_in(prev, "()+-")) break;
                if (ch(i) == ')') { // () is nothing
                    newprev = ch(i++);
                    break;
                }
                if (mode == Mode::normal && full_) {
                    prefixes.push_back(prefixes.back());
                    emit(Tok::bra, here);
                }
                break;
            case ')':
                if (mode == Mode::normal && full_) {
                    if (prefixes.size() > 1) prefixes.pop_back();
                    emit(Tok::ket, here);
                }
                break;
            default:
                break;
            }
            continue;
        }

        {
            const std::size_t term_start = i;
            newprev = 'A';
            std::string field; // a free-text field of this word
            bool prefixed = false;
            if (!words_ && (mode == Mode::normal || mode == Mode::group || mode == Mode::group2)) {
                std::size_t p = i;
                while (p < n && is_wordchar(ch(p)))
                    ++p;
                if (p < n && ch(p) == ':' && p + 1 < n && ch(p + 1) > ' ' && ch(p + 1) != ')') {
                    const std::string name = utf8(i, p);
                    const FieldKind kind = field_kind(name);
                    if (kind == FieldKind::boolean) {
                        if (mode == Mode::group || mode == Mode::group2) mode = Mode::normal;
                        std::size_t v = p + 1;
                        std::string value;
                        if (ch(v) == '"') { // "" inside is an escaped "
                            ++v;
                            while (v < n) {
                                if (ch(v) == '"' && (++v >= n || ch(v) != '"')) break;
                                Xapian::Unicode::append_utf8(value, ch(v++));
                            }
                        } else {
                            while (v < n && ch(v) > ' ' && ch(v) != ')')
                                Xapian::Unicode::append_utf8(value, ch(v++));
                        }
                        Token t{Tok::filter, at_[term_start], {}, 0};
                        t.node.kind = QueryNode::Kind::filter;
                        t.node.field = name;
                        t.node.text = std::move(value);
                        t.node.begin = at_[term_start];
                        t.node.end = at_[std::min(v, n)];
                        t.node.column = t.node.begin + 1;
                        tokens_.push_back(std::move(t));
                        i = v;
                        in_range_chunk = false;
                        continue;
                    }
                    if (kind == FieldKind::free_text) {
                        unsigned next = ch(p + 1);
                        // title:"a phrase" and title:(a group): the field applies inside.
                        if ((next == '"' || next == '(') && full_) {
                            mode = next == '"' ? Mode::prefixed_quotes : Mode::normal;
                            emit(next == '"' ? Tok::quote : Tok::bra, p + 1);
                            newprev = next;
                            i = p + 2;
                            prefixes.push_back(name);
                            continue;
                        }
                        std::size_t q = p + 1;
                        bool is_prefix = true;
                        if (next != ':') {
                            while (is_phrase_generator(next)) {
                                if (++q >= n) {
                                    is_prefix = false;
                                    break;
                                }
                                next = ch(q);
                            }
                        }
                        if (is_prefix && is_wordchar(next)) {
                            i = q;
                            field = name;
                            prefixed = true;
                        }
                    }
                }
            }

        phrased_term:
            bool acronym = false;
            const std::size_t typed_start = i;
            std::string typed = parse_term(i, acronym);
            if ((mode == Mode::normal || mode == Mode::group || mode == Mode::group2) && full_ &&
                !acronym && !prefixed && typed.size() >= 2 && typed.size() <= 4 &&
                typed[0] >= 'A' && typed[0] <= 'Z') {
                auto width = [&](Tok op) {
                    if (i < n && ch(i) == '/') {
                        unsigned w = 0;
                        std::size_t p = i;
                        while (++p < n && ch(p) >= '0' && ch(p) <= '9')
                            w = w * 10 + (ch(p) - '0');
                        if (w && (p >= n || is_white(ch(p)))) {
                            i = p;
                            emit(op, typed_start, w);
                            return true;
                        }
                        return false;
                    }
                    emit(op, typed_start);
                    return true;
                };
                bool op = false;
                if (typed == "AND")
                    op = (emit(Tok::op_and, typed_start), true);
                else if (typed == "NOT")
                    op = (emit(Tok::op_not, typed_start), true);
                else if (typed == "XOR")
                    op = (emit(Tok::op_xor, typed_start), true);
                else if (typed == "OR")
                    op = (emit(Tok::op_or, typed_start), true);
                else if (typed == "ADJ")
                    op = width(Tok::op_adj);
                else if (typed == "NEAR")
                    op = width(Tok::op_near);
                if (op) {
                    if (typed == "ADJ" || typed == "NEAR") proximity = true;
                    if (i >= n) break;
                    mode = Mode::normal;
                    last_was_operator = true;
                    needing_term = false;
                    goto after_operator;
                }
            }
            if (field.empty()) field = prefixes.back();

            QueryNode term;
            term.kind = QueryNode::Kind::term;
            term.typed = typed;
            term.text = Xapian::Unicode::tolower(typed);
            term.field = field;
            term.stem =
                should_stem(*Xapian::Utf8Iterator(typed)) && !(i < n && is_stem_preventer(ch(i)));
            term.position = position++;
            term.begin = at_[typed_start]; // the word itself (after its field)
            term.end = at_[std::min(i, n)];
            term.column = term.begin + 1;
            {
                const std::size_t b = at_[typed_start];
                const std::size_t e = term.end;
                auto separator = [&](std::size_t k) {
                    return text_[k] == ' ' || text_[k] == '\t' || text_[k] == '\n' ||
                           text_[k] == '\r' || text_[k] == '\f' || text_[k] == '\v';
                };
                const bool after = e == text_.size() || separator(e) || text_[e] == ')';
                bool before = b == 0 || separator(b - 1) || text_[b - 1] == '(';
                if (!before && (text_[b - 1] == '-' || text_[b - 1] == '+'))
                    before = b == 1 || separator(b - 2) || text_[b - 2] == '(';
                term.alone_before = !prefixed && !acronym && before; // U.S.: glued by '.'
                term.alone_after = after;
            }

            if (mode == Mode::normal || mode == Mode::group || mode == Mode::group2) {
                if (i < n && (full_ || words_) && ch(i) == '*' &&
                    (i + 1 >= n || !is_wordchar(ch(i + 1)))) {
                    ++i;
                    if (mode == Mode::group2) emit(Tok::empty_group_ok, i);
                    mode = Mode::normal;
                    term.kind = QueryNode::Kind::wildcard;
                    term.end = at_[std::min(i, n)];
                    Token t{Tok::wild_term, term.begin, std::move(term), 0};
                    tokens_.push_back(std::move(t));
                    continue;
                }
            }

            if (mode == Mode::phrased_term) {
                tokens_.push_back({Tok::phr_term, term.begin, std::move(term), 0});
            } else {
                if ((mode == Mode::group || mode == Mode::group2) && is_phrase_generator(ch(i))) {
                    std::size_t p = i;
                    do
                        ++p;
                    while (p < n && is_phrase_generator(ch(p)));
                    if (p < n && is_wordchar(ch(p))) mode = Mode::normal;
                }
                Tok type = Tok::term;
                if (mode == Mode::group || mode == Mode::group2) {
                    mode = Mode::group2;
                    type = Tok::group_term;
                }
                tokens_.push_back({type, term.begin, std::move(term), 0});
                if (type == Tok::term && mode != Mode::normal) continue;
            }

            if (i >= n) break;
            if (is_phrase_generator(ch(i))) {
                do
                    ++i;
                while (i < n && is_phrase_generator(ch(i)));
                if (i < n && is_wordchar(ch(i))) {
                    mode = Mode::phrased_term;
                    prefixed = false;
                    goto phrased_term;
                }
            } else if (mode == Mode::normal || mode == Mode::group || mode == Mode::group2) {
                const Mode old = mode;
                mode = Mode::normal;
                if (!needing_term && is_white(ch(i))) {
                    newprev = ' ';
                    in_range_chunk = false;
                    do
                        ++i;
                    while (i < n && is_white(ch(i)));
                    if (i < n && is_wordchar(ch(i)))
                        mode =
                            old == Mode::group || old == Mode::group2 ? Mode::group2 : Mode::group;
                }
            }
        }
    }
done:
    if (mode == Mode::quotes || mode == Mode::prefixed_quotes) emit(Tok::quote, n);
    while (prefixes.size() > 1) {
        emit(Tok::ket, n);
        prefixes.pop_back();
    }
    emit(Tok::end, n);
    return std::move(tokens_);
}

// ---- Grammar ------------------------------------------------------------------------------
// Xapian's (queryparser.lemony), by recursive descent. A Fail is a "parse error" (the text is
// read again without operators); a Syntax error is a QueryError.

struct Fail {
    std::size_t token;  // the token the parse failed at
    std::string syntax; // Xapian's message for a syntax error it reports, else ""
};

bool continues_lexing(Tok t) { // Xapian's lexer goes on to the next token without a check
    return t == Tok::op_and || t == Tok::op_or || t == Tok::op_not || t == Tok::op_xor ||
           t == Tok::op_near || t == Tok::op_adj || t == Tok::hate || t == Tok::hate_after_and;
}

class Parser {
  public:
    Parser(const std::vector<Token>& tokens, std::size_t from, std::string_view text,
           const QueryTreeOptions& options)
        : t_(tokens), k_(from), text_(text), options_(options) {}

    QueryNode query() {
        if (peek() == Tok::end) return QueryNode{};
        std::optional<QueryNode> e = expr(0);
        if (peek() != Tok::end) throw Fail{k_, {}};
        if (!e) throw Fail{k_, {}};
        return std::move(*e);
    }

  private:
    Tok peek(std::size_t ahead = 0) const { return t_[std::min(k_ + ahead, t_.size() - 1)].type; }
    const Token& take() { return t_[k_++]; }

    static int precedence(Tok op) {
        switch (op) {
        case Tok::op_or:
            return 1;
        case Tok::op_xor:
            return 2;
        case Tok::op_and:
        case Tok::op_not:
            return 3;
        default:
            return 0;
        }
    }

    [[noreturn]] void syntax(const char* op, std::size_t at) const {
        throw Fail{k_, std::string("Syntax: <expression> ") + op + " <expression> at column " +
                           std::to_string(at + 1)};
    }

    static QueryNode binary(QueryNode::Kind kind, QueryNode a, QueryNode b, std::size_t at) {
        QueryNode n;
        n.kind = kind;
        n.column = at + 1;
        n.begin = std::min(a.begin, b.begin);
        n.end = std::max(a.end, b.end);
        n.children.push_back(std::move(a));
        n.children.push_back(std::move(b));
        return n;
    }

    // expr ::= bool_arg OP bool_arg | prob_expr; bool_arg may be empty.
    std::optional<QueryNode> expr(int min_precedence) {
        std::optional<QueryNode> left = operand();
        while (precedence(peek()) > min_precedence) {
            const Token& op_token = take();
            const Tok op = op_token.type;
            const std::size_t at = op_token.at;
            const char* name = op == Tok::op_or    ? "OR"
                               : op == Tok::op_xor ? "XOR"
                               : op == Tok::op_and ? "AND"
                                                   : "NOT";
            QueryNode::Kind kind = op == Tok::op_or    ? QueryNode::Kind::op_or
                                   : op == Tok::op_xor ? QueryNode::Kind::op_xor
                                   : op == Tok::op_and ? QueryNode::Kind::op_and
                                                       : QueryNode::Kind::op_not;
            if (op == Tok::op_and && (peek() == Tok::op_not || peek() == Tok::hate_after_and)) {
                name = peek() == Tok::op_not ? "AND NOT" : "AND";
                take();
                kind = QueryNode::Kind::op_not;
            }
            std::optional<QueryNode> right = expr(precedence(op));
            if (!right && !follows_expr(peek())) throw Fail{k_, {}}; // Xapian's "parse error"
            if (!left && kind == QueryNode::Kind::op_not) {          // FLAG_PURE_NOT
                left = QueryNode{};
                left->begin = left->end = at;
            }
            if (!left || !right) syntax(name, at);
            left = binary(kind, std::move(*left), std::move(*right), at);
        }
        return left;
    }

    static bool follows_expr(Tok t) {
        return t == Tok::end || t == Tok::ket || t == Tok::hate_after_and || t == Tok::op_near ||
               t == Tok::op_adj || precedence(t) > 0;
    }

    static bool starts_item(Tok t) {
        switch (t) {
        case Tok::term:
        case Tok::wild_term:
        case Tok::quote:
        case Tok::bra:
        case Tok::hate:
        case Tok::filter:
            return true;
        default:
            return false;
        }
    }

    // prob_expr: one term alone, or a sequence of items.
    std::optional<QueryNode> operand() {
        if (!starts_item(peek())) return std::nullopt;
        const std::size_t seq_start = k_;
        QueryNode seq;
        seq.kind = QueryNode::Kind::sequence;
        seq.column = t_[k_].at + 1;
        seq.begin = t_[k_].at;
        while (starts_item(peek())) {
            if (peek() == Tok::hate) {
                const std::size_t at = take().at;
                // "-NEAR": what was the rewrite "NOT NEAR", Xapian's syntax error
                if (peek() == Tok::op_near || peek() == Tok::op_adj) syntax("NOT", at);
                if (peek() == Tok::filter) {
                    QueryNode f = take().node;
                    f.hated = true;
                    seq.children.push_back(std::move(f));
                    continue;
                }
                QueryNode t = term();
                t.hated = true;
                t.stoppable = false;
                seq.children.push_back(std::move(t));
                continue;
            }
            if (peek() == Tok::filter) {
                seq.children.push_back(take().node);
                continue;
            }
            const bool bare = peek() == Tok::term; // a bracketed term is not a stop_term
            QueryNode t = term();
            if (bare && t.kind == QueryNode::Kind::term) t.stoppable = true;
            seq.children.push_back(std::move(t));
        }
        seq.end = seq.children.back().end;
        if (seq.children.size() == 1 && !seq.children[0].hated &&
            seq.children[0].kind != QueryNode::Kind::filter) {
            QueryNode only = std::move(seq.children[0]);
            only.stoppable = false; // prob_expr ::= term: a lone stopword is kept
            return only;
        }
        bool all_hated = true, any_weighs = false, filters = false, hates = false;
        for (const auto& c : seq.children) {
            all_hated = all_hated && c.hated;
            hates = hates || c.hated;
            any_weighs = any_weighs || weighs(c);
            filters = filters || (!c.hated && c.kind == QueryNode::Kind::filter);
        }
        // Hated items only: "everything but" when they are the whole query ("-a -b"), else
        // nothing to take them from. Hated items and stopwords: Xapian's "can't just hate".
        if (all_hated) {
            seq.hated = true;
            if (seq_start != 0 || peek() != Tok::end) throw Fail{k_, {}};
        } else if (hates && !any_weighs && !filters) {
            throw Fail{k_, {}};
        }
        return seq;
    }

    // term ::= TERM | compound_term
    QueryNode term() {
        const Tok t = peek();
        if (t == Tok::term) {
            QueryNode first = take().node;
            if (peek() == Tok::group_term) {
                QueryNode g;
                g.kind = QueryNode::Kind::group;
                g.column = first.column;
                g.begin = first.begin;
                g.children.push_back(std::move(first));
                while (peek() == Tok::group_term || peek() == Tok::empty_group_ok) {
                    if (take().type == Tok::empty_group_ok)
                        g.empty_ok = true;
                    else
                        g.children.push_back(t_[k_ - 1].node);
                }
                g.end = g.children.back().end;
                return g;
            }
            if (peek() == Tok::phr_term) {
                QueryNode p;
                p.kind = QueryNode::Kind::phrase;
                p.column = first.column;
                p.begin = first.begin;
                p.children.push_back(std::move(first));
                while (peek() == Tok::phr_term)
                    p.children.push_back(take().node);
                p.end = p.children.back().end;
                return p;
            }
            if (peek() == Tok::op_near || peek() == Tok::op_adj) {
                const Tok op = peek();
                QueryNode p;
                p.kind = op == Tok::op_near ? QueryNode::Kind::near : QueryNode::Kind::adj;
                p.column = first.column;
                p.begin = first.begin;
                p.children.push_back(std::move(first));
                while (peek() == op) {
                    const unsigned w = take().window;
                    if (w > p.window) p.window = w;
                    if (peek() != Tok::term) throw Fail{k_, {}};
                    p.children.push_back(take().node);
                }
                p.end = p.children.back().end;
                return p;
            }
            return first;
        }
        if (t == Tok::wild_term) return take().node;
        if (t == Tok::quote) {
            const std::size_t at = take().at;
            QueryNode p;
            p.kind = QueryNode::Kind::phrase;
            p.quoted = true;
            p.column = at + 1;
            p.begin = at;
            while (peek() == Tok::term)
                p.children.push_back(take().node);
            if (p.children.empty() || peek() != Tok::quote) throw Fail{k_, {}};
            p.end = take().at + 1;
            if (p.end > text_.size()) p.end = text_.size();
            p.field = p.children.front().field;
            p.alone_before = p.alone_after = phrase_alone(p);
            return p;
        }
        if (t == Tok::bra) {
            take();
            std::optional<QueryNode> e = expr(0);
            if (!e || peek() != Tok::ket) throw Fail{k_, {}};
            take();
            return std::move(*e);
        }
        throw Fail{k_, {}};
    }

    bool phrase_alone(const QueryNode& p) const {
        auto space = [&](std::size_t k) { return text_[k] == ' ' || text_[k] == '\t'; };
        if (p.end <= p.begin) return false;
        const bool after = p.end == text_.size() || space(p.end) || text_[p.end] == ')';
        const std::size_t b = p.begin;
        bool before = b == 0 || space(b - 1) || text_[b - 1] == '(';
        if (!before && (text_[b - 1] == '-' || text_[b - 1] == '+'))
            before = b == 1 || space(b - 2) || text_[b - 2] == '(';
        return before && after;
    }

    bool is_stopword(const QueryNode& term) const {
        return options_.is_stopword && options_.is_stopword(term.text);
    }

    // Whether an item of a sequence gives the sequence something to match (Xapian's ProbQuery
    // `query`): not a stopword, not a group of stopwords that may vanish.
    bool weighs(const QueryNode& item) const {
        if (item.hated || item.kind == QueryNode::Kind::filter) return false;
        if (item.stoppable) return !is_stopword(item);
        if (item.kind == QueryNode::Kind::group && item.empty_ok) {
            for (const auto& c : item.children)
                if (!is_stopword(c)) return true;
            return false;
        }
        return true;
    }

    const std::vector<Token>& t_;
    std::size_t k_;
    std::string_view text_;
    const QueryTreeOptions& options_;
};

// Xapian's lexer goes on from an operator or a sign to the next token without looking at the
// parser's state, and a boolean filter clears a pending error. So when a parse fails at an
// operator or a sign (the failing token is dropped and the parser starts afresh) and the tokens
// after it lead through operators and signs to a filter, the query is what follows the failing
// token: "-oil OR tag:grain" is "tag:grain", "-date:1987 AND NOT tag:trade" is
// "NOT tag:trade". Kept so that no result changes.
QueryNode parse_tokens(const std::vector<Token>& tokens, std::size_t from, std::string_view text,
                       const QueryTreeOptions& options) {
    try {
        return Parser(tokens, from, text, options).query();
    } catch (const Fail& f) {
        std::size_t j = f.token;
        if (j >= tokens.size() || !continues_lexing(tokens[j].type)) throw;
        ++j;
        while (j < tokens.size() && continues_lexing(tokens[j].type))
            ++j;
        if (j >= tokens.size() || tokens[j].type != Tok::filter) throw;
        return parse_tokens(tokens, f.token + 1, text, options);
    }
}

QueryTree parse_with(std::string_view text, const Chars& chars, bool full,
                     const QueryTreeOptions& options, bool words = false) {
    Lexer lexer(text, chars, full, options, words);
    const std::vector<Token> tokens = lexer.run();
    QueryTree tree;
    tree.proximity = lexer.proximity;
    tree.root = parse_tokens(tokens, 0, text, options);
    return tree;
}

const char* kind_name(QueryNode::Kind kind) {
    switch (kind) {
    case QueryNode::Kind::term:
        return "term";
    case QueryNode::Kind::wildcard:
        return "wildcard";
    case QueryNode::Kind::phrase:
        return "phrase";
    case QueryNode::Kind::group:
        return "group";
    case QueryNode::Kind::near:
        return "near";
    case QueryNode::Kind::adj:
        return "adj";
    case QueryNode::Kind::filter:
        return "filter";
    case QueryNode::Kind::alias:
        return "alias";
    case QueryNode::Kind::sequence:
        return "sequence";
    case QueryNode::Kind::op_and:
        return "and";
    case QueryNode::Kind::op_or:
        return "or";
    case QueryNode::Kind::op_xor:
        return "xor";
    case QueryNode::Kind::op_not:
        return "not";
    case QueryNode::Kind::match_all:
        return "all";
    }
    return "?";
}

void describe_into(const QueryNode& n, int depth, std::string& out) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    out += kind_name(n.kind);
    out += " @" + std::to_string(n.column);
    if (n.hated) out += " -";
    if (!n.field.empty()) out += " " + n.field + ":";
    if (!n.text.empty()) out += " '" + n.text + "'";
    if (n.kind == QueryNode::Kind::term && n.stem) out += " stem";
    if (n.kind == QueryNode::Kind::term && n.stoppable) out += " stoppable";
    if (n.window) out += " /" + std::to_string(n.window);
    if (n.quoted) out += " quoted";
    out += '\n';
    for (const auto& c : n.children)
        describe_into(c, depth + 1, out);
}

} // namespace

QueryTree parse_query_tree(std::string_view text, const QueryTreeOptions& options) {
    const Chars chars = decode(text);
    try {
        return parse_with(text, chars, true, options);
    } catch (const Fail& f) {
        if (!f.syntax.empty()) throw QueryError(f.syntax);
    }
    try {
        QueryTree tree = parse_with(text, chars, false, options);
        tree.fallback = true;
        return tree;
    } catch (const Fail&) {
        throw QueryError("parse error");
    }
}

QueryTree parse_query_words(std::string_view text, const QueryTreeOptions& options) {
    const Chars chars = decode(text);
    try {
        return parse_with(text, chars, false, options, true);
    } catch (const Fail&) { // words, groups, phrased terms and wildcards always parse
        throw QueryError("cannot read the words");
    }
}

std::string describe(const QueryNode& node) {
    std::string out;
    describe_into(node, 0, out);
    return out;
}

} // namespace dateline::query
