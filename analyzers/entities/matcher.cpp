#include "matcher.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace dateline::entities {

namespace {

// Short words that are also abbreviations ("US", "IT"): in a line written in capitals they are
// far more often the word, so all-caps aliases spelled like them are not matched there.
bool common_short_word(std::string_view key) {
    static constexpr std::array<std::string_view, 30> words = {
        "us", "it", "in", "on", "at", "or", "no", "so", "am", "an", "as", "be", "do", "go", "he",
        "if", "is", "me", "my", "of", "to", "up", "we", "hi", "oh", "ok", "ad", "id", "ma", "pa"};
    return std::find(words.begin(), words.end(), key) != words.end();
}

} // namespace

bool case_matches(const std::vector<Word>& words, std::size_t begin, const AliasTarget& target) {
    for (std::size_t i = 0; i < target.words; ++i) {
        const Word& w = words[begin + i];
        switch (target.rule(i)) {
        case CaseRule::any:
            break;
        case CaseRule::capitalized:
            if (w.shape != Shape::capitalized && w.shape != Shape::upper) return false;
            break;
        case CaseRule::upper:
            if (w.shape != Shape::upper) return false;
            if (w.caps_line && target.words == 1 && common_short_word(w.key)) return false;
            break;
        }
    }
    if (words[begin].caps_line && (target.flags & (needs_context | common_word))) return false;
    return true;
}

std::vector<Mention> match_aliases(const std::vector<Word>& words, const Gazetteer& gazetteer) {
    std::vector<Mention> mentions;
    std::vector<AliasTarget> passing;
    for (std::size_t i = 0; i < words.size();) {
        std::uint32_t node = Gazetteer::root();
        std::size_t best_end = 0;
        Mention best;
        for (std::size_t j = i; j < words.size(); ++j) {
            if (j > i && !words[j].joins_previous) break;
            node = gazetteer.child(node, words[j].key);
            if (node == Gazetteer::npos) break;
            auto targets = gazetteer.targets(node);
            if (targets.empty()) continue;
            passing.clear();
            for (const auto& t : targets)
                if (case_matches(words, i, t)) passing.push_back(t);
            if (!passing.empty()) {
                best_end = j + 1;
                best.candidates = passing;
            }
        }
        if (best_end == 0) {
            ++i;
            continue;
        }
        best.begin = i;
        best.end = best_end;
        mentions.push_back(std::move(best));
        i = best_end;
    }
    return mentions;
}

} // namespace dateline::entities
