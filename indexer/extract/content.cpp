#include "indexer/extract/content.h"

#include "analyzers/text.h"
#include "indexer/extract/dom.h"
#include "indexer/extract/relative_date.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace dateline::extract {

namespace {

// ---- tags and class/id cues ------------------------------------------------------------------

bool is_heading(std::string_view t) {
    return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

bool is_block(std::string_view t) {
    static const dom::TagSet blocks{
        "address", "article", "aside",  "blockquote", "body",  "center",   "dd",         "details",
        "dialog",  "dir",     "div",    "dl",         "dt",    "fieldset", "figcaption", "figure",
        "footer",  "form",    "header", "hgroup",     "hr",    "html",     "li",         "main",
        "menu",    "nav",     "ol",     "p",          "pre",   "section",  "summary",    "table",
        "tr",      "td",      "th",     "ul",         "tbody", "thead",    "tfoot",      "caption",
        "img",     "h1",      "h2",     "h3",         "h4",    "h5",       "h6"};
    return blocks.contains(t);
}

// Elements that are never article text (forms' widgets, media, page chrome).
bool is_junk(std::string_view t) {
    static const dom::TagSet junk{"button",  "input", "label",  "option", "video", "audio",
                                  "picture", "map",   "dialog", "link",   "meta",  "title"};
    return dom::is_invisible(t) || junk.contains(t);
}

// Page chrome by tag: left out in the strict pass.
bool is_chrome(std::string_view t) {
    static const dom::TagSet chrome{"nav", "aside", "footer", "header", "menu"};
    return chrome.contains(t);
}

// The class/id word lists (substrings unless said otherwise).
constexpr std::string_view ad_words[]{"-ad-",    "ad-container", "ad-wrapper",
                                      "ad-slot", "adslot",       "advert"};
constexpr std::string_view unlikely_words[]{
    "-ad-",         "ai2html",    "banner",    "breadcrumb", "combx",        "comment",
    "community",    "cover-wrap", "disqus",    "extra",      "footer",       "gdpr",
    "header",       "legends",    "menu",      "related",    "remark",       "replies",
    "rss",          "shoutbox",   "sidebar",   "skyscraper", "social",       "sponsor",
    "supplemental", "ad-break",   "agegate",   "pagination", "pager",        "popup",
    "yom-remote",   "newsletter", "subscribe", "share",      "cookie",       "consent",
    "outbrain",     "taboola",    "recommend", "trending",   "most-popular", "mostpopular",
    "most-read",    "signup",     "sign-up",   "modal",      "toolbar",      "nav"};
constexpr std::string_view candidate_words[]{"and",     "article",   "body",   "column",
                                             "content", "main",      "shadow", "story",
                                             "entry",   "post-text", "text"};
constexpr std::string_view negative_words[]{
    "-ad-",     "banner",  "combx",    "comment",   "com-",       "contact",    "foot",
    "footnote", "gdpr",    "masthead", "media",     "meta",       "outbrain",   "promo",
    "related",  "scroll",  "share",    "shoutbox",  "sidebar",    "skyscraper", "sponsor",
    "shopping", "tags",    "tool",     "widget",    "newsletter", "subscribe",  "byline",
    "author",   "caption", "credit",   "recommend", "teaser",     "social"};
constexpr std::string_view positive_words[]{"article", "body",    "content", "entry",
                                            "hentry",  "h-entry", "main",    "page",
                                            "post",    "text",    "blog",    "story"};
constexpr std::string_view article_body_words[]{
    "articlebody",   "article-body",  "article_body",    "story-body",  "storybody",
    "entry-content", "post-content",  "article-content", "articletext", "article-text",
    "body-text",     "story-content", "post-body",       "postbody",    "content-body",
    "article__body", "text-body",     "main-text"};
constexpr std::string_view boilerplate_words[]{
    "share",     "social",   "related",      "newsletter", "subscribe",  "signup",     "comment",
    "cookie",    "consent",  "outbrain",     "taboola",    "recommend",  "promo",      "breadcrumb",
    "toolbar",   "sidebar",  "byline",       "author-bio", "authorbio",  "caption",    "disclaimer",
    "read-more", "readmore", "more-stories", "popup",      "pagination", "inline-link"};

constexpr std::string_view ad_tokens[]{
    "ad",     "ads", "adv", "advert",    "advertisement", "advertising", "adslot",
    "adunit", "dfp", "gpt", "sponsored", "promo",         "promoted"};
constexpr std::string_view hidden_tokens[]{"hidden", "hid"};
constexpr std::string_view box_tokens[]{"hidden", "print",  "tags",    "tag",   "rating",
                                        "jump",   "credit", "credits", "modal", "meta",
                                        "hide",   "sr",     "visually"};

// The lists a class or id value matches, as bits: substrings of the value, or whole tokens of it
// (split on anything but letters and digits).
enum List : unsigned {
    ad_word = 1u << 0,
    unlikely_word = 1u << 1,
    candidate_word = 1u << 2,
    negative_word = 1u << 3,
    positive_word = 1u << 4,
    article_body_word = 1u << 5,
    boilerplate_word = 1u << 6,
    ad_token = 1u << 7,
    hidden_token = 1u << 8,
    box_token = 1u << 9,
};

// All the lists looked for in one pass over the value: at each byte only the words starting with
// it are tried, each word once with the bits of every list holding it (class and id values are
// checked on every element with a name the page has not shown before).
class NameLists {
  public:
    NameLists() {
        add_words(ad_words, ad_word);
        add_words(unlikely_words, unlikely_word);
        add_words(candidate_words, candidate_word);
        add_words(negative_words, negative_word);
        add_words(positive_words, positive_word);
        add_words(article_body_words, article_body_word);
        add_words(boilerplate_words, boilerplate_word);
        add_tokens(ad_tokens, ad_token);
        add_tokens(hidden_tokens, hidden_token);
        add_tokens(box_tokens, box_token);
    }
    unsigned match(std::string_view s) const {
        unsigned found = 0;
        for (std::size_t i = 0; i < s.size(); ++i)
            for (const auto& [w, bits] : by_first_[static_cast<unsigned char>(s[i])])
                if ((bits & ~found) != 0 && w.size() <= s.size() - i &&
                    std::memcmp(s.data() + i, w.data(), w.size()) == 0)
                    found |= bits;
        std::size_t i = 0;
        while (i < s.size()) {
            while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i])))
                ++i;
            std::size_t j = i;
            while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j])))
                ++j;
            for (const auto& [t, bits] : tokens_)
                if (t == s.substr(i, j - i)) found |= bits;
            i = j;
        }
        return found;
    }

  private:
    using Entries = std::vector<std::pair<std::string_view, unsigned>>;
    static void add(Entries& list, std::string_view w, unsigned bit) {
        auto it =
            std::find_if(list.begin(), list.end(), [&](const auto& e) { return e.first == w; });
        if (it != list.end())
            it->second |= bit;
        else
            list.emplace_back(w, bit);
    }
    template <std::size_t N> void add_words(const std::string_view (&words)[N], unsigned bit) {
        for (auto w : words)
            add(by_first_[static_cast<unsigned char>(w[0])], w, bit);
    }
    template <std::size_t N> void add_tokens(const std::string_view (&tokens)[N], unsigned bit) {
        for (auto t : tokens)
            add(tokens_, t, bit);
    }
    std::array<Entries, 256> by_first_;
    Entries tokens_;
};

