// extract_html and extract_text_page: parse, read metadata, find the content, choose each field
// from its best source and record where it came from.
#include "indexer/extract/extract.h"

#include "analyzers/dates.h"
#include "analyzers/language.h"
#include "analyzers/text.h"
#include "indexer/extract/content.h"
#include "indexer/extract/html_document.h"
#include "indexer/extract/libxml_arena.h"
#include "indexer/extract/metadata.h"
#include "indexer/extract/relative_date.h"
#include "indexer/extract/text_page.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace dateline::extract {

namespace {

void note(Extraction& x, std::string field, std::string origin, std::string value) {
    x.origins.push_back({std::move(field), std::move(origin), std::move(value)});
}

std::string resolve_url(const std::string& href, const std::string& base) {
    std::string h(text::trim(href));
    if (h.starts_with("http://") || h.starts_with("https://")) return h;
    if (h.starts_with("//")) return "https:" + h;
    if (h.starts_with("/") && !base.empty()) {
        auto scheme = base.find("://");
        if (scheme == std::string::npos) return "";
        auto slash = base.find('/', scheme + 3);
        return base.substr(0, slash) + h;
    }
    return "";
}

std::string compact(std::string_view s);
std::string spaced_words(std::string_view s);

std::set<std::string> title_words(std::string_view s) {
    std::set<std::string> out;
    for (const auto& tok : text::tokenize(s)) {
        std::string w = text::fold(tok.text);
        if (auto ap = w.find('\''); ap != std::string::npos) w.erase(ap);
        if (w.size() >= 4 || (w.size() >= 2 && std::isdigit(static_cast<unsigned char>(w[0]))))
            out.insert(w);
    }
    return out;
}

// The page's headline (h1) when metadata confirms it: at least half its words appear in one of
// the metadata titles. Publishers' structured titles are often SEO variants of the headline.
bool confirmed_heading(const std::string& h1, const std::vector<std::string>& titles) {
    std::size_t words = text::tokenize(h1).size();
    if (words < 2 || h1.size() > 300) return false;
    auto hw = title_words(h1);
    if (hw.empty()) return false;
    for (const auto& t : titles) {
        auto tw = title_words(t);
        std::size_t shared = 0;
        for (const auto& w : hw)
            shared += tw.count(w);
        if (shared * 2 >= hw.size() && shared >= std::min<std::size_t>(2, hw.size())) return true;
    }
    return false;
}

// The segments of a <title> split at its separators ("BBC - Future - Mars landing", "Seth's Blog:
// The importance of going first", "Post title « Rand's Blog").
std::vector<std::string> title_segments(const std::string& title_tag) {
    std::vector<std::string> out{text::collapse_whitespace(title_tag)};
    for (std::string_view sep :
         {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": ", " :: ", " \xC2\xAB ",
          " \xC2\xBB ", " \xC2\xB7 ", " // ", " \xE2\x80\xBA ", " \xE2\x80\xB9 "}) {
        std::vector<std::string> next;
        for (const auto& piece : out) {
            std::size_t from = 0;
            for (std::size_t at; (at = piece.find(sep, from)) != std::string::npos;
                 from = at + sep.size())
                next.emplace_back(text::trim(std::string_view(piece).substr(from, at - from)));
            next.emplace_back(text::trim(std::string_view(piece).substr(from)));
        }
        out = std::move(next);
    }
    std::erase_if(out, [](const std::string& s) { return s.empty(); });
    return out;
}

// A heading that is the name of the site or of a section, not the headline: it is a whole
// <title> segment beside a longer one (blogs' h1 banners: "Seth's Blog", "TED Blog").
bool names_site_in_title(const std::string& heading, const std::string& title_tag) {
    auto segments = title_segments(title_tag);
    if (segments.size() < 2) return false;
    std::string h = compact(heading);
    std::size_t longest = 0;
    for (const auto& s : segments)
        longest = std::max(longest, compact(s).size());
    for (const auto& s : segments)
        if (compact(s) == h && h.size() < longest) return true;
    return false;
}

// The rest of <title> around the headline, when it is a short name: "The Space Review" in
// "The Space Review: Seeking a bigger role".
std::string site_around_headline(const std::string& title_tag, const std::string& headline) {
    if (title_tag.empty() || headline.size() < 8) return "";
    auto p = title_tag.find(headline);
    if (p == std::string::npos) return "";
    std::string rest = title_tag.substr(0, p) + " " + title_tag.substr(p + headline.size());
    std::string_view r = text::trim(rest);
    auto strip = [&](std::string_view sep) {
        if (r.starts_with(sep)) r = text::trim(r.substr(sep.size()));
        if (r.ends_with(sep)) r = text::trim(r.substr(0, r.size() - sep.size()));
    };
    for (std::string_view sep : {":", "|", "-", "–", "—", "::", "·"})
        strip(sep);
    auto words = text::tokenize(r);
    if (words.empty() || words.size() > 5 || !text::starts_upper(words.front().text)) return "";
    return std::string(r);
}

// The headline as the page shows it in a heading (h1..h3) when <title> holds it as whole segments
// beside the site's name: "The Fall Funnel of Fun" in "Free Range Librarian › The Fall Funnel
// of Fun", "Stuff The Internet Says ..." in "High Scalability - High Scalability - Stuff ...".
// Of the headings, the last that names no site (site_names): the blog's banner comes before the
// post's title, and a later heading that a found one holds is a shorter form of it; "" when none
// has two words and 12 letters or more.
std::string headline_in_title(const std::vector<std::string>& headings,
                              const std::string& title_tag,
                              const std::vector<std::string>& site_names) {
    auto segments = title_segments(title_tag);
    std::vector<std::string> runs; // compact texts of every run of consecutive segments
    for (std::size_t i = 0; i < segments.size(); ++i) {
        std::string run;
        for (std::size_t j = i; j < segments.size(); ++j) {
            run += compact(segments[j]);
            runs.push_back(run);
        }
    }
    if (runs.size() < 2) return "";
    auto names_site = [&](const std::string& c) {
        return std::any_of(site_names.begin(), site_names.end(),
                           [&](const std::string& n) { return compact(n) == c; });
    };
    std::string best, best_compact;
    for (const auto& raw : headings) {
        std::string h = text::collapse_whitespace(raw);
        std::string c = compact(h);
        if (c.size() < 12 || text::tokenize(h).size() < 2) continue;
        if (std::find(runs.begin(), runs.end(), c) == runs.end() || names_site(c)) continue;
        if (best_compact.find(c) != std::string::npos) continue; // a shorter form of it
        best = std::move(h);
        best_compact = std::move(c);
    }
    return best;
}

bool plausible(const Timestamp& t) {
    // 1980-01-01 .. 2100-01-01
    return t.seconds >= 315532800 && t.seconds < 4102444800;
}

std::optional<Timestamp> parse_date(const Candidate& c) {
    std::optional<Timestamp> t =
        c.origin == "byline" ? find_date(c.value) : dates::parse(text::trim(c.value));
    if (!t && c.origin != "byline") t = find_date(c.value);
    if (t && plausible(*t)) return t;
    return std::nullopt;
}

// "MOSCOW, March 17 (Reuters) -": the month and day of a dateline opening the body.
std::optional<std::pair<unsigned, unsigned>> dateline_day(const std::string& first) {
    std::string_view s = first;
    std::size_t comma = s.find(", ");
    if (comma == std::string_view::npos || comma < 2 || comma > 40) return std::nullopt;
    for (char c : s.substr(0, comma))
        if (std::islower(static_cast<unsigned char>(c))) return std::nullopt;
    std::string_view rest = s.substr(comma + 2, 40);
    std::size_t sp = rest.find(' ');
    if (sp == std::string_view::npos) return std::nullopt;
    auto month = dates::month_from_name(rest.substr(0, sp));
    if (!month) return std::nullopt;
    unsigned day = 0;
    std::size_t i = sp + 1;
    while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i])))
        day = day * 10 + static_cast<unsigned>(rest[i++] - '0');
    if (day == 0 || day > 31) return std::nullopt;
    std::string_view after = rest.substr(i);
    if (!(after.starts_with(" (") || after.starts_with(" -") || after.starts_with(" \xE2\x80")))
        return std::nullopt;
    return std::pair{*month, day};
}

