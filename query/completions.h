// Completions for a search box (GET /api/suggest): names that start with what the user typed.
// Entity tags (person, organization, place), other tags and sources match when the prefix
// starts any word of their name ("put" -> Vladimir Putin), case- and accent-insensitively
// (text::fold); words of the index match from their first letter. Entities, tags and sources
// come first, most articles first; then words, most articles first.
//
// Trade-off: names are read once per database revision into a sorted list of their words'
// folded forms (CompletionIndex, a few MB for tens of thousands of tags), so a key press costs a
// binary search and a short scan; words come from the term list, scanning at most
// `word_scan_limit` index terms after the prefix (the most frequent of those win), so a
// one-letter prefix costs no more than a longer one.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

struct Completion {
    std::string kind;           // person, organization, place, tag, source or word
    std::string label;          // what to show: "Vladimir Putin"
    std::string value;          // the index value: "vladimir putin"
    Xapian::doccount count = 0; // articles
    std::string query;          // the text for the search box: person:"vladimir putin"
};

inline constexpr std::size_t word_scan_limit = 2000;

// The names of one database revision, for completion.
class CompletionIndex {
  public:
    explicit CompletionIndex(Xapian::Database& db);
    // Up to `limit` names whose words start with the folded `prefix`.
    std::vector<Completion> names(std::string_view prefix, std::size_t limit) const;

  private:
    std::vector<Completion> entries_;
    std::vector<std::pair<std::string, std::uint32_t>> words_; // folded word -> entry, sorted
};

// Completions for `prefix` (at most `limit`): names first, then words. Keeps one CompletionIndex
// per thread for the newest database revision it saw. Throws DbError.
std::vector<Completion> complete(Xapian::Database& db, std::string_view prefix,
                                 std::size_t limit = 10);

} // namespace dateline::query