const NameLists name_lists;

// What one class or id value (lower-cased) says. A pair's answers are its two values' answers
// combined: no listed word holds a space, so none spans the two.
struct NameCues {
    int weight = 0;        // -25 negative, +25 positive, +25 more for an article body's name
    bool unlikely = false; // named like page chrome
    bool candidate = false;
    bool boxy = false; // named like a box that is never article text
};

NameCues name_cues(std::string_view s) {
    NameCues c;
    if (s.empty()) return c;
    const unsigned m = name_lists.match(s);
    const bool ad = (m & (ad_token | ad_word)) != 0;
    if ((m & (negative_word | hidden_token)) != 0 || ad) c.weight -= 25;
    if ((m & positive_word) != 0) c.weight += 25;
    if ((m & article_body_word) != 0) c.weight += 25;
    c.unlikely = ad || (m & unlikely_word) != 0;
    c.candidate = (m & candidate_word) != 0;
    // Inside the article: boxes that are never its text, whatever the strict pass decided.
    c.boxy = ad || (m & (boilerplate_word | box_token)) != 0;
    return c;
}

bool is_hidden(const dom::Cues& c) {
    if (c.hidden || c.aria_hidden) return true;
    if (c.style.empty()) return false;
    std::string style;
    for (char ch : c.style)
        if (ch != ' ') style += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return style.find("display:none") != std::string::npos ||
           style.find("visibility:hidden") != std::string::npos;
}

// ---- per-element statistics --------------------------------------------------------------------

struct Info {
    int text = 0;  // visible characters (white space not counted)
    int links = 0; // characters inside <a>
    int commas = 0;
    int inline_text = 0; // characters of direct inline content
    int inline_commas = 0;
    int p = 0, li = 0, img = 0, input = 0, embed = 0, anchors = 0;
    int more = 0; // links below that end a teaser ("Read more...", reads_on)
    int weight = 0;
    int order = 0, end_order = 0; // pre-order index of the element and of its last descendant
    double score = 0;
    double base = 0; // the part of score that comes from tag and class/id, not from content
    bool skip = false;
    bool block_desc = false; // a block element below
    bool scored = false;
    bool in_figure = false;
    bool in_link = false;
    bool boxy = false; // class/id of a box that is never article text (share bar, ads, ...)
};

Info* info(const xmlNode* n) {
    return n ? static_cast<Info*>(n->_private) : nullptr;
}

void count_text(std::string_view s, int& chars, int& commas) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ',')
            ++commas;
        else if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBC &&
                 static_cast<unsigned char>(s[i + 2]) == 0x8C)
            ++commas; // U+FF0C fullwidth comma
        if ((c & 0xC0) == 0x80 || c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
        ++chars;
    }
}

double link_density(const Info& i) {
    return i.text > 0 ? double(i.links) / i.text : 0.0;
}

struct Paragraph {
    xmlNode* node;
    xmlNode* parent; // the element that receives the full score
    int text;
    int commas;
};

// Infos at stable addresses (elements point at theirs), in chunks kept from page to page.
class InfoPool {
  public:
    Info& next() {
        if (used_ == chunks_.size() * chunk) chunks_.push_back(std::make_unique<Info[]>(chunk));
        Info& i = chunks_[used_ / chunk][used_ % chunk];
        ++used_;
        i = Info{};
        return i;
    }
    // Kept for the next page up to kept_chunks (a huge page's memory is given back).
    void clear() {
        used_ = 0;
        if (chunks_.size() > kept_chunks) chunks_.resize(kept_chunks);
    }

  private:
    static constexpr std::size_t chunk = 1024;
    static constexpr std::size_t kept_chunks = 64;
    std::vector<std::unique_ptr<Info[]>> chunks_;
    std::size_t used_ = 0;
};

// One pass's scratch: kept per thread and cleared, not freed, between passes and pages.
struct Analysis {
    InfoPool infos;
    std::vector<Paragraph> paragraphs;
    std::vector<xmlNode*> scored;
    std::vector<xmlNode*> h1s;
    void clear() {
        infos.clear();
        paragraphs.clear();
        scored.clear();
        h1s.clear();
    }
};

void clear_private(xmlNode* root) {
    dom::walk(root, [](xmlNode* n) {
        n->_private = nullptr;
        return true;
    });
}

// What an element's class and id say.
struct ClassCues {
    int weight = 0;
    bool unlikely = false; // page chrome unless the names also suggest content
    bool boxy = false;
};

// The answers for each distinct class or id value of a page, computed once for both passes
// (kept per thread: its table is reused from page to page).
class NameCache {
  public:
    void clear() { cache_.clear(); }
    const NameCues& get(std::string_view raw) {
        auto it = cache_.find(raw);
        if (it != cache_.end()) return it->second;
        lower_.clear();
        dom::append_lower(lower_, raw);
        return cache_.emplace(std::string(raw), name_cues(lower_)).first->second;
    }
    ClassCues cues(std::string_view cls, std::string_view id) {
        const NameCues c = get(cls);
        const NameCues& i = get(id);
        return {c.weight + i.weight, (c.unlikely || i.unlikely) && !(c.candidate || i.candidate),
                c.boxy || i.boxy};
    }

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::unordered_map<std::string, NameCues, Hash, std::equal_to<>> cache_;
    std::string lower_;
};

