// The languages a query word is stemmed and stopped for. The indexer stems each article with its
// own language's stemmer into the one unprefixed "Z" namespace (indexer/document_builder.cpp) and
// records the language as the boolean term "L" + code (analyzers/schema.h), so a German article
// holds "Zsanktion" for "Sanktionen" and a Russian one "Zсанкц" for "санкциями".
//
// With --lang LANGUAGE every word is that language's (stems, stopwords): as before.
// Without it (automatic), the archive's languages are its "L" terms with their article counts,
// and each word is searched in the languages its script allows (analyzers/language.h): a
// Cyrillic word in the Cyrillic languages of the archive, a Latin one in its Latin-script
// languages; a word of no known script (digits, mixed), or of a script no language of the
// archive is written in, in all of them. Of those candidates, the one with the most articles is
// the word's primary language:
//   - its stem matches any article, exactly as --lang PRIMARY does (no filter);
//   - every other candidate's stem, where it differs, matches only articles of that language
//     (FILTER "L" + code), its weight scaled by language_weight(), and an article takes the best
//     of the stems it matches (OP_MAX), so a word weighs once, as one term.
//   - stopwords are the primary language's; a word that is a stopword of another candidate
//     brings no stem of that one.
// Trade-off (the weighting): an article of the primary language can only match the primary stem,
// so its weight, and the order of such articles, is exactly what --lang PRIMARY gives (English
// queries on an English archive rank as before). An article of another language matching its
// own stem weighs what it would in an archive of that language's articles alone: the stem's BM25
// term weight is scaled by idf(articles of the language, term frequency) / idf(all articles,
// term frequency). Unscaled, a stem found in a small language only is rare in the archive and
// its few articles jump to the top of English queries (on Reuters, one "fr" article went first
// for "shares", "+government"...). The primary stem keeps the whole archive's statistics, as
// --lang does. And a language of fewer than 1 in min_share_denominator articles is not searched
// by its own stems at all (a stray identification: Reuters-21578 holds 2 "fr" and 1 "it" among
// 20,841 English articles; with them 16 of the 1,200 battery queries gained an article in their
// totals); --lang reaches such a language. Measured on Reuters plus the 1,028 German articles of
// 10kGNAD's test set: the 1,200 battery queries rank their English articles exactly as with
// --lang en; 26 find German articles too, 16 with one in their top 20 (German articles quoting
// English: "share" for `shares`), since a German article weighs as in a German archive.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

inline constexpr Xapian::doccount min_share_denominator = 1000;

class WordLanguages {
  public:
    // One stem of a word, and the languages whose articles it may match (empty: every article).
    struct Stem {
        std::string stem;
        std::vector<std::string> only; // language codes
        Xapian::doccount articles = 0; // of the languages in `only`
    };

    // --lang LANGUAGE ("none": words as they are): that language for every word.
    explicit WordLanguages(std::string_view language);
    // Automatic: the languages of db (English for an archive that records none).
    explicit WordLanguages(const Xapian::Database& db);

    // The stems of a (lower-case) word: the primary language's first, then the others that differ.
    std::vector<Stem> stems(const std::string& word) const;
    // The factor a stem's weight is scaled by (see above): 1 for the primary stem; for another
    // language's, idf within its articles / idf in db, term being the stem as a term of db.
    static double language_weight(const Xapian::Database& db, const std::string& term,
                                  const Stem& stem);
    // Whether a (lower-case) word is a stopword of its primary language.
    bool is_stopword(std::string_view word) const;
    // The stemmer for an article's text in `language` (snippets highlight with it): that
    // language's when automatic and the archive has it, else the fixed or main one.
    const Xapian::Stem& stem_for(std::string_view language) const;
    // The archive's languages by article count, most first (the fixed one with --lang).
    std::vector<std::string> languages() const;

  private:
    struct Language {
        std::string code;
        Xapian::doccount articles = 0;
        Xapian::Stem stem;
        std::span<const std::string_view> stopwords;
    };
    void add(std::string code, Xapian::doccount articles);
    // The candidates of a word, primary first (indexes into languages_).
    std::vector<std::size_t> candidates(std::string_view word) const;

    std::vector<Language> languages_; // by articles, most first; never empty
};

} // namespace dateline::query
