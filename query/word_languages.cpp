#include "word_languages.h"

#include "analyzers/language.h"
#include "analyzers/schema.h"
#include "analyzers/stopwords.h"
#include "fast_words.h" // bm25_term_weight
#include "stem_cache.h"

#include <algorithm>

namespace dateline::query {

WordLanguages::WordLanguages(std::string_view language) {
    add(std::string(language), 0);
}

WordLanguages::WordLanguages(const Xapian::Database& db) {
    const std::string prefix(schema::prefix::language);
    const Xapian::doccount documents = db.get_doccount();
    std::vector<std::pair<std::string, Xapian::doccount>> found;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const Xapian::doccount articles = it.get_termfreq();
        // A language of fewer than 1 in min_share_denominator articles is a stray (header).
        if (static_cast<double>(articles) * min_share_denominator < documents) continue;
        found.emplace_back((*it).substr(prefix.size()), articles);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (auto& [code, articles] : found)
        add(std::move(code), articles);
    if (languages_.empty()) add("en", 0);
}

void WordLanguages::add(std::string code, Xapian::doccount articles) {
    Language l;
    l.stem = cached_stem(code);
    l.stopwords = stopwords::for_language(code);
    l.code = std::move(code);
    l.articles = articles;
    languages_.push_back(std::move(l));
}

std::vector<std::size_t> WordLanguages::candidates(std::string_view word) const {
    std::vector<std::size_t> out;
    if (languages_.size() > 1) {
        const language::Script script = language::script_of_word(word);
        for (std::size_t i = 0; i < languages_.size(); ++i)
            if (language::written_in(languages_[i].code, script)) out.push_back(i);
    }
    if (out.empty())
        for (std::size_t i = 0; i < languages_.size(); ++i)
            out.push_back(i);
    return out;
}

std::vector<WordLanguages::Stem> WordLanguages::stems(const std::string& word) const {
    std::vector<Stem> out;
    if (languages_.size() == 1) {
        out.push_back({languages_.front().stem(word), {}});
        return out;
    }
    const auto chosen = candidates(word);
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const Language& l = languages_[chosen[k]];
        if (k > 0 && std::find(l.stopwords.begin(), l.stopwords.end(), word) != l.stopwords.end())
            continue; // a stopword of this language means nothing in its articles
        std::string stem = l.stem(word);
        auto same =
            std::find_if(out.begin(), out.end(), [&](const Stem& s) { return s.stem == stem; });
        if (same == out.end()) {
            Stem s{std::move(stem), {}, 0};
            if (k > 0) s.only.push_back(l.code), s.articles = l.articles;
            out.push_back(std::move(s));
        } else if (same != out.begin()) { // the primary stem matches every article already
            same->only.push_back(l.code);
            same->articles += l.articles;
        }
    }
    return out;
}

double WordLanguages::language_weight(const Xapian::Database& db, const std::string& term,
                                      const Stem& stem) {
    if (stem.only.empty()) return 1.0;
    const double documents = db.get_doccount();
    const double termfreq = db.get_termfreq(term);
    const double all = bm25_term_weight(documents, termfreq);
    if (all <= 0) return 1.0;
    const double own = bm25_term_weight(stem.articles, std::min<double>(termfreq, stem.articles));
    return std::clamp(own / all, 0.0, 1.0);
}

bool WordLanguages::is_stopword(std::string_view word) const {
    const Language& primary = languages_[languages_.size() == 1 ? 0 : candidates(word).front()];
    return std::find(primary.stopwords.begin(), primary.stopwords.end(), word) !=
           primary.stopwords.end();
}

const Xapian::Stem& WordLanguages::stem_for(std::string_view language) const {
    for (const auto& l : languages_)
        if (l.code == language) return l.stem;
    return languages_.front().stem;
}

std::vector<std::string> WordLanguages::languages() const {
    std::vector<std::string> out;
    for (const auto& l : languages_)
        out.push_back(l.code);
    return out;
}

} // namespace dateline::query