// A link's text that points on to the rest of a story: "Read more...", "More »", "Continue
// reading", "Full story".
bool reads_on(std::string_view link) {
    std::string f = text::fold(link);
    std::string_view t = f;
    while (!t.empty() && !std::isalnum(static_cast<unsigned char>(t.back())))
        t.remove_suffix(1);
    while (!t.empty() && !std::isalnum(static_cast<unsigned char>(t.front())))
        t.remove_prefix(1);
    for (std::string_view label : {"read more", "more", "continue reading", "continue", "read on",
                                   "full story", "read full story", "read the full story",
                                   "read the rest", "read full article", "learn more"})
        if (t == label) return true;
    return false;
}

// Nothing of its sentence follows n: no letter or digit in the text after it in its parent
// ("(<a>read more</a>), being a young driver" is a sentence's link, not a teaser's end).
bool ends_text(const xmlNode* n) {
    for (const xmlNode* s = n->next; s != nullptr; s = s->next) {
        if (s->type != XML_TEXT_NODE) return true;
        for (char c : dom::node_text(s))
            if (std::isalnum(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

void analyse(xmlNode* root, bool strict, Analysis& a, NameCache& names) {
    int order = 0;
    dom::walk(
        root,
        [&](xmlNode* n) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                Info* p = info(n->parent);
                if (p != nullptr) {
                    int chars = 0, commas = 0;
                    count_text(dom::node_text(n), chars, commas);
                    p->text += chars;
                    p->commas += commas;
                    p->inline_text += chars;
                    p->inline_commas += commas;
                }
                return false;
            }
            if (!dom::is_element(n)) return false;
            Info& me = a.infos.next();
            n->_private = &me;
            me.order = order++;
            const Info* parent = info(n->parent);
            me.in_figure = parent != nullptr && parent->in_figure;
            me.in_link = parent != nullptr && parent->in_link;
            std::string_view tag = dom::name(n);
            if (tag == "figure") me.in_figure = true;
            if (tag == "a") me.in_link = true;
            dom::Cues c = dom::cues(n);
            ClassCues cc;
            if (!c.cls.empty() || !c.id.empty()) {
                cc = names.cues(c.cls, c.id);
                me.weight = cc.weight;
                me.boxy = cc.boxy;
            }
            if (is_junk(tag) || is_hidden(c))
                me.skip = true;
            else if (strict && tag != "body" && tag != "html" && tag != "article" &&
                     tag != "main" && tag != "a") {
                std::string_view role = c.role;
                if (is_chrome(tag) || role == "navigation" || role == "menu" || role == "menubar" ||
                    role == "complementary" || role == "dialog" || role == "alertdialog" ||
                    role == "alert" || role == "contentinfo" || role == "banner")
                    me.skip = true;
                else if (cc.unlikely)
                    me.skip = true;
            }
            if (tag == "h1" && !me.skip) a.h1s.push_back(n);
            return !me.skip;
        },
        [&](xmlNode* n) {
            Info* me = info(n);
            if (me == nullptr || !dom::is_element(n)) return;
            me->end_order = order - 1;
            if (me->skip) return;
            std::string_view tag = dom::name(n);
            if (tag == "a") {
                me->links = me->text;
                if (me->text > 0 && me->text <= 30 && ends_text(n) && reads_on(dom::text(n, 60)))
                    me->more = 1;
            }
            if (me->text >= 25) {
                if (tag == "p" || tag == "pre" || tag == "td" ||
                    (!me->block_desc && (tag == "div" || tag == "section" || tag == "article" ||
                                         tag == "blockquote" || tag == "font" || tag == "center")))
                    a.paragraphs.push_back({n, n->parent, me->text, me->commas});
                else if (me->block_desc && me->inline_text >= 25 &&
                         (tag == "div" || tag == "section" || tag == "article" || tag == "main" ||
                          tag == "blockquote" || tag == "form" || tag == "span"))
                    a.paragraphs.push_back({n, n, me->inline_text, me->inline_commas});
            }
            Info* p = info(n->parent);
            if (p == nullptr) return;
            p->text += me->text;
            p->links += me->links;
            p->commas += me->commas;
            p->p += me->p + (tag == "p" ? 1 : 0);
            p->li += me->li + (tag == "li" ? 1 : 0);
            p->img += me->img + (tag == "img" ? 1 : 0);
            p->anchors += me->anchors + (tag == "a" ? 1 : 0);
            p->more += me->more;
            p->input += me->input + (tag == "input" || tag == "select" || tag == "textarea");
            p->embed += me->embed +
                        (tag == "iframe" || tag == "embed" || tag == "object" || tag == "video");
            bool block = is_block(tag);
            p->block_desc = p->block_desc || block || me->block_desc;
            if (!block) {
                p->inline_text += me->text;
                p->inline_commas += me->commas;
            }
        });
}

double initial_score(std::string_view tag) {
    if (tag == "div" || tag == "article" || tag == "section" || tag == "main") return 5;
    if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
    if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" ||
        tag == "dt" || tag == "li" || tag == "form")
        return -3;
    if (is_heading(tag) || tag == "th") return -5;
    return 0;
}

void score(Analysis& a) {
    for (const auto& para : a.paragraphs) {
        double s = 1.0 + para.commas + std::min(para.text / 100, 3);
        xmlNode* anc = para.parent;
        for (int level = 0; level < 5 && dom::is_element(anc); ++level, anc = anc->parent) {
            Info* ai = info(anc);
            if (ai == nullptr) break;
            if (!ai->scored) {
                ai->scored = true;
                // A name that promises content lifts a box only as far as it holds text.
                double w =
                    ai->weight > 0 ? ai->weight * std::min(1.0, ai->text / 200.0) : ai->weight;
                ai->base = initial_score(dom::name(anc)) + w;
                ai->score = ai->base;
                a.scored.push_back(anc);
            }
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            ai->score += s / divider;
        }
    }
}

double final_score(const xmlNode* n) {
    const Info* i = info(n);
    return i == nullptr || !i->scored ? 0.0 : i->score * (1.0 - link_density(*i));
}

// The score an element earned from the paragraphs in it.
double content_score(const xmlNode* n) {
    const Info* i = info(n);
    return i == nullptr || !i->scored ? 0.0 : (i->score - i->base) * (1.0 - link_density(*i));
}

bool is_root_like(const xmlNode* n) {
    return !dom::is_element(n) || dom::name(n) == "body" || dom::name(n) == "html";
}

xmlNode* pick_top(Analysis& a) {
    if (a.scored.empty()) return nullptr;
    thread_local std::vector<xmlNode*> ranked;
    ranked.assign(a.scored.begin(), a.scored.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const xmlNode* x, const xmlNode* y) {
        return final_score(x) > final_score(y);
    });
    xmlNode* top = ranked.front();

    // Several near-best candidates under one ancestor: the ancestor holds the article. Near
    // means 3/4 of what top's paragraphs earned, and at least 3/4 of one paragraph's worth
    // (min_content): a short post that its names lift to the top earns little from its text,
    // and every box of links in the sidebars would be near it.
    constexpr double min_content = 5;
    std::vector<xmlNode*> alternatives;
    for (std::size_t i = 1; i < std::min<std::size_t>(ranked.size(), 5); ++i)
        if (content_score(ranked[i]) / std::max(content_score(top), min_content) >= 0.75)
            alternatives.push_back(ranked[i]);
    if (alternatives.size() >= 3) {
        for (xmlNode* anc = top->parent; !is_root_like(anc); anc = anc->parent) {
            int containing = 0;
            for (xmlNode* alt : alternatives)
                for (xmlNode* p = alt->parent; p != nullptr; p = p->parent)
                    if (p == anc) {
                        ++containing;
                        break;
                    }
            if (containing >= 3) {
                top = anc;
                break;
            }
        }
    }
    // Climb while the parent scores better.
    double last = final_score(top);
    double threshold = last / 3;
    for (xmlNode* p = top->parent; !is_root_like(p); p = p->parent) {
        if (!info(p) || !info(p)->scored) continue;
        double s = final_score(p);
        if (s < threshold) break;
        if (s > last) {
            top = p;
            break;
        }
        last = s;
    }
    // An only child stands for its parent.
    while (!is_root_like(top->parent)) {
        int elements = 0;
        for (xmlNode* c = top->parent->children; c != nullptr; c = c->next)
            if (dom::is_element(c) && !info(c)->skip) ++elements;
        if (elements != 1) break;
        top = top->parent;
    }
    return top;
}

