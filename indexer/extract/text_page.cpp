#include "indexer/extract/text_page.h"

#include "analyzers/text.h"
#include "indexer/extract/metadata.h"
#include "indexer/extract/relative_date.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace dateline::extract {

namespace {

struct Line {
    std::string text;       // trimmed, whitespace collapsed
    bool own_block = false; // a blank line (or the page edge) before and after it
    bool prose = false;
};

std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool starts_with_bullet(std::string_view s) {
    return s.starts_with("\xE2\x80\xA2") /* • */ || s.starts_with("* ") || s.starts_with("- ") ||
           s.starts_with("\xC2\xB7") /* · */ || s.starts_with("\xE2\x80\x93 ");
}

// Lines of subscription boxes, cookie notices and page furniture.
bool boilerplate_line(std::string_view line) {
    std::string l = lower(line);
    static constexpr std::string_view strong[] = {
        "subscribe to",   "subscribers can",      "per month",        "all rights reserved",
        "privacy policy", "terms and conditions", "terms of use",     "cookie",
        "sign up for",    "newsletter",           "download the app", "click here",
        "advertisement",  "javascript",           "log in to",        "create an account",
        "free trial"};
    for (auto s : strong)
        if (l.find(s) != std::string::npos) return true;
    return false;
}

bool is_prose(std::string_view line) {
    if (utf8_length(line) < 80 || starts_with_bullet(line)) return false;
    if (text::tokenize(line).size() < 12) return false;
    if (boilerplate_line(line)) return false;
    return line.find_first_of(".!?\"") != std::string_view::npos ||
           line.find("\xE2\x80\x9D") != std::string_view::npos;
}

std::vector<Line> split_lines(std::string_view raw) {
    std::vector<std::string> all;
    for (std::size_t pos = 0; pos <= raw.size();) {
        std::size_t end = raw.find('\n', pos);
        if (end == std::string_view::npos) end = raw.size();
        all.push_back(text::collapse_whitespace(raw.substr(pos, end - pos)));
        pos = end + 1;
    }
    std::vector<bool> blank(all.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        blank[i] = all[i].empty();
    std::vector<Line> lines;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (blank[i]) continue;
        Line l;
        l.own_block = (i == 0 || blank[i - 1]) && (i + 1 == all.size() || blank[i + 1]);
        l.text = std::move(all[i]);
        lines.push_back(std::move(l));
    }
    return lines;
}

std::set<std::string> content_words(std::string_view s) {
    std::set<std::string> out;
    for (const auto& tok : text::tokenize(s))
        if (tok.text.size() >= 4) out.insert(text::fold(tok.text));
    return out;
}

std::vector<std::string> split_tags(const std::string& line) {
    std::vector<std::string> out;
    std::string cur;
    auto push = [&] {
        std::string t(text::trim(cur));
        if (!t.empty()) out.push_back(t);
        cur.clear();
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == ',' || c == '|' || c == ';')
            push();
        else if (line.compare(i, 2, "\xC2\xB7") == 0 || line.compare(i, 3, "\xE2\x80\xA2") == 0) {
            push();
            i += line.compare(i, 2, "\xC2\xB7") == 0 ? 1 : 2;
        } else
            cur += c;
    }
    push();
    return out;
}

} // namespace

