// Entity tagging: the people, organizations and places an article is about, by canonical name.
#pragma once

#include "analyzers/article.h"

#include <vector>

namespace dateline::entities {

class Gazetteer;

// Tags an article from its title, description, body and publisher tags. Thread-safe; the bundled
// gazetteer is loaded once, on first use. Entities come out sorted by mention count, then name.
std::vector<Entity> tag(const Article& article);

struct TagOptions {
    // Drop places whose country is mentioned once, after the first 30 words, unless it is the most
    // mentioned country: document-level "aboutness" as Reuters annotated it (higher precision,
    // lower recall). Off by default: a search for place:Crimea should find a passing mention.
    bool salient_places_only = false;
};

// The same with another gazetteer (e.g. load_gazetteer() with users' files; see gazetteer.h).
std::vector<Entity> tag(const Article& article, const Gazetteer& gazetteer,
                        const TagOptions& options = {});

} // namespace dateline::entities