// A list of teasers (a headline, a summary and "Read more..." for each of several stories), not
// the story: three or more links that end a teaser.
bool teaser_list(const Info& i) {
    return i.more >= 3;
}

// The top candidate and the siblings that belong to the article with it.
std::vector<xmlNode*> gather(xmlNode* top) {
    if (is_root_like(top->parent)) return {top};
    double top_score = content_score(top);
    double threshold = std::max(10.0, top_score * 0.2);
    std::string top_class = dom::attr(top, "class");
    std::vector<xmlNode*> out;
    for (xmlNode* s = top->parent->children; s != nullptr; s = s->next) {
        if (!dom::is_element(s)) continue;
        const Info* si = info(s);
        if (si == nullptr || si->skip) continue;
        if (s == top) {
            out.push_back(s);
            continue;
        }
        if (teaser_list(*si)) continue;
        double bonus =
            !top_class.empty() && dom::attr(s, "class") == top_class ? top_score * 0.2 : 0;
        bool append = si->scored && content_score(s) + bonus >= threshold;
        double ld = link_density(*si);
        // Chunks of the same article split by media or ads: several paragraphs of prose.
        if (!append && ld < 0.25 && si->weight >= 0) {
            if (si->p >= 3 && si->text >= 800 && si->text >= 80 * si->p) append = true;
        }
        if (!append && (dom::name(s) == "p" || !si->block_desc)) {
            if (si->text > 80 && ld < 0.25)
                append = true;
            else if (si->text > 0 && si->text <= 80 && ld == 0) {
                std::string t = dom::text(s, 400);
                append = t.size() > 1 && (t.back() == '.' || t.find(". ") != std::string::npos);
            }
        }
        if (append) out.push_back(s);
    }
    return out;
}

// Chunks of the same article elsewhere under a near ancestor: elements of top's tag and class
// (articles split by ads or media into several "article__body" boxes) holding prose.
std::vector<xmlNode*> add_cousins(xmlNode* top, std::vector<xmlNode*> parts) {
    std::string cls = dom::attr(top, "class");
    if (cls.empty()) return parts;
    xmlNode* anc = top->parent;
    for (int level = 0; level < 3 && !is_root_like(anc) && !is_root_like(anc->parent); ++level)
        anc = anc->parent;
    if (is_root_like(anc)) return parts;
    auto inside = [](const xmlNode* n, const xmlNode* box) {
        const Info* a = info(n);
        const Info* b = info(box);
        return a->order >= b->order && a->order <= b->end_order;
    };
    dom::walk(anc, [&](xmlNode* n) {
        if (!dom::is_element(n)) return false;
        const Info* i = info(n);
        if (i == nullptr || i->skip) return false;
        for (xmlNode* p : parts)
            if (inside(n, p)) return false;
        if (n != top && dom::name(n) == dom::name(top) && dom::attr(n, "class") == cls &&
            i->text >= 500 && i->p >= 2 && link_density(*i) < 0.25) {
            parts.push_back(n);
            return false;
        }
        return true;
    });
    std::sort(parts.begin(), parts.end(),
              [](const xmlNode* a, const xmlNode* b) { return info(a)->order < info(b)->order; });
    return parts;
}

// A card of links inside the text (a name's hover card with its photo and articles, a "read
// also" strip within a paragraph): text-level markup holding several links and little else. Of
// nested candidates the innermost holding the links is the card: the name's own link outside it
// belongs to the sentence.
bool link_card_like(const xmlNode* n) {
    std::string_view tag = dom::name(n);
    const Info* i = info(n);
    bool text_level = tag == "span" || tag == "font" || tag == "b" || tag == "strong" ||
                      tag == "em" || tag == "i" || tag == "small";
    return text_level && i != nullptr && i->anchors >= 3 &&
           link_density(*i) > (i->img > 0 ? 0.6 : 0.85);
}

bool link_card(const xmlNode* n) {
    if (!link_card_like(n)) return false;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next)
        if (dom::is_element(c) && link_card_like(c) && info(c)->anchors >= info(n)->anchors - 1)
            return false;
    return true;
}