// The words of s, case-folded, joined by single spaces ("The Fischbowl: Backwards!" ->
// "the fischbowl backwards").
std::string spaced_words(std::string_view s) {
    std::string out;
    for (char c : text::fold(s)) {
        if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80))
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string compact(std::string_view s) {
    std::string out;
    for (char c : text::fold(s))
        if (std::isalnum(static_cast<unsigned char>(c))) out += c;
    return out;
}

// The last <title> segment when it is a short name ("Reuters" in "Oil falls - Reuters").
std::string title_suffix(const std::string& title) {
    std::size_t best = std::string::npos, len = 0;
    for (std::string_view sep : {" | ", " - ", " – ", " — "}) {
        auto p = title.rfind(sep);
        if (p != std::string::npos && p > 0 && (best == std::string::npos || p > best))
            best = p, len = sep.size();
    }
    if (best == std::string::npos) return "";
    std::string tail(text::trim(std::string_view(title).substr(best + len)));
    auto words = text::tokenize(tail);
    if (!words.empty() && words.size() <= 4 && text::starts_upper(words.front().text) &&
        text::tokenize(std::string_view(title).substr(0, best)).size() >= 3)
        return tail;
    return "";
}

// A <title> segment that names the host ("BBC News" for bbc.com), for pages without a site name.
std::string source_from_title(const std::string& title, const std::string& host) {
    if (host.empty()) return "";
    std::string label = name_from_host(host);
    label = compact(label.substr(0, label.find('.')));
    if (label.size() < 3) return "";
    for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: "}) {
        auto p = title.rfind(sep);
        if (p == std::string::npos) continue;
        std::string tail(text::trim(std::string_view(title).substr(p + sep.size())));
        std::string c = compact(tail);
        if (!c.empty() &&
            (c.find(label) != std::string::npos || label.find(c) != std::string::npos) &&
            text::tokenize(tail).size() <= 4)
            return tail;
    }
    return "";
}

