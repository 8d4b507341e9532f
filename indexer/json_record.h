// JSON Lines records -> Articles. Input corpora name their fields differently, so a FieldMap says
// which input fields feed each Article field (`--field tags=topics,places,people,orgs`).
#pragma once

#include "analyzers/article.h"

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dateline {

// A record that cannot become an article; the message says why ("invalid JSON: ...").
class RecordError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class FieldMap {
  public:
    // Every Article field reads the input field of the same name.
    FieldMap();

    // "tags=topics,places" maps Article field `tags` from input fields topics and places. Lists
    // (authors, tags) are concatenated; so are the text fields body and description, as paragraphs
    // ("body=dateline,body" keeps a wire story's dateline); for the other fields the first
    // non-empty input wins. Throws std::invalid_argument for unknown Article fields or an empty
    // list.
    void set(std::string_view assignment);

    const std::vector<std::string>& inputs_for(const std::string& field) const;

    // The Article fields a record may fill: id url title description body source published updated
    // authors tags language section.
    static const std::vector<std::string>& article_fields();

  private:
    std::map<std::string, std::vector<std::string>> map_;
};

// How deeply a record's arrays and objects may nest (a real record needs 3 or 4 levels).
inline constexpr std::size_t max_json_depth = 64;

// Parses one JSON Lines record into an Article (not analyzed yet). Throws RecordError for invalid
// JSON (NUL bytes and invalid UTF-8 are named with their byte position), nesting deeper than
// max_json_depth, a record that is not an object, one with neither title nor body, or an
// unparseable date.
Article article_from_record(std::string_view line, const FieldMap& fields);

} // namespace dateline