TextPage read_text_page(std::string_view raw_text, const std::optional<Timestamp>& reference) {
    std::string clean = text::to_valid_utf8(raw_text);
    std::vector<Line> lines = split_lines(clean);
    TextPage page;
    if (lines.empty()) return page;

    std::size_t prose = 0, prose_alone = 0;
    for (auto& l : lines) {
        l.prose = is_prose(l.text);
        if (l.prose) {
            ++prose;
            if (l.own_block) ++prose_alone;
        }
    }
    // Pages whose paragraphs stand alone between blank lines: prose glued to other lines is a box.
    bool blank_separated = prose > 0 && prose_alone * 10 >= prose * 7;
    if (blank_separated)
        for (auto& l : lines)
            if (!l.own_block) l.prose = false;

    // The longest run of prose lines, allowing short non-prose lines (subheadings) between them.
    std::size_t best_begin = 0, best_end = 0, best_chars = 0;
    for (std::size_t i = 0; i < lines.size();) {
        if (!lines[i].prose) {
            ++i;
            continue;
        }
        std::size_t begin = i, end = i + 1, chars = 0, gap = 0;
        for (std::size_t j = i; j < lines.size(); ++j) {
            if (lines[j].prose) {
                chars += lines[j].text.size();
                end = j + 1;
                gap = 0;
            } else if (++gap > 2 || (blank_separated && !lines[j].own_block)) {
                break;
            }
        }
        if (chars > best_chars) best_begin = begin, best_end = end, best_chars = chars;
        i = end;
    }
    if (best_chars == 0) return page;
    for (std::size_t i = best_begin; i < best_end; ++i) {
        const Line& l = lines[i];
        // Inner non-prose lines are kept when they look like subheadings.
        if (l.prose ||
            (l.own_block && text::tokenize(l.text).size() <= 15 && !boilerplate_line(l.text)))
            page.paragraphs.push_back(l.text);
    }

    // Title: the headline-like line above the body sharing most words with its start.
    std::set<std::string> body_words;
    for (std::size_t i = 0; i < page.paragraphs.size() && i < 3; ++i) {
        auto w = content_words(page.paragraphs[i]);
        body_words.insert(w.begin(), w.end());
    }
    double best_score = 0;
    std::size_t title_line = lines.size();
    std::size_t first = best_begin > 60 ? best_begin - 60 : 0;
    for (std::size_t i = first; i < best_begin; ++i) {
        const std::string& t = lines[i].text;
        std::size_t words = text::tokenize(t).size();
        std::size_t len = utf8_length(t);
        if (words < 3 || words > 30 || len < 15 || len > 250) continue;
        if (t.back() == '.' || t.back() == ':' || starts_with_bullet(t)) continue;
        if ((i > 0 && lines[i - 1].text == t) || (i + 1 < lines.size() && lines[i + 1].text == t))
            continue; // captions and teasers are printed twice
        if (find_date(t) || boilerplate_line(t)) continue;
        auto w = content_words(t);
        std::size_t shared = 0;
        for (const auto& x : w)
            shared += body_words.count(x);
        double overlap = w.empty() ? 0 : double(shared) / double(w.size());
        double score =
            1.0 + 3.0 * overlap + (lines[i].own_block ? 2.0 : 0.0) - 0.02 * double(best_begin - i);
        if (score > best_score) best_score = score, title_line = i;
    }
    if (title_line < lines.size()) page.title = lines[title_line].text;

    // Date and byline: short lines near the title (or the page top when there is no title).
    std::size_t from = title_line < lines.size() ? (title_line > 8 ? title_line - 8 : 0) : 0;
    std::size_t to = std::min(best_begin, from + 20);
    for (std::size_t i = from; i < to && !page.published; ++i) {
        const std::string& t = lines[i].text;
        if (utf8_length(t) > 60) continue;
        if (reference) {
            if (auto d = parse_relative(t, *reference)) {
                page.published = d;
                page.published_text = t;
                page.published_origin = "text:relative-date";
                continue;
            }
        }
        if (auto d = find_date(t)) {
            page.published = d;
            page.published_text = t;
            page.published_origin = "text:date-line";
        }
    }
    for (std::size_t i = from; i < to; ++i) {
        const std::string& t = lines[i].text;
        if ((t.starts_with("By ") || t.starts_with("by ")) && text::tokenize(t).size() <= 8) {
            if (std::string a = clean_author(t); !a.empty()) page.authors.push_back(a);
            break;
        }
    }

    // Publisher tags and source from the lines after the body.
    for (std::size_t i = best_end; i < lines.size(); ++i) {
        std::string l = lower(lines[i].text);
        static constexpr std::string_view labels[] = {"read more on",   "tags",        "topics",
                                                      "related topics", "filed under", "keywords",
                                                      "more on"};
        for (auto label : labels) {
            if (!l.starts_with(label)) continue;
            std::string rest(text::trim(std::string_view(lines[i].text).substr(label.size())));
            if (!rest.starts_with(":") && !rest.empty()) continue;
            if (!rest.empty()) rest = std::string(text::trim(std::string_view(rest).substr(1)));
            if (rest.empty() && i + 1 < lines.size()) rest = lines[i + 1].text;
            if (!rest.empty() && page.tags.empty() && utf8_length(rest) <= 300)
                page.tags = split_tags(rest);
        }
    }
    for (const auto& l : lines) {
        std::string_view t = l.text;
        if (page.source.empty() &&
            (t.starts_with("Subscribe to ") || t.starts_with("Subscribe To "))) {
            std::string name(text::trim(t.substr(13)));
            auto words = text::tokenize(name);
            if (!words.empty() && words.size() <= 3 && text::starts_upper(words[0].text) &&
                lower(name).find("newsletter") == std::string::npos) {
                page.source = name;
                page.source_origin = "text:subscribe-line";
            }
        }
    }
    if (page.source.empty()) {
        for (const auto& l : lines) {
            if (std::string name = copyright_holder(l.text); !name.empty()) {
                page.source = name;
                page.source_origin = "text:copyright-line";
                break;
            }
        }
    }
    return page;
}

} // namespace dateline::extract
