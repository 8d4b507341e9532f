// Article -> Xapian::Document, by the schema in analyzers/schema.h. The only place that writes
// terms. Not thread-safe: one builder per worker thread (it keeps a TermGenerator and stemmers).
#pragma once

#include "analyzers/article.h"

#include <map>
#include <string>
#include <vector>
#include <xapian.h>

namespace dateline {

class DocumentBuilder {
  public:
    DocumentBuilder();

    // Free text (title weighted up, title also as S, description, body; authors as A) stemmed in
    // the article's language with positions; boolean terms Q XS H K XP XO XL L D M Y; value slots;
    // document data = the article as JSON. Slot content_hash fingerprints all of it.
    Xapian::Document build(const Article& article);

  private:
    const Xapian::Stem& stem_for(const std::string& language);

    Xapian::TermGenerator generator_;
    std::map<std::string, Xapian::Stem> stems_;
};

// A word for Xapian's spelling table and its number of occurrences in one article.
struct SpellingWord {
    std::string word;
    Xapian::termcount count = 0;
    friend bool operator==(const SpellingWord&, const SpellingWord&) = default;
};

// The spelling words of a built document: its unprefixed terms (the title, description and body
// words as the TermGenerator indexed them: lower-cased, unstemmed) that are all letters and at
// least 3 characters long, each with its number of positions. Numbers and words with digits or
// punctuation (don't, at&t) are left out. Sorted by word.
std::vector<SpellingWord> spelling_words(const Xapian::Document& doc);

// The display tags of an article (slot tags, K terms): publisher tags as given, then entity
// canonical names, de-duplicated case-insensitively.
std::vector<std::string> display_tags(const Article& article);

} // namespace dateline
