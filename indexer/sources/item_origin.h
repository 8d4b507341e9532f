// What every reader is told about its input: the origin to put in RawItem::origin (a path,
// "-", or "archive.tar:inner/path") and the reference time of its items (--fetched-at, else the
// file's or the archive member's modification time). Plus the small helpers the structured
// readers (feeds, NITF, NewsML-G2) share to fill an Article.
#pragma once

#include "analyzers/article.h"
#include "analyzers/dates.h"
#include "analyzers/text.h"
#include "indexer/raw_item.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace dateline {

struct ItemOrigin {
    std::string origin;
    std::optional<Timestamp> fetched_at;

    std::string location(const std::string& record) const {
        return record.empty() ? origin : origin + ":" + record;
    }
};

// A RawItem of `kind` from this origin: record number or id `record` ("" for a whole file) and
// `content` (a JSON record, a page; empty for Kind::article).
inline RawItem raw_item(const ItemOrigin& from, RawItem::Kind kind, std::string record,
                        std::string content) {
    RawItem item;
    item.kind = kind;
    item.origin = from.origin;
    item.record = std::move(record);
    item.content = std::move(content);
    item.fetched_at = from.fetched_at;
    return item;
}

// A RawItem of Kind::article carrying `article`.
inline RawItem article_item(const ItemOrigin& from, std::string record, Article article) {
    RawItem item = raw_item(from, RawItem::Kind::article, std::move(record), {});
    item.url = article.url;
    item.article = std::move(article);
    return item;
}

// A field value that is not usable (e.g. an unparseable date): the item is rejected with the
// message.
class ItemError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Appends `value` (white space collapsed) unless it is empty or already there, ignoring case.
inline void add_unique(std::vector<std::string>& list, std::string_view value) {
    std::string v = text::collapse_whitespace(value);
    if (v.empty()) return;
    std::string folded = text::fold_case(v);
    for (const auto& have : list)
        if (text::fold_case(have) == folded) return;
    list.push_back(std::move(v));
}

// Parses the date in `value` (empty -> nullopt); throws ItemError naming `field` when it is not a
// date.
inline std::optional<Timestamp> date_field(std::string_view field, std::string_view value) {
    std::string v = text::collapse_whitespace(value);
    if (v.empty()) return std::nullopt;
    if (auto ts = dates::parse(v)) return ts;
    throw ItemError("unparseable " + std::string(field) + " '" + v + "'");
}

// "en-US" -> "en"; "" stays "".
inline std::string language_code(std::string_view tag) {
    std::string t = text::fold_case(text::trim(tag));
    auto cut = t.find_first_of("-_");
    if (cut != std::string::npos) t.resize(cut);
    return t.size() == 2 ? t : std::string();
}

} // namespace dateline
