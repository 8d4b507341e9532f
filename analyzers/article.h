// The Article: one news article as Dateline understands it, from extraction to the index.
// Every stage (sources, extraction, analysis, document building, --emit) speaks this record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dateline {

// A point in time in UTC, with the precision the input actually stated.
struct Timestamp {
    enum class Precision { day, time };
    std::int64_t seconds = 0; // Unix seconds, UTC
    Precision precision = Precision::time;

    friend bool operator==(const Timestamp&, const Timestamp&) = default;
};

enum class EntityType { person, organization, place, other };

// A named entity the article is about, by its canonical name.
struct Entity {
    std::string name; // canonical name, e.g. "Vladimir Putin"
    EntityType type = EntityType::other;
    int count = 0;       // mentions in the article
    std::string country; // ISO 3166-1 alpha-2 for places that are or lie in a country, else empty
    // The article is about it (the tag facet); false: a place named in passing, or a common noun
    // read as a name ("полиции"). Either way person:, org:, place: match it.
    bool salient = true;

    friend bool operator==(const Entity&, const Entity&) = default;
};

// One place in the article where an entity is named. Offsets are UTF-8 byte offsets into the
// analyzed field (after analysis has cleaned it), [start, end); `text` is field.substr(start,
// end - start), exactly as written ("Путина", "Reagan" without a possessive 's).
struct EntityMention {
    std::string field; // "title", "description" or "body"
    std::size_t start = 0, end = 0;
    std::string text;
    EntityType type = EntityType::other;
    std::string entity; // the canonical name, as in Article::entities

    friend bool operator==(const EntityMention&, const EntityMention&) = default;
};

struct Article {
    std::string id; // given id, else canonical URL, else content hash (see finalize_id)
    std::string url;
    std::string source;    // publisher name, e.g. "News24"
    std::string source_id; // stable slug, e.g. "news24"
    std::string title;
    std::string description;
    std::vector<std::string> authors;
    std::optional<Timestamp> published;
    std::optional<Timestamp> updated;
    std::string language; // ISO 639-1, e.g. "en"
    std::string section;
    std::vector<std::string> tags;       // publisher keywords, as given
    std::vector<Entity> entities;        // salient first; see Entity::salient
    std::vector<EntityMention> mentions; // in field order, then by offset
    std::string body;                    // main text, paragraphs separated by blank lines

    friend bool operator==(const Article&, const Article&) = default;
};

const char* entity_type_name(EntityType type);                      // "person", "organization", ...
std::optional<EntityType> parse_entity_type(std::string_view name); // also "org", "place"

} // namespace dateline
