#include "snippet.h"

#include <algorithm>
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

// One line of text: runs of ASCII white space become one space; our markers are dropped.
// Appends runs of plain characters whole: the text is mostly words.
void append_clean(std::string& clean, std::string_view text) {
    auto plain = [](char c) {
        return c != hi_start && c != hi_end && c != ' ' && c != '\n' && c != '\r' && c != '\t' &&
               c != '\f' && c != '\v';
    };
    for (std::size_t i = 0; i < text.size();) {
        std::size_t run = i;
        while (run < text.size() && plain(text[run]))
            ++run;
        clean.append(text.data() + i, run - i);
        if (run == text.size()) break;
        const char c = text[run];
        if (c != hi_start && c != hi_end && !clean.empty() && clean.back() != ' ') clean += ' ';
        i = run + 1;
    }
}

// Where each offset of `bounds` (sorted, distinct offsets into the text) lands in the cleaned
// text; npos past its end.
struct OffsetMap {
    std::vector<std::size_t> bounds, cleaned;
    std::size_t at(std::size_t offset) const {
        auto it = std::lower_bound(bounds.begin(), bounds.end(), offset);
        return it == bounds.end() || *it != offset
                   ? std::string_view::npos
                   : cleaned[static_cast<std::size_t>(it - bounds.begin())];
    }
};

// Gives `s` the mentions that lie wholly inside its passage, which is found in `clean`.
void attach_mentions(Snippet& s, std::string_view clean, std::span<const EntityMention> mentions,
                     const OffsetMap& map) {
    static constexpr std::string_view ellipsis = "…";
    const std::string plain = s.text();
    std::string_view core = plain;
    const std::size_t lead = core.starts_with(ellipsis) ? ellipsis.size() : 0;
    core.remove_prefix(lead);
    if (core.ends_with(ellipsis)) core.remove_suffix(ellipsis.size());
    if (core.empty()) return;
    const std::size_t from = clean.find(core);
    if (from == std::string_view::npos) return;
    const std::size_t to = from + core.size();
    for (const auto& m : mentions) {
        const std::size_t start = map.at(m.start), end = map.at(m.end);
        if (start == std::string_view::npos || end == std::string_view::npos || start >= end ||
            start < from || end > to)
            continue;
        s.mentions.push_back({start - from + lead, end - from + lead,
                              std::string(clean.substr(start, end - start)), m.type, m.entity});
    }
    std::stable_sort(s.mentions.begin(), s.mentions.end(),
                     [](const auto& a, const auto& b) { return a.start < b.start; });
}

} // namespace

std::string Snippet::text() const {
    std::string out;
    for (const auto& run : runs)
        out += run.text;
    return out;
}

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
                     const Xapian::Stem& stem, std::span<const EntityMention> mentions) {
    OffsetMap map;
    for (const auto& m : mentions) {
        map.bounds.push_back(m.start);
        map.bounds.push_back(m.end);
    }
    std::sort(map.bounds.begin(), map.bounds.end());
    map.bounds.erase(std::unique(map.bounds.begin(), map.bounds.end()), map.bounds.end());
    map.cleaned.assign(map.bounds.size(), std::string_view::npos);
    std::string clean;
    clean.reserve(text.size());
    std::size_t done = 0;
    for (std::size_t b = 0; b < map.bounds.size() && map.bounds[b] <= text.size(); ++b) {
        append_clean(clean, text.substr(done, map.bounds[b] - done));
        map.cleaned[b] = clean.size();
        done = map.bounds[b];
    }
    append_clean(clean, text.substr(done));
    while (!clean.empty() && clean.back() == ' ')
        clean.pop_back();
    if (clean.empty()) return {};
    std::string marked =
        mset.snippet(clean, length, stem, 0, std::string(1, hi_start), std::string(1, hi_end), "…");
    Snippet s = parse_marked_snippet(marked);
    if (!mentions.empty()) attach_mentions(s, clean, mentions, map);
    return s;
}

} // namespace dateline::query
