// Entity-aware free text: a query word, a run of plain words or a whole "phrase" that is an alias
// of a known entity (the bundled gazetteer, analyzers/entities) also matches the articles tagged
// with that entity (its K term), so "putin" finds the articles saying "Putin" and those tagged
// "Vladimir Putin" that only say "Путин" or "President Vladimir Vladimirovich Putin".
//
// Which aliases: the unflagged ones (not marked ambiguous, common word or demonym in the
// gazetteer) that are written as names there (a capital letter: "yen", a lower-case clue for
// Japan, is not one), case-insensitively except all-capitals aliases such as "US", which must be
// typed in capitals; the longest run of plain words wins ("new york" before "york"); words in a
// phrase count only when the whole phrase is the alias; fields, wildcards, NEAR/ADJ operands, and
// words or phrases glued to other text (punctuation, a quote) are left alone. Only entities
// tagged in the database count.
//
// How: mark_entity_aliases() rewrites each such alias in the query text into a hidden free-text
// field (entity_words_field / entity_phrase_field, the alias hex-encoded) whose
// EntityAliasProcessor turns it into
//     text  OR  (tag terms, weighted by a FixedWeightPostingSource)
// where `text` is what the parser makes of the alias alone and the fixed weight is half the least
// BM25 weight `text` can give an article containing it (Xapian's BM25 defaults, the database's
// longest document): an article that says the word always ranks above one only tagged, and a
// tagged one that says it gains a little.
#pragma once

#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::query {

inline constexpr std::string_view entity_words_field = "xdlentw";  // plain words: AND of words
inline constexpr std::string_view entity_phrase_field = "xdlentp"; // a quoted phrase

// The K terms of the entities `words` (as typed) is an unflagged alias of, and that are in db.
std::vector<std::string> entity_tag_terms(const Xapian::Database& db,
                                          const std::vector<std::string_view>& words);

// The query text with every entity alias (see above) replaced by a hidden field; unchanged when
// there is none, and for a query with a NEAR or ADJ operator (the tag terms have no positions).
std::string mark_entity_aliases(const Xapian::Database& db, std::string_view text);

// Half the least BM25 weight (k1 = 1, b = 0.5, min_normlen = 0.5) that a document containing
// every term of `terms` gets from them; 1 when none of them is in db.
double least_bm25_share(const Xapian::Database& db, const std::vector<std::string>& terms);

// The field processor of the two hidden fields. `text_parser` parses the alias text as the main
// parser would (same stemmer, stopper and default operator, no hidden fields).
class EntityAliasProcessor final : public Xapian::FieldProcessor {
  public:
    EntityAliasProcessor(const Xapian::Database& db, Xapian::QueryParser text_parser, bool phrase)
        : db_(db), text_parser_(std::move(text_parser)), phrase_(phrase) {}
    Xapian::Query operator()(const std::string& encoded) override;

  private:
    Xapian::Database db_;
    Xapian::QueryParser text_parser_;
    bool phrase_;
};

} // namespace dateline::query