// A publisher name as the page gives it, cleaned: the first of "Name | tagline" segments; ""
// for blog platforms and values that are no name.
std::string publisher_name(const std::string& raw) {
    std::string name = raw;
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "})
        if (auto p = name.find(sep); p != std::string::npos && p >= 2) name.erase(p);
    name = std::string(text::trim(name));
    if (name.empty() || name.size() > 100 || name.find("://") != std::string::npos) return "";
    std::string c = compact(name);
    if (c == "blogger" || c == "wordpress" || c == "wordpresscom" || c == "blogspot") return "";
    return name;
}

bool names_host(const std::string& name, const std::string& host) {
    if (host.empty()) return true;
    std::string label = name_from_host(host);
    label = compact(label.substr(0, label.find('.')));
    std::string c = compact(name);
    if (label.size() < 3 || c.empty()) return true;
    return c.find(label) != std::string::npos || label.find(c) != std::string::npos;
}

bool shares_word(const std::string& a, const std::string& b) {
    for (const auto& ta : text::tokenize(a))
        for (const auto& tb : text::tokenize(b))
            if (ta.text.size() >= 3 && text::fold(ta.text) == text::fold(tb.text)) return true;
    return false;
}

// Candidates of the best origin, deduplicated (case-insensitively).
std::vector<std::string> best_group(const std::vector<Candidate>& cands, std::string& origin,
                                    std::size_t limit) {
    std::vector<std::string> out;
    origin.clear();
    for (const auto& c : cands) {
        if (c.value.empty()) continue;
        if (origin.empty()) origin = c.origin;
        if (c.origin != origin) continue;
        std::string f = text::fold(c.value);
        if (std::none_of(out.begin(), out.end(),
                         [&](const std::string& o) { return text::fold(o) == f; }))
            out.push_back(c.value);
        if (out.size() >= limit) break;
    }
    return out;
}

} // namespace

