// Entity tagging: the people, organizations and places an article is about, by canonical name.
#pragma once

#include <vector>

#include "analyzers/article.h"

namespace dateline::entities {

// Tags an article from its title, description, body and publisher tags. Thread-safe; the bundled
// gazetteer is loaded once, on first use. Entities come out sorted by mention count, then name.
std::vector<Entity> tag(const Article& article);

} // namespace dateline::entities
