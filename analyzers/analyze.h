// The analysis step: turns an extracted Article into an indexable one. Pure function of its input:
// valid UTF-8 everywhere, white space normalized, language (metadata, else identified), source and
// source_id (publisher name, else the URL's host), id (given, else canonical URL, else content
// hash), publisher tags de-duplicated, and entity tags.
#pragma once

#include "article.h"
#include "hash.h" // content_hash, used with analyzed articles

#include <string>

namespace dateline {

struct AnalyzeOptions {
    bool tag_entities = true;
    std::string default_language = "en"; // when neither metadata nor identification gives one
};

void analyze(Article& article, const AnalyzeOptions& options);

} // namespace dateline