Extraction extract_html(std::string_view bytes, const PageInfo& page) {
    if (bytes.size() > max_page_bytes) throw ExtractError("page larger than 32 MiB");
    std::string inflated;
    std::string_view html = bytes;
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
        static_cast<unsigned char>(bytes[1]) == 0x8b) {
        inflated = maybe_gunzip(bytes);
        html = inflated;
    }
    ParseArena arena; // the document's memory, taken back at once when the page is done
    HtmlDocument parsed = parse_html(html, page.charset);
    PageMetadata meta = read_metadata(parsed.doc.get(), page.url);

    Extraction x;
    Article& a = x.article;

    for (const auto& c : meta.url) {
        std::string u = resolve_url(c.value, page.url);
        if (u.empty()) continue;
        a.url = u;
        note(x, "url", c.origin, u);
        break;
    }
    std::string host = host_of(a.url.empty() ? page.url : a.url);

    std::string title_tag = meta.title_tag.empty() ? "" : meta.title_tag.front().value;
    for (const auto& c : meta.source) {
        std::string name = publisher_name(c.value);
        if (name.empty()) continue;
        // og:site_name is sometimes a section or a tagline: a <title> suffix naming the host wins.
        if (c.origin == "og:site_name" && !names_host(name, host)) {
            std::string s = source_from_title(title_tag, host);
            if (!s.empty() && !shares_word(s, name)) {
                a.source = s;
                note(x, "source", "title-suffix", s);
                break;
            }
        }
        a.source = name;
        note(x, "source", c.origin, a.source);
        break;
    }
    if (a.source.empty()) {
        if (std::string s = source_from_title(title_tag, host); !s.empty()) {
            a.source = s;
            note(x, "source", "title-suffix", s);
        } else if (std::string t = title_suffix(title_tag); !t.empty()) {
            a.source = t;
            note(x, "source", "title-suffix", t);
        } else if (!meta.copyright.empty()) {
            a.source = meta.copyright.front().value;
            note(x, "source", "copyright-line", a.source);
        } else if (!host.empty()) {
            a.source = name_from_host(host);
            note(x, "source", "url-host", a.source);
        }
    }
    if (!a.source.empty()) a.source_id = text::slugify(a.source);

    std::vector<std::string> site_names;
    if (!a.source.empty()) site_names.push_back(a.source);
    for (const auto& c : meta.source)
        site_names.push_back(c.value);

    // Title: metadata first, then <title> without the site name, then the page's h1.
    // A <meta> title (og:, twitter:, dc.) sharing no word with a <title> of three words or more
    // describes the site (a blog's og:title on every post), not the page; a structured headline
    // (JSON-LD, itemprop) is the page's.
    const auto tag_words = title_words(title_tag);
    auto unrelated = [&](const std::string& t) {
        if (tag_words.size() < 3) return false;
        for (const auto& w : title_words(t))
            if (tag_words.contains(w)) return false;
        return true;
    };
    for (const auto& c : meta.title) {
        std::string t = strip_site_name(c.value, site_names, host);
        const bool meta_tag = c.origin == "og:title" || c.origin == "twitter:title" ||
                              c.origin.ends_with("=dc.title]");
        if (t.empty() || c.origin == "h1" || (meta_tag && unrelated(t))) continue;
        a.title = t;
        note(x, "title", c.origin, t);
        break;
    }
    if (a.title.empty() && !title_tag.empty()) {
        a.title = strip_site_name(title_tag, site_names, host);
        if (!a.title.empty()) note(x, "title", "title", a.title);
    }

    // An h1 that is the site's name stands in <title> beside the headline: strip it from there.
    std::vector<std::string> site_headings;
    for (const auto& c : meta.title)
        if (c.origin == "h1" && names_site_in_title(c.value, title_tag))
            site_headings.push_back(c.value);
    if (!site_headings.empty() && !x.origins.empty() && x.origins.back().field == "title" &&
        x.origins.back().origin == "title") {
        site_names.insert(site_names.end(), site_headings.begin(), site_headings.end());
        if (std::string t = strip_site_name(title_tag, site_names, host); !t.empty()) {
            a.title = t;
            x.origins.back().value = t;
        }
    }

    // A heading that <title> holds beside the site's name is the headline when the title chosen
    // so far is that heading with the site's name still on it, or is shorter (the site's name).
    // The site's names as the publisher states them (a <title> suffix may be the headline).
    std::vector<std::string> stated = site_headings;
    for (const auto& c : meta.source)
        stated.push_back(c.value);
    std::string shown = headline_in_title(meta.headings, title_tag, stated);
    if (!shown.empty()) {
        std::string c = compact(shown), t = compact(a.title);
        if (c != t && (t.find(c) != std::string::npos || c.size() > t.size())) {
            a.title = shown;
            std::erase_if(x.origins, [](const FieldOrigin& o) { return o.field == "title"; });
            note(x, "title", "heading in title", shown);
        } else if (c != t) {
            shown.clear();
        }
    }

    Content content = find_content(parsed.doc.get(), a.title);
    // The best metadata title and <title> confirm a heading.
    std::vector<std::string> meta_titles;
    for (const auto& c : meta.title)
        if (c.origin != "h1") {
            meta_titles.push_back(c.value);
            break;
        }
    // Of <title>, its longest segment: the rest names the site or section, which confirms no
    // headline.
    for (const auto& c : meta.title_tag) {
        auto segments = title_segments(c.value);
        auto longest = std::max_element(
            segments.begin(), segments.end(),
            [](const std::string& x, const std::string& y) { return x.size() < y.size(); });
        if (longest != segments.end()) meta_titles.push_back(*longest);
    }
    // The displayed headline: the h1 nearest the content, else any h1 metadata confirms.
    std::vector<std::string> headings{text::collapse_whitespace(content.heading)};
    for (const auto& c : meta.title)
        if (c.origin == "h1") headings.push_back(c.value);
    for (const auto& heading : headings) {
        if (heading.empty() || heading == a.title) continue;
        if (names_site_in_title(heading, title_tag)) continue;
        // The headline <title> holds stands against a heading that does not hold it.
        if (!shown.empty() && compact(heading).find(compact(shown)) == std::string::npos) continue;
        if (!a.title.empty() && !confirmed_heading(heading, meta_titles)) continue;
        std::string origin = a.title.empty() ? "h1" : "h1 (confirmed by metadata)";
        a.title = heading;
        std::erase_if(x.origins, [](const FieldOrigin& o) { return o.field == "title"; });
        note(x, "title", origin, heading);
        break;
    }
    // The heading that opens the article, when <title> holds it word for word: it replaces a
    // title that holds it with more around it ("» Post title :blog"), or a title that the page
    // shows as an earlier heading, the site's banner above the post ("Backwards!" under the h1
    // "The Fischbowl", <title> "The Fischbowl: Backwards!").
    if (const std::string& lead = content.lead_heading; !lead.empty() && lead != a.title) {
        const std::string l = spaced_words(lead), t = spaced_words(a.title);
        auto holds = [&](const std::string& outer) {
            return (" " + outer + " ").find(" " + l + " ") != std::string::npos;
        };
        auto first_heading = [&](const std::string& words) {
            for (std::size_t i = 0; i < meta.headings.size(); ++i)
                if (spaced_words(meta.headings[i]) == words) return i;
            return meta.headings.size();
        };
        const std::size_t at = first_heading(l);
        const bool site =
            std::any_of(meta.source.begin(), meta.source.end(),
                        [&](const Candidate& c) { return spaced_words(c.value) == l; });
        if (!l.empty() && holds(spaced_words(title_tag)) &&
            ((t != l && holds(t)) ||
             (!site && at < meta.headings.size() && first_heading(t) < at))) {
            a.title = lead;
            std::erase_if(x.origins, [](const FieldOrigin& o) { return o.field == "title"; });
            note(x, "title", "heading opening the article", lead);
            if (content.paragraphs.size() > 1 && spaced_words(content.paragraphs.front()) == l)
                content.paragraphs.erase(content.paragraphs.begin());
        }
    }
    // "Site: Headline" or "Headline - Site" in <title> names the site when nothing else did.
    if (std::any_of(
            x.origins.begin(), x.origins.end(),
            [](const FieldOrigin& o) { return o.field == "source" && o.origin == "url-host"; }) ||
        a.source.empty()) {
        if (std::string s = site_around_headline(title_tag, a.title); !s.empty()) {
            a.source = s;
            a.source_id = text::slugify(s);
            std::erase_if(x.origins, [](const FieldOrigin& o) { return o.field == "source"; });
            note(x, "source", "title-around-headline", s);
        }
    }
    if (content.paragraphs.empty()) throw ExtractError("no article text found");
    a.body = join_paragraphs(content.paragraphs);
    note(x, "body", content.relaxed ? "content:relaxed" : "content", "");

    for (const auto& c : meta.published) {
        if (auto t = parse_date(c)) {
            a.published = t;
            note(x, "published", c.origin, c.value);
            break;
        }
    }
    if (!a.published) {
        if (auto md = dateline_day(content.paragraphs.front())) {
            std::optional<Timestamp> ref = page.fetched_at;
            if (!ref)
                for (const auto& c : meta.updated)
                    if ((ref = parse_date(c))) break;
            if (ref) {
                int year = dates::to_civil(ref->seconds).year;
                std::int64_t day = dates::days_from_civil(year, md->first, md->second);
                if (day * 86400 > ref->seconds + 86400)
                    day = dates::days_from_civil(year - 1, md->first, md->second);
                a.published = Timestamp{day * 86400, Timestamp::Precision::day};
                note(x, "published", "dateline", content.paragraphs.front().substr(0, 40));
            }
        }
    }
    for (const auto& c : meta.updated) {
        if (auto t = parse_date(c)) {
            a.updated = t;
            note(x, "updated", c.origin, c.value);
            break;
        }
    }

    std::string origin;
    a.authors = best_group(meta.authors, origin, 10);
    // A "person" that is the publisher is no author.
    std::erase_if(a.authors, [&](const std::string& n) {
        return !a.source.empty() && compact(n) == compact(a.source);
    });
    for (const auto& n : a.authors)
        note(x, "authors", origin, n);

    a.tags = best_group(meta.tags, origin, 30);
    for (const auto& t : a.tags)
        note(x, "tags", origin, t);

    if (!meta.section.empty()) {
        a.section = meta.section.front().value;
        note(x, "section", meta.section.front().origin, a.section);
    }
    for (const auto& c : meta.language) {
        std::string tag = c.value;
        std::replace(tag.begin(), tag.end(), '_', '-');
        if (std::string code = language::normalize_code(tag); !code.empty()) {
            a.language = code;
            note(x, "language", c.origin, c.value);
            break;
        }
    }
    if (!meta.description.empty()) {
        a.description = meta.description.front().value;
        note(x, "description", meta.description.front().origin, a.description);
    }
    arena.abandon(parsed.doc.release());
    return x;
}