// Readability's conditional cleaning of containers inside the article.
bool drop_container(xmlNode* n, const Info& i) {
    std::string_view tag = dom::name(n);
    bool container = tag == "div" || tag == "section" || tag == "table" || tag == "ul" ||
                     tag == "ol" || tag == "form" || tag == "fieldset" || tag == "aside" ||
                     tag == "figure" || tag == "dl";
    if (!container) return false;
    int weight = i.weight;
    bool list = tag == "ul" || tag == "ol" || tag == "dl";
    double ld = link_density(i);
    // A list of several items of prose (bulleted paragraphs, a gallery's captions) is the
    // article's, whatever the list tag's own negative score says.
    bool prose_list = list && weight >= 0 && i.li >= 2 && i.text >= 80 * i.li && ld < 0.25;
    if (weight + (i.scored ? i.score : 0) < 0 && !prose_list) return true;
    if (i.commas >= 10) return false;
    int p = i.p;
    if (!i.block_desc && tag != "ul" && tag != "ol" && tag != "table") return ld > 0.5;
    if (i.img > 1 && p * 2 < i.img && !i.in_figure) return true;
    if (!list && i.li > p && tag != "table" && ld > 0.1) return true;
    if (i.input > p / 3) return true;
    if (!list && i.text < 25 && (i.img == 0 || i.img > 2) && !i.in_figure) return true;
    if (!list && weight < 25 && ld > 0.2) return true;
    if (weight >= 25 && ld > 0.5) return true;
    if ((i.embed == 1 && i.text < 75) || i.embed > 1) return true;
    // A deal or product list: items of a description each, with text beside their links (a list
    // of related headlines is links alone, and shorter).
    if (list && i.li > 0 && i.text >= 80 * i.li && ld < 0.85) return false;
    if (list && ld > 0.5) return true;
    return false;
}

std::string fold_compact(std::string_view s) {
    std::string out;
    for (char c : text::fold(s))
        if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) out += c;
    return out;
}

// Lines that are page furniture wherever they stand: an ad label. A short line holding a date is
// not one inside the text (a table's row of figures, "For Immediate Release: Nov. 6, 2012", a
// dated entry): dates and bylines are trimmed at the article's ends only (weak_head, weak_tail).
bool furniture(const std::string& p) {
    if (p.size() > 60) return false;
    std::string f = text::fold(p);
    while (!f.empty() && (f.back() == '.' || f.back() == ':'))
        f.pop_back();
    return f == "advertisement" || f == "advertising" || f == "ad" || f == "sponsored" ||
           f == "story continues below advertisement" || f == "continue reading below" ||
           f == "scroll to continue with content" || f == "continue reading the main story";
}

struct Block {
    std::string text;
    double links = 0;      // share of the text inside links
    bool after_br = false; // the line before it ended at a <br>, not at a block's end
    bool heading = false;  // written from a heading (h1..h6)
};

struct Writer {
    std::vector<Block> blocks;
    std::string cur;
    std::size_t cur_links = 0;
    bool closed = false; // the readers' comments began: nothing more is article
    bool br = false;     // the last line written ended at a <br>

    void add(std::string_view t, bool in_link) {
        cur += t;
        if (in_link) cur_links += t.size();
    }
    void flush(bool at_br = false, bool heading = false) {
        std::string p = text::collapse_whitespace(cur);
        double links = cur.empty() ? 0.0 : std::min(1.0, double(cur_links) / double(cur.size()));
        cur.clear();
        cur_links = 0;
        if (p.empty() || furniture(p)) {
            if (!at_br) br = false;
            return;
        }
        blocks.push_back({std::move(p), links, br, heading});
        br = at_br;
    }
};

bool has_phrase(std::string_view folded, std::initializer_list<std::string_view> phrases) {
    for (auto ph : phrases)
        if (folded.find(ph) != std::string_view::npos) return true;
    return false;
}

// Sentences in a text: ends of sentence (., ! or ? then a space and a capital or digit) plus the
// last one.
int sentences(std::string_view t) {
    int n = 1;
    for (std::size_t i = 0; i + 2 < t.size(); ++i)
        if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' &&
            (std::isupper(static_cast<unsigned char>(t[i + 2])) ||
             std::isdigit(static_cast<unsigned char>(t[i + 2]))))
            ++n;
    return n;
}

// A call to subscribe, sign up or follow: "subscribe" itself, not "subscribers".
bool calls_to_act(std::string_view f) {
    for (std::size_t at = f.find("subscribe"); at != std::string_view::npos;
         at = f.find("subscribe", at + 1))
        if (at + 9 >= f.size() || f[at + 9] != 'r') return true;
    return has_phrase(f, {"newsletter", "sign up", "click here", "follow us"});
}

// A long line of links with text of its own beside them: an item of a deal or product list
// ("2TB portable drive for $161.99 with free shipping at Dell (normally $180 ...)"), the
// article's, unless a label opens it ("Tags:", "Related:", "Posted by ...").
bool described_link(const Block& b, std::string_view folded) {
    if (b.text.size() < 80 || (1 - b.links) * double(b.text.size()) < 40) return false;
    for (std::string_view label : {"tags", "tagged", "related", "categories", "category",
                                   "filed under", "posted by", "posted in", "more "})
        if (folded.starts_with(label)) return false;
    return true;
}

// A block that is no article prose when it trails the text: links, calls to subscribe or
// comment (unless the block is prose of several sentences that mentions one in passing), short
// labels ("Tags", "comments") and their lists.
bool weak_tail(const Block& b, bool in_paragraph) {
    std::string f = text::fold(b.text);
    if (b.links > 0.5 && !described_link(b, f)) return true;
    if (f.size() < 300 && has_phrase(f, {"all rights reserved", "javascript"})) return true;
    if ((f.size() < 150 || (f.size() < 300 && sentences(b.text) == 1)) && calls_to_act(f))
        return true;
    // A blog post's own metadata line: "This entry was posted on ... and is filed under ...",
    // "Posted in: News |", "Bookmark the permalink."
    if (f.size() < 400 &&
        (f.starts_with("this entry was posted") || f.starts_with("posted in:") ||
         f.starts_with("filed under") ||
         has_phrase(f, {"bookmark the permalink", "follow any responses to this entry",
                        "trackbacks are closed", "you can leave a response"})))
        return true;
    // A short line a <br> breaks off the paragraph's line before it: a sign-off
    // ("Cheers,<br>Alina"), an address, a list's line.
    if (in_paragraph) return false;
    char last = b.text.back();
    bool sentence = last == '.' || last == '!' || last == '?' || last == '"' ||
                    b.text.ends_with("\xE2\x80\x9D") || last == ')';
    if (sentence && text::tokenize(b.text).size() >= 6) return false;
    return b.text.size() < 50 ||
           (f.size() < 200 && has_phrase(f, {"comments", "share this", "read more", "more stories",
                                             "related", "tell us what", "tags", "topics"}));
}

// A byline: a short line that opens with "by" or holds it near its start ("By Jeff Carvalho
// posted on November 13, 2012", "Posted by Dave on August 13th", "November 3, 2012 By George
// Ambler").
bool byline_block(const Block& b) {
    if (b.text.size() > 120) return false;
    std::string f = text::fold(b.text);
    return f.starts_with("by ") || f.find(" by ") < 40;
}

