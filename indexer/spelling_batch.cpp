#include "spelling_batch.h"

#include <algorithm>

namespace dateline {

void SpellingBatch::add(const std::vector<SpellingWord>& words) {
    for (const auto& w : words)
        counts_[w.word] += w.count;
}

void SpellingBatch::flush_into(Xapian::WritableDatabase& db) {
    std::vector<std::pair<std::string, Xapian::termcount>> sorted(counts_.begin(), counts_.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [word, count] : sorted)
        db.add_spelling(word, count);
    counts_.clear();
}

} // namespace dateline
