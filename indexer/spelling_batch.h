// Spelling words gathered over a batch of documents: one add_spelling per distinct word per commit,
// with its summed count, in word order (neighbouring keys of the spelling table), instead of one
// call per occurrence as TermGenerator::FLAG_SPELLING makes.
#pragma once

#include "indexer/document_builder.h"

#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace dateline {

class SpellingBatch {
  public:
    void add(const std::vector<SpellingWord>& words);
    // Adds every gathered word to `db`'s spelling table (part of its next commit) and forgets them.
    void flush_into(Xapian::WritableDatabase& db);
    bool empty() const { return counts_.empty(); }

  private:
    std::unordered_map<std::string, Xapian::termcount> counts_;
};

} // namespace dateline