// A breadcrumb trail: "Home > News > Story", "Home / Auto News / News article: ...".
bool breadcrumb(const Block& b) {
    if (b.text.size() > 250) return false;
    std::string f = text::fold(b.text);
    if (!f.starts_with("home ")) return false;
    return has_phrase(f, {" > ", " / ", " \xC2\xBB ", " | ", " :: "});
}

// Leading blocks that are dates or lines of links, not the article's first paragraph. A byline
// ("By NAME", "Posted on DATE by <a>NAME</a>") is the article's, dated or linked, as the lines
// that name its author above it.
bool weak_head(const Block& b) {
    if (breadcrumb(b)) return true;
    if (byline_block(b)) return false;
    if (b.links > 0.5 && b.text.size() < 120) return true;
    // "« Previous post | Main | Next post »": links to the neighbouring posts.
    if (b.links > 0.5 && b.text.size() < 300 && b.text.find(" | ") != std::string::npos)
        return true;
    if (b.text.size() > 80) return false;
    int digits = 0;
    for (char c : b.text)
        digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    return digits >= 4 && find_date(b.text).has_value();
}

// A paragraph the text already holds is a copy (a teaser repeated above the story, a print
// version beside the screen one): only its first appearance is kept. Short lines may repeat.
void drop_repeats(std::vector<Block>& blocks) {
    std::unordered_set<std::string_view> seen;
    std::vector<Block> kept;
    kept.reserve(blocks.size());
    for (auto& b : blocks) {
        if (b.text.size() >= 80 && !seen.insert(b.text).second) continue;
        kept.push_back(std::move(b));
    }
    blocks = std::move(kept);
}

// A line that goes on with the sentence the line before it left open at a <br> ("Visit X to
// see<br>how to create<br>this craft."): the same paragraph, not a tail to trim.
bool continues(const Block& before, const Block& b) {
    if (!b.after_br || b.links > 0.5 || before.links > 0.5) return false;
    char last = before.text.back();
    return std::isalnum(static_cast<unsigned char>(last)) || last == ',' || last == ';';
}

// A leading line that a <br> broke off mid-sentence, the next line going on with it in lower case
// ("Visit <a>Boy Mama Teacher Mama</a> to see<br>how to create this craft."): the article's first
// sentence, not a line of links to trim, even when a link holds most of its words.
bool opens_sentence(const Block& b, const Block& next) {
    return next.after_br && next.links <= 0.5 &&
           std::isalnum(static_cast<unsigned char>(b.text.back())) &&
           std::islower(static_cast<unsigned char>(next.text.front()));
}

// A line without links that a <br> broke off a line of text before it, in the same paragraph.
bool broken_off(const Block& before, const Block& b) {
    return b.after_br && b.links == 0 && before.links <= 0.5;
}

// A short line that credits the photos or names the story's source ("Photo: Courtesy of X",
// "Image credit: Y", "[Via MacRumors]", "Originally published on Live Science."): the article's,
// also among the trailing lines that are trimmed.
bool credit_line(const Block& b) {
    if (b.text.size() > 100) return false;
    std::string f = text::fold(b.text);
    if (has_phrase(f, {"rights reserved", "subscribe", "sign up", "newsletter", "://"}))
        return false;
    if (f.size() > 2 && f.front() == '[' && f.back() == ']') return true;
    if (f.front() == '[' || f.front() == '(') f.erase(0, 1);
    for (std::string_view opening :
         {"photo", "image", "picture", "top image", "featured image", "thumbnail image",
          "cover photo", "listing image", "via", "source", "courtesy", "credit", "h/t",
          "cross-posted", "originally published", "\xC2\xA9"})
        if (f.starts_with(opening)) return true;
    return false;
}

// Removes weak blocks at both ends, keeping at least one block; trailing credit lines stay.
void trim_ends(std::vector<Block>& blocks) {
    std::size_t end = blocks.size();
    std::vector<Block> credits; // trailing credit lines, last first
    while (end > 1 && weak_tail(blocks[end - 1], broken_off(blocks[end - 2], blocks[end - 1])) &&
           !continues(blocks[end - 2], blocks[end - 1])) {
        if (credit_line(blocks[end - 1])) credits.push_back(std::move(blocks[end - 1]));
        --end;
    }
    blocks.resize(end);
    blocks.insert(blocks.end(), std::make_move_iterator(credits.rbegin()),
                  std::make_move_iterator(credits.rend()));
    std::size_t begin = 0;
    while (begin + 1 < blocks.size() && weak_head(blocks[begin]) &&
           !opens_sentence(blocks[begin], blocks[begin + 1]))
        ++begin;
    blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(begin));
}

// Text held by the outermost boxes named like furniture, per class (nested ones are not
// counted: inside a kept box they are dropped as before): boxes of one class that
// together hold most of the article's text are its paragraphs, whatever their name says (a
// template's "image-meta" around each photo and paragraph, "byline-author" spans of pasted text).
std::unordered_map<std::string, int> box_text_by_class(xmlNode* root) {
    std::unordered_map<std::string, int> out;
    dom::walk(root, [&](xmlNode* n) {
        const Info* i = info(n);
        if (!dom::is_element(n) || i == nullptr || i->skip) return false;
        if (n == root || !i->boxy || i->weight >= 25) return true;
        out[std::string(dom::attr_view(n, "class"))] += i->text;
        return false;
    });
    return out;
}

// A heading that opens the readers' comments after an article: "Comments", "12 Responses to
// ...", "Trackback Pings", "Leave a Reply". What follows it is no article text.
bool opens_comments(const xmlNode* heading) {
    std::string t = text::fold(dom::text(heading, 200));
    std::string_view f = text::trim(t);
    while (!f.empty() && (std::isdigit(static_cast<unsigned char>(f.front())) || f.front() == ' '))
        f.remove_prefix(1);
    while (!f.empty() && !std::isalnum(static_cast<unsigned char>(f.back())))
        f.remove_suffix(1);
    if (f.empty() || f.size() > 60) return false;
    for (std::string_view label :
         {"comments", "responses", "response", "replies", "trackbacks", "pingbacks",
          "trackback pings", "leave a comment", "leave a reply", "post a comment", "add a comment",
          "add new comment", "reader comments", "readers comments", "your comments",
          "join the discussion", "discussion"})
        if (f == label) return true;
    for (std::string_view opening : {"comments on ", "comments to ", "responses to ", "replies to ",
                                     "thoughts on ", "comments for "})
        if (f.starts_with(opening)) return true;
    return false;
}