Extraction extract_text_page(std::string_view text, const PageInfo& page) {
    if (text.size() > max_page_bytes) throw ExtractError("page larger than 32 MiB");
    TextPage tp = read_text_page(text, page.fetched_at);
    if (tp.paragraphs.empty()) throw ExtractError("no article text found");
    Extraction x;
    Article& a = x.article;
    a.url = page.url;
    if (!a.url.empty()) note(x, "url", "page url", a.url);
    a.title = tp.title;
    if (!a.title.empty()) note(x, "title", "text:first-heading", a.title);
    a.body = join_paragraphs(tp.paragraphs);
    note(x, "body", "text:prose-run", "");
    if (tp.published) {
        a.published = tp.published;
        note(x, "published", tp.published_origin, tp.published_text);
    } else if (std::string d = date_from_url(page.url); !d.empty()) {
        a.published = dates::parse(d);
        if (a.published) note(x, "published", "url-path", d);
    }
    a.authors = tp.authors;
    for (const auto& n : a.authors)
        note(x, "authors", "text:byline", n);
    a.tags = tp.tags;
    for (const auto& t : a.tags)
        note(x, "tags", "text:tag-line", t);
    if (!tp.source.empty()) {
        a.source = tp.source;
        note(x, "source", tp.source_origin, a.source);
    } else if (std::string host = host_of(page.url); !host.empty()) {
        a.source = name_from_host(host);
        note(x, "source", "url-host", a.source);
    }
    if (!a.source.empty()) a.source_id = text::slugify(a.source);
    return x;
}

} // namespace dateline::extract
