// The index schema: term prefixes, value slots, query fields and metadata keys.
// The indexer writes by it and the query side reads by it; nothing else names a prefix or a slot.
// See "Index schema" in ../shared/DESIGN.md.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace dateline::schema {

// Bumped whenever terms, values or document data change meaning; stored in the database metadata.
inline constexpr int version = 1;
inline constexpr std::string_view version_key = "dateline:schema_version";
inline constexpr std::string_view settings_key = "dateline:analyzer_settings";
// Ingestion state: one key per input file, "dateline:input:" + absolute path.
inline constexpr std::string_view input_state_prefix = "dateline:input:";

// Spelling table (Xapian's, for spelling suggestions): every article's title, description and body
// words as the TermGenerator indexes them unprefixed (lower-cased, unstemmed), letters only, at
// least 3 characters, with their number of occurrences (indexer/document_builder.h spelling_words).
// No prefixed terms, no numbers. Databases written before it have an empty spelling table.

namespace prefix {
inline constexpr std::string_view title = "S";
inline constexpr std::string_view author = "A";
inline constexpr std::string_view id = "Q";
inline constexpr std::string_view source = "XS";
inline constexpr std::string_view site = "H";
inline constexpr std::string_view tag = "K"; // publisher keywords and salient entity names
// Publisher keywords and annotation slugs only (Article::tags): never people, organizations or
// places. Databases written before it have no keyword terms (an empty keyword facet).
inline constexpr std::string_view keyword = "XK";
inline constexpr std::string_view person = "XP";
inline constexpr std::string_view organization = "XO";
inline constexpr std::string_view place = "XL";
inline constexpr std::string_view language = "L";
inline constexpr std::string_view day = "D";
inline constexpr std::string_view month = "M";
inline constexpr std::string_view year = "Y";
inline constexpr std::string_view cluster = "XC";
inline constexpr std::string_view input = "XI"; // the input file an article came from (internal)
inline constexpr std::string_view exact_text = "XF"; // fingerprint::exact of the body (internal)
inline constexpr std::string_view story = "XT";      // the near-duplicate cluster id (slot cluster)
} // namespace prefix

namespace slot {
inline constexpr Xapian::valueno published = 0; // sortable_serialise(unix seconds)
inline constexpr Xapian::valueno source = 1;    // source id
inline constexpr Xapian::valueno tags = 2;      // encode_list() of display tags
inline constexpr Xapian::valueno cluster = 3;   // near-duplicate cluster id (collapse key)
inline constexpr Xapian::valueno language = 4;  // ISO 639-1
inline constexpr Xapian::valueno content_hash =
    5;                                        // hash of the analyzed article: unchanged detection
inline constexpr Xapian::valueno minhash = 6; // fingerprint::encode(minhash) of the body
inline constexpr Xapian::valueno day = 7;     // day_value(): the published day, for histograms
} // namespace slot

// Facet lists, for searches that must run on Xapian's built-in classes (remote shards, served by
// stock xapian-tcpsrv, know no custom MatchSpy): each multi-valued facet's values of a document
// in one slot, as encode_list(), so that one ValueCountMatchSpy counts the distinct lists among
// the matches and each list's count goes to each of its values, exactly (a document holds a value
// once). Slot tags (above) is the tag facet's; the list slots hold the values of the XP XO XL H XK
// terms (without prefix) in term order, for person, org, place, site and keyword.
// Trade-off: one value per facet and document (a remote document fetch sends every value, one
// message each), against a spy result as large as the distinct lists among the matches (about one
// per match). Databases written before the list slots (by builds that spread each value over a
// slot of its own, 64-447) need dateline-index --force for these facets on remote shards.
struct ListSlot {
    std::string_view name;   // the facet
    std::string_view prefix; // the term prefix whose values the slot lists
    Xapian::valueno slot;
};
std::span<const ListSlot> list_slots();
// The list slot of a term prefix; nullptr when none.
const ListSlot* list_slot(std::string_view prefix);

// The value of slot day: the day (floor of Unix seconds / 86400) as decimal text.
std::string day_value(double unix_seconds);

// One query field: the name users type, the term prefix, and how it is matched.
struct Field {
    std::string_view name;   // e.g. "title"
    std::string_view prefix; // e.g. "S"
    enum class Kind { free_text, boolean, boolean_all } kind;
    // boolean: several values of the field are OR-ed (source:a source:b = either);
    // boolean_all: every value must match (tag:a tag:b = both).
};

// Every query field but date: (a range, handled by a range processor on slot::published).
std::span<const Field> fields();
inline constexpr std::string_view date_field = "date";

// The weight of title words relative to body words (wdf increment per title occurrence).
inline constexpr Xapian::termcount title_weight = 3;

// Boolean term values: lower-cased, white space collapsed, so "Vladimir Putin" -> "Kvladimir
// putin". Terms are capped at Xapian's limit (long values keep a prefix of themselves plus a hash).
std::string boolean_term(std::string_view prefix, std::string_view value);
// A value folded as boolean_term folds it (uncapped): what facets key tags and entities by.
std::string fold_value(std::string_view value);

// The unique id term: "Q" + the id exactly as given (ids are case-sensitive), capped like above.
std::string id_term(std::string_view id);

// The term a query field value stands for: id_term for the id field, boolean_term otherwise.
// The query side must build filter terms with this so that they equal what the indexer wrote.
std::string field_term(const Field& field, std::string_view value);

// The companion of a stub that lists remote shards: a local database beside the stub holding what
// Xapian 1.4's remote backend does not serve (the spelling table), filled by `dateline-index --db
// STUB INPUTS` and read with the stub by the query side. `stub_file` is the stub itself:
// "DIR/XAPIANDB" (a stub folder) has "DIR/companion", any other file F has "F.companion".
std::string companion_path(std::string_view stub_file);

// Multi-valued slots (tags) as one string: each item length-prefixed. Lossless for any bytes.
std::string encode_list(std::span<const std::string> items);
std::vector<std::string> decode_list(std::string_view encoded);

} // namespace dateline::schema