// A box standing in for the comments' heading: a text-level or block box with no link (an empty
// anchor target is none) and no block inside, named for the comments (<div
// class="comments-head"><a name="comments"></a>Comments</div>).
bool comments_label_box(const xmlNode* n, std::string_view tag) {
    const Info* i = info(n);
    // boxy first: a class or id holding "comment" is always boxy (a boilerplate word), and the
    // test is a flag, where the names below are strings built for every short box.
    if (!i->boxy || i->in_link || i->text > 60) return false; // a left-out box counts no text
    if (tag != "div" && tag != "p" && tag != "span" && tag != "strong" && tag != "b" && tag != "dt")
        return false;
    const dom::Cues c = dom::cues(n);
    std::string names;
    dom::append_lower(names, c.cls);
    names += ' ';
    dom::append_lower(names, c.id);
    if (names.find("comment") == std::string::npos) return false;
    // Read from the tree: a box the strict pass left out has no statistics of its content.
    bool plain = true;
    dom::walk(const_cast<xmlNode*>(n), [&](xmlNode* d) {
        if (d != n && dom::is_element(d) &&
            ((dom::name(d) == "a" && !dom::text(d, 8).empty()) || is_block(dom::name(d))))
            plain = false;
        return plain;
    });
    return plain;
}

// A link inside a sentence, with its parent's text around it ("the president, <a
// class='meta-per'>Benigno Aquino</a>, announced"): its class names what it links to, not a box
// around the article, and leaving it out would cut words from the sentence.
bool in_running_text(const xmlNode* n, std::string_view tag) {
    if (tag != "a") return false;
    const Info* p = info(n->parent);
    return p != nullptr && !p->boxy && p->inline_text > info(n)->text;
}

bool opaque(const xmlNode* n);

// Nothing of the article's text written yet, headings and short lines of links aside (a
// gallery's "Previous 1 / 7 Next", which the top's trimming drops).
bool at_top(const Writer& w) {
    if (!text::trim(w.cur).empty() && (w.cur_links * 2 <= w.cur.size() || w.cur.size() >= 200))
        return false;
    return std::all_of(w.blocks.begin(), w.blocks.end(), [](const Block& b) {
        return b.heading || (b.links > 0.5 && b.text.size() < 120);
    });
}

// A box named like furniture that holds the article's byline, before any of its text ("<p
// class='meta'>Posted on DATE by NAME</p>"): the article's, as a byline above it is.
bool byline_box(const xmlNode* n, const Writer& w) {
    return info(n)->text <= 100 && at_top(w) &&
           byline_block({text::collapse_whitespace(dom::text(n, 200))});
}

// The byline in a box the strict pass leaves out (a <header> holding the post's heading and
// "Posted by NAME on DATE"), before any of the article's text: the outermost element below it
// whose text is a byline; "" when none.
std::string byline_inside(xmlNode* box, const Writer& w) {
    if (!at_top(w) || dom::text(box, 400).size() >= 400) return "";
    std::string found;
    dom::walk(box, [&](xmlNode* n) {
        if (!found.empty() || !dom::is_element(n) || opaque(n)) return false;
        std::string t = text::collapse_whitespace(dom::text(n, 200));
        std::string f = text::fold(t);
        // Stricter than byline_block: "Supported by", "Hosted by SITE" are no bylines.
        if (byline_block({t}) && (f.starts_with("by ") || f.starts_with("posted ") ||
                                  f.starts_with("written by ") || find_date(t).has_value())) {
            found = std::move(t);
            return false;
        }
        return true;
    });
    return found;
}

void write(xmlNode* root, Writer& w, bool lenient) {
    const int root_text = info(root) ? info(root)->text : 0;
    const auto box_text = box_text_by_class(root);
    dom::walk(
        root,
        [&](xmlNode* n) {
            if (w.closed) return false;
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                const Info* p = info(n->parent);
                w.add(dom::node_text(n), p != nullptr && p->in_link);
                return false;
            }
            if (!dom::is_element(n)) return false;
            const Info* i = info(n);
            if (i == nullptr) return false;
            std::string_view tag = dom::name(n);
            // Also when the heading itself is left out (id="comments"): what follows it is theirs.
            if (n != root && !w.blocks.empty() && (is_heading(tag) || comments_label_box(n, tag)) &&
                opens_comments(n)) {
                w.closed = true;
                return false;
            }
            if (i->skip) {
                if (n != root && !opaque(n)) {
                    std::string line = byline_inside(n, w);
                    if (!line.empty()) {
                        w.flush();
                        w.blocks.push_back({std::move(line)});
                    }
                }
                return false;
            }
            if (tag == "br") {
                w.flush(true);
                return false;
            }
            if (tag == "h1" || tag == "figcaption") return false;
            // A box holding most of the article's text is the article, whatever its name says.
            // Leniently (nothing else gave text) only chrome and hidden boxes are left out.
            // A list of three items or more holding a quarter of the article's text is the
            // article's: a post that rounds up links to other stories.
            const bool roundup = (tag == "ul" || tag == "ol") && i->li >= 3 &&
                                 i->text * 4 >= root_text && i->weight >= 0 && !i->boxy &&
                                 !teaser_list(*i);
            if (!lenient && n != root && i->text * 2 < root_text && !roundup) {
                if (drop_container(n, *i) || teaser_list(*i)) return false;
                if (i->boxy && i->weight < 25 && !in_running_text(n, tag)) {
                    auto held = box_text.find(std::string(dom::attr_view(n, "class")));
                    if (held == box_text.end() || held->second * 2 < root_text) {
                        if (byline_box(n, w)) {
                            w.flush();
                            write(n, w, true);
                            w.flush();
                        }
                        return false;
                    }
                }
                if (is_heading(tag) && (link_density(*i) > 0.5 || i->weight < 0)) return false;
                if (link_card(n)) return false;
            }
            // Table cells are joined in their row; every other block is a paragraph.
            if (tag == "td" || tag == "th")
                w.cur += ' ';
            else if (is_block(tag) && tag != "img")
                w.flush();
            return true;
        },
        [&](xmlNode* n) {
            std::string_view tag = dom::name(n);
            if (tag == "td" || tag == "th")
                w.cur += ' ';
            else if (dom::is_element(n) && is_block(tag) && tag != "img")
                w.flush(false, is_heading(tag));
        });
    w.flush();
}

