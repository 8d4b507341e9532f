// The Article: one news article as Dateline understands it, from extraction to the index.
// Every stage (sources, extraction, analysis, document building, --emit) speaks this record.
#pragma once

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

    friend bool operator==(const Entity&, const Entity&) = default;
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
    std::vector<std::string> tags; // publisher keywords, as given
    std::vector<Entity> entities;
    std::string body; // main text, paragraphs separated by blank lines

    friend bool operator==(const Article&, const Article&) = default;
};

const char* entity_type_name(EntityType type);                      // "person", "organization", ...
std::optional<EntityType> parse_entity_type(std::string_view name); // also "org", "place"

} // namespace dateline
