// The analysis step: turns an extracted Article into an indexable one. Pure function of its input:
// valid UTF-8 everywhere, white space normalized, language (metadata, else identified), source and
// source_id (publisher name, else the URL's host), id (given, else canonical URL, else content
// hash), publisher tags de-duplicated, and entity tags.
#pragma once

#include "article.h"

#include <string>

namespace dateline {

struct AnalyzeOptions {
    bool tag_entities = true;
    std::string default_language = "en"; // when neither metadata nor identification gives one
};

void analyze(Article& article, const AnalyzeOptions& options);

// A stable 64-bit hash of bytes, as 16 hex digits (FNV-1a): content ids and change detection.
std::string content_hash(std::string_view bytes);

} // namespace dateline
