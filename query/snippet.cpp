#include "snippet.h"

#include <array>
#include <utility>

namespace dateline::query {

namespace {

constexpr char hi_start = '\x01';
constexpr char hi_end = '\x02';

void append_run(Snippet& s, std::string text, bool highlighted) {
    if (text.empty()) return;
    if (!s.runs.empty() && s.runs.back().highlighted == highlighted) {
        s.runs.back().text += text;
        return;
    }
    s.runs.push_back({std::move(text), highlighted});
}

// Decodes the entities Xapian's snippet escaping produces (and numeric ones, for safety).
std::string unescape_html(std::string_view in) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> named{{
        {"&amp;", "&"},
        {"&lt;", "<"},
        {"&gt;", ">"},
        {"&quot;", "\""},
        {"&apos;", "'"},
        {"&#39;", "'"},
    }};
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        if (in[i] == '&') {
            bool done = false;
            for (auto [entity, plain] : named) {
                if (in.substr(i, entity.size()) == entity) {
                    out += plain;
                    i += entity.size();
                    done = true;
                    break;
                }
            }
            if (done) continue;
        }
        out += in[i++];
    }
    return out;
}

} // namespace

std::string Snippet::render(std::string_view before, std::string_view after,
                            bool escape_html) const {
    std::string out;
    for (const auto& run : runs) {
        if (run.highlighted) out += before;
        if (escape_html) {
            for (char c : run.text) {
                switch (c) {
                case '&':
                    out += "&amp;";
                    break;
                case '<':
                    out += "&lt;";
                    break;
                case '>':
                    out += "&gt;";
                    break;
                case '"':
                    out += "&quot;";
                    break;
                default:
                    out += c;
                }
            }
        } else {
            out += run.text;
        }
        if (run.highlighted) out += after;
    }
    return out;
}

Snippet parse_marked_snippet(std::string_view marked) {
    Snippet s;
    std::string current;
    bool highlighted = false;
    for (char c : marked) {
        if (c == hi_start || c == hi_end) {
            append_run(s, unescape_html(current), highlighted);
            current.clear();
            highlighted = c == hi_start;
        } else {
            current += c;
        }
    }
    append_run(s, unescape_html(current), highlighted);
    return s;
}

Snippet make_snippet(const Xapian::MSet& mset, std::string_view text, std::size_t length,
                     const Xapian::Stem& stem) {
    // One line of text: runs of ASCII white space become one space; our markers are dropped.
    std::string clean;
    clean.reserve(text.size());
    for (char c : text) {
        if (c == hi_start || c == hi_end) continue;
        bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
        if (space) {
            if (!clean.empty() && clean.back() != ' ') clean += ' ';
        } else {
            clean += c;
        }
    }
    while (!clean.empty() && clean.back() == ' ')
        clean.pop_back();
    if (clean.empty()) return {};
    std::string marked =
        mset.snippet(clean, length, stem, 0, std::string(1, hi_start), std::string(1, hi_end), "…");
    return parse_marked_snippet(marked);
}

} // namespace dateline::query
