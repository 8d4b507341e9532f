#include "article_json.h"

#include "dates.h"

namespace dateline {

const char* entity_type_name(EntityType type) {
    switch (type) {
    case EntityType::person:
        return "person";
    case EntityType::organization:
        return "organization";
    case EntityType::place:
        return "place";
    case EntityType::other:
        break;
    }
    return "other";
}

std::optional<EntityType> parse_entity_type(std::string_view name) {
    if (name == "person") return EntityType::person;
    if (name == "organization" || name == "org") return EntityType::organization;
    if (name == "place") return EntityType::place;
    if (name == "other") return EntityType::other;
    return std::nullopt;
}

namespace {

nlohmann::json date_json(const std::optional<Timestamp>& ts) {
    return ts ? nlohmann::json(dates::format_iso(*ts)) : nlohmann::json(nullptr);
}

std::optional<Timestamp> date_from_json(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return dates::parse(it->get<std::string>());
}

std::string string_field(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Entity entity_from_json(const nlohmann::json& je, bool salient) {
    Entity e;
    e.name = string_field(je, "name");
    e.type = parse_entity_type(string_field(je, "type")).value_or(EntityType::other);
    e.count = je.value("count", 0);
    e.country = string_field(je, "country");
    e.salient = salient;
    return e;
}

EntityMention mention_from_json(const nlohmann::json& jm) {
    EntityMention m;
    m.field = string_field(jm, "field");
    m.start = jm.value("start", std::size_t{0});
    m.end = jm.value("end", std::size_t{0});
    m.text = string_field(jm, "text");
    m.type = parse_entity_type(string_field(jm, "type")).value_or(EntityType::other);
    m.entity = string_field(jm, "entity");
    return m;
}

} // namespace

// Salient entities go to "entities" (what scorers and the tag facet read), places named in passing
// to "passing"; article_from_json restores the flag from the array.
nlohmann::json to_json(const Article& a) {
    nlohmann::json entities = nlohmann::json::array(), passing = nlohmann::json::array();
    for (const auto& e : a.entities) {
        nlohmann::json je{{"name", e.name}, {"type", entity_type_name(e.type)}, {"count", e.count}};
        if (!e.country.empty()) je["country"] = e.country;
        (e.salient ? entities : passing).push_back(std::move(je));
    }
    nlohmann::json mentions = nlohmann::json::array();
    for (const auto& m : a.mentions)
        mentions.push_back({{"field", m.field},
                            {"start", m.start},
                            {"end", m.end},
                            {"text", m.text},
                            {"type", entity_type_name(m.type)},
                            {"entity", m.entity}});
    return nlohmann::json{
        {"id", a.id},
        {"url", a.url},
        {"source", a.source},
        {"source_id", a.source_id},
        {"title", a.title},
        {"description", a.description},
        {"authors", a.authors},
        {"published", date_json(a.published)},
        {"updated", date_json(a.updated)},
        {"language", a.language},
        {"section", a.section},
        {"tags", a.tags},
        {"entities", std::move(entities)},
        {"passing", std::move(passing)},
        {"mentions", std::move(mentions)},
        {"body", a.body},
    };
}

Article article_from_json(const nlohmann::json& j) {
    Article a;
    a.id = string_field(j, "id");
    a.url = string_field(j, "url");
    a.source = string_field(j, "source");
    a.source_id = string_field(j, "source_id");
    a.title = string_field(j, "title");
    a.description = string_field(j, "description");
    if (auto it = j.find("authors"); it != j.end() && it->is_array())
        a.authors = it->get<std::vector<std::string>>();
    a.published = date_from_json(j, "published");
    a.updated = date_from_json(j, "updated");
    a.language = string_field(j, "language");
    a.section = string_field(j, "section");
    if (auto it = j.find("tags"); it != j.end() && it->is_array())
        a.tags = it->get<std::vector<std::string>>();
    for (const auto& [key, salient] : {std::pair{"entities", true}, std::pair{"passing", false}})
        if (auto it = j.find(key); it != j.end() && it->is_array())
            for (const auto& je : *it)
                a.entities.push_back(entity_from_json(je, salient));
    if (auto it = j.find("mentions"); it != j.end() && it->is_array())
        for (const auto& jm : *it)
            a.mentions.push_back(mention_from_json(jm));
    a.body = string_field(j, "body");
    return a;
}

} // namespace dateline