// An h1..h3 not named like furniture (<h3 class="newsByLine">).
bool is_title_heading(const xmlNode* n) {
    std::string_view t = dom::name(n);
    if (t != "h1" && t != "h2" && t != "h3") return false;
    const Info* i = info(n);
    return i == nullptr || (!i->boxy && i->weight >= 0);
}

bool opaque(const xmlNode* n) {
    return dom::is_element(n) && (dom::is_invisible(dom::name(n)) || is_hidden(dom::cues(n)));
}

// The heading that opens the article: the first h1..h3 inside its first box before any text of
// it, else the nearest h1..h3 before the box (document order reversed) with at most `gap`
// characters of text between them (a byline, a date); "" when none. Blogs title each post so
// in an h2 or h3 under the site's h1.
xmlNode* lead_heading(xmlNode* first, bool& inside) {
    constexpr std::size_t gap = 300;
    std::size_t chars = 0;
    xmlNode* found = nullptr;
    dom::walk(first, [&](xmlNode* n) {
        if (found != nullptr || chars > gap) return false;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            chars += text::trim(dom::node_text(n)).size();
            return false;
        }
        if (!dom::is_element(n) || opaque(n)) return false;
        if (is_title_heading(n)) {
            found = n;
            return false;
        }
        return true;
    });
    inside = true;
    if (found != nullptr && chars <= gap) return found;
    inside = false;
    chars = 0;
    for (xmlNode* n = first; chars <= gap;) {
        if (n->prev == nullptr) {
            n = n->parent;
            if (is_root_like(n)) return nullptr;
            continue;
        }
        n = n->prev;
        while (true) {
            if (is_title_heading(n)) return n;
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                chars += text::trim(dom::node_text(n)).size();
                break;
            }
            if (!dom::is_element(n) || opaque(n) || n->last == nullptr) break;
            n = n->last;
        }
    }
    return nullptr;
}

// The lines between the heading above the article and the article's first box, written
// leniently (only chrome and hidden boxes left out: an author's name is linked in a box named
// "author").
std::vector<Block> lines_between(xmlNode* heading, xmlNode* first) {
    Writer w;
    auto next_after = [](xmlNode* n) {
        while (n != nullptr && n->next == nullptr)
            n = n->parent;
        return n != nullptr ? n->next : nullptr;
    };
    auto holds = [](const xmlNode* box, const xmlNode* n) {
        for (; n != nullptr; n = n->parent)
            if (n == box) return true;
        return false;
    };
    for (xmlNode* n = next_after(heading); n != nullptr && n != first;) {
        if (holds(n, first)) {
            w.flush();
            n = n->children;
            continue;
        }
        if (n->type == XML_TEXT_NODE)
            w.add(dom::node_text(n), false);
        else if (dom::is_element(n) && info(n) != nullptr && !info(n)->skip && !opaque(n)) {
            w.flush();
            write(n, w, true);
        }
        n = next_after(n);
    }
    w.flush();
    return w.blocks;
}

std::string heading_near(const Analysis& a, xmlNode* top) {
    const Info* ti = info(top);
    xmlNode* best = nullptr;
    for (xmlNode* h : a.h1s) {
        const Info* hi = info(h);
        if (hi->order >= ti->order && hi->order <= ti->end_order) return dom::text(h, 2000);
        if (hi->order < ti->order) best = h;
    }
    if (best == nullptr && !a.h1s.empty()) best = a.h1s.front();
    return best ? dom::text(best, 2000) : "";
}

int body_chars(const std::vector<std::string>& ps) {
    int n = 0;
    for (const auto& p : ps)
        n += static_cast<int>(p.size());
    return n;
}

// A pass's content and what its top candidate was.
struct Pass {
    Content content;
    double score = 0; // the top candidate's final score
};

Pass run(xmlNode* root, std::string_view title, bool strict, bool lenient, NameCache& names) {
    clear_private(root);
    thread_local Analysis a;
    a.clear();
    analyse(root, strict, a, names);
    score(a);
    Pass pass;
    Content& out = pass.content;
    xmlNode* top = pick_top(a);
    if (top == nullptr) {
        clear_private(root);
        return pass;
    }
    pass.score = final_score(top);
    Writer w;
    const auto parts = add_cousins(top, gather(top));
    for (xmlNode* part : parts) {
        write(part, w, lenient);
    }
    out.heading = heading_near(a, top);
    std::vector<Block> bylines;
    if (!parts.empty()) {
        bool inside = false;
        if (xmlNode* lead = lead_heading(parts.front(), inside); lead != nullptr) {
            out.lead_heading = text::collapse_whitespace(dom::text(lead, 2000));
            if (!inside)
                for (auto& b : lines_between(lead, parts.front()))
                    if (byline_block(b)) bylines.push_back(std::move(b));
        }
    }
    trim_ends(w.blocks);
    w.blocks.insert(w.blocks.begin(), std::make_move_iterator(bylines.begin()),
                    std::make_move_iterator(bylines.end()));
    drop_repeats(w.blocks);
    for (auto& b : w.blocks)
        out.paragraphs.push_back(std::move(b.text));
    std::string t = fold_compact(title);
    std::string h = fold_compact(out.heading);
    while (!out.paragraphs.empty()) {
        std::string f = fold_compact(out.paragraphs.front());
        if (f.empty() || (!t.empty() && f == t) || (!h.empty() && f == h))
            out.paragraphs.erase(out.paragraphs.begin());
        else
            break;
    }
    clear_private(root);
    return pass;
}

} // namespace

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += "\n\n";
        out += p;
    }
    return out;
}

Content find_content(xmlDoc* doc, std::string_view title) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root == nullptr) return {};
    thread_local NameCache names;
    names.clear();
    Pass strict = run(root, title, true, false, names);
    const int strict_chars = body_chars(strict.content.paragraphs);
    if (strict_chars >= 500) return strict.content;
    Pass relaxed = run(root, title, false, false, names);
    relaxed.content.relaxed = true;
    // The relaxed pass reads boxes named like chrome (comments, sidebars, widgets): more text
    // there beats a short article only when its candidate scores clearly higher.
    const bool strict_stands = strict_chars > 0 && relaxed.score < 1.5 * strict.score;
    if (!strict_stands && body_chars(relaxed.content.paragraphs) > strict_chars)
        return relaxed.content;
    if (strict_chars > 0) return strict.content;
    // The best candidate holds only boxes named like furniture or cleaned away: it is still the
    // best there is.
    Pass lenient = run(root, title, true, true, names);
    lenient.content.relaxed = true;
    return lenient.content;
}

} // namespace dateline::extract
