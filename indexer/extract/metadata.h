// Metadata of an HTML page, gathered from every source present: JSON-LD (NewsArticle, Article,
// ReportageNewsArticle..., @graph included), Open Graph and article:* meta, <meta name> (author,
// keywords, news_keywords, date, pubdate, DC.*), itemprop, <time datetime>, <link rel=canonical>,
// <title>, bylines, <html lang> and a date in the URL path. Each field keeps all its candidates,
// best source first, each with its origin ("json-ld", "og:title", "meta[name=author]"...);
// choosing among them (and validating dates) is the caller's job.
#pragma once

#include <libxml/tree.h>
#include <string>
#include <vector>

namespace dateline::extract {

struct Candidate {
    std::string value;
    std::string origin;
};

struct PageMetadata {
    std::vector<Candidate> title;     // json-ld headline, og:title, twitter:title, dc.title
    std::vector<Candidate> title_tag; // <title> as written (site name not yet removed)
    std::vector<Candidate> published; // raw date strings
    std::vector<Candidate> updated;
    std::vector<Candidate> authors; // one name per candidate, cleaned
    std::vector<Candidate> source;  // publisher names
    std::vector<Candidate> section;
    std::vector<Candidate> tags;     // one tag per candidate
    std::vector<Candidate> language; // raw language tags ("en-US", "en_GB")
    std::vector<Candidate> url;      // canonical URL candidates
    std::vector<Candidate> description;
    std::vector<Candidate> copyright;  // holder named in the first "© 2019 Name" text
    std::vector<std::string> headings; // the first 40 h1, h2 and h3 texts, in document order
};

// Reads the metadata of doc. page_url (may be empty) resolves relative canonical links and
// contributes a "url-path" date candidate.
PageMetadata read_metadata(xmlDoc* doc, const std::string& page_url);

// A date stated in a URL path (/2019/11/19/, /2019-11-19-, /20191119/), as "YYYY-MM-DD", or "".
std::string date_from_url(const std::string& url);

// "www.bbc.co.uk" from "https://www.bbc.co.uk/news/x"; "" when there is no host.
std::string host_of(const std::string& url);

// A readable publisher name for a host: "bbc.co.uk" for "www.bbc.co.uk".
std::string name_from_host(const std::string& host);

// Removes a site name from a page title: "Kremlin says X - Reuters" -> "Kremlin says X" when the
// last (or first) segment names the source or the host, or is a short brand-like tail.
std::string strip_site_name(const std::string& title, const std::vector<std::string>& site_names,
                            const std::string& host);

// The holder in a copyright notice: "Ascom" from "©2019 Ascom. All rights reserved.", "" when
// the line names none (at most four words after the sign and the years).
std::string copyright_holder(std::string_view line);

// Cleans an author string: drops "By ", trailing roles and e-mail; "" when it is no person's name.
std::string clean_author(std::string_view raw);

} // namespace dateline::extract
