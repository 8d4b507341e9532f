// The main content of an HTML page: a scored walk of the DOM finds the element holding the
// article (text and link density, paragraph structure, class/id cues, headings), then its text is
// written out in document order: paragraphs, headings, lists, quotes and tables of text, one block
// per paragraph, blocks separated by a blank line. Navigation, ads, related links, share bars,
// newsletter and cookie boxes, comments and footers inside or beside the article are left out.
// The walk is iterative (no recursion), so any nesting depth is safe. Its scratch (per-element
// statistics, the answers for each class and id value) is kept per thread and reused from page to
// page instead of allocated per page; past 64K elements' worth it is given back.
// Trade-offs: a class or id that promises content ("article-body") adds its weight in full only
// to a box holding 200 characters or more (a titled stub under a promising name must not beat the
// article); the strict pass (page chrome by tag, role and name left out) stands when it finds 500
// characters, else the relaxed pass (names no longer exclude) is tried: the article sometimes sits
// inside a box named like chrome ("toolbar", "sidebar"); but its longer text replaces the strict
// pass's shorter one only when its candidate scores at least 1.5 times as high (a short post
// beside long comments, a profile widget or a sidebar's text stays the article). Boxes named like
// furniture ("caption", "byline", "meta") are dropped from the article unless the boxes of that
// class hold most of its text together (templates wrap each paragraph so). A heading that opens the
// readers' comments
// ("Comments", "12 Responses to ...", "Leave a Reply"), or a box named for them holding only that
// label, ends the article, also when the strict pass leaves the heading out; "Comment" alone
// heads an opinion section as often, and ends nothing. Short lines at the article's end are
// trimmed as furniture, except a line that a <br> broke off a sentence left open (no final
// punctuation, or a comma or semicolon), a short line without links that a <br> breaks off a
// line of text of its paragraph (a sign-off: "Hope to see you there.<br>Cheers,<br>Alina"; an
// address), unless it is a notice, a call to act or a post's metadata line, a paragraph of several
// sentences that mentions a call to subscribe in passing, and a long line of links with its own
// text beside them (a deal), and a line of 100 bytes or less crediting the photos or the source
// ("Photo: Courtesy of X", "Image credit: Y", "[Via Z]", "Originally published on W", no URL;
// kept, the trimmed lines around it not); a short date line is trimmed at the ends only, inside
// the text it is kept; a breadcrumb trail ("Home > News > ...") opening the article is trimmed. A
// byline is the article's: a line of 120 bytes or less opening with "by" or holding it near its
// start ("By NAME", "Posted by NAME on DATE", "DATE by NAME"), at the top of the article or between
// the heading above it and its first box (written with the author's link, other lines there left
// out), or in a box named like furniture before any of the article's text, headings and short lines
// of links aside ("<p class='meta'>Posted on DATE by NAME</p>", written leniently), or in a box the
// strict pass leaves out there (a <header> holding the heading and "Posted by NAME on DATE": its
// outermost element opening with "by", "posted" or "written by", or holding a date); a byline at
// the top is not trimmed for its date or its links. Trade-off: the Dragnet gold keeps bylines, the
// extraction-dev gold does not; on those pages the rule gains 0.0024 F1 and loses 0.0007, its
// <header> case 0.0012 and 0.0003. A leading line is kept when the line a <br> breaks off after it
// goes on with its sentence in lower case ("Visit <a>X</a> to see<br>how to create..."), links or
// not. A paragraph of 80 bytes or more that the text already holds is left out (teasers and print
// copies repeat the story; an article quoting its own paragraph twice loses the second).
// Readability's rule that drops a box with more list items than paragraphs applies to lists with
// links only: plain lists (a recipe's ingredients, a deal's terms, specifications) are the
// article's, and so are lists of links whose items run 80 characters or more with text beside the
// link (deals, products); a list of related headlines, links alone, is not. A list of two items or
// more of 80 characters each with few links is kept also when the list tag's negative score would
// drop it (bulleted paragraphs of a story), and a list of three items or more, not named like
// furniture, that holds a quarter of the article's text (a post rounding up links). A box holding
// three links or more that end a teaser ("Read more...", "Continue reading", nothing of the
// sentence after them) lists other stories: it is not gathered beside the article, and inside it
// is left out unless it holds most of its text (a page of teasers is its own text). When both
// passes write nothing (the best candidate holds only boxes named like furniture, or boxes the
// cleaning drops), the strict pass's best candidate is written leniently, with only chrome and
// hidden boxes left out: a page with an article is not rejected for its template's names.
#pragma once

#include <libxml/tree.h>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::extract {

struct Content {
    std::vector<std::string> paragraphs; // in document order, whitespace collapsed
    std::string heading;                 // text of the h1 nearest the content, "" if none
    std::string lead_heading; // the h1..h3 that opens the article (just before it or at its top)
    bool relaxed = false;     // true when the strict pass found too little text
};

// Finds the article text of doc. title (may be empty) lets a leading copy of the title be
// dropped from the body. The document's nodes' _private fields are used as scratch space.
Content find_content(xmlDoc* doc, std::string_view title);

// Paragraphs joined with blank lines.
std::string join_paragraphs(const std::vector<std::string>& paragraphs);

} // namespace dateline::extract
