// Sources: one input file -> RawItems. They know formats and compression, nothing about meaning.
// The format is taken from the file name when it is telling, else sniffed from the content.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "analyzers/article.h"
#include "indexer/inputs.h"
#include "indexer/raw_item.h"

namespace dateline {

enum class Format { jsonl, html, text };

struct SourceOptions {
    std::size_t max_record_bytes = 64u << 20; // a longer JSON line or page is rejected
    std::optional<Timestamp> fetched_at;      // reference time for pages (else the file's mtime)
};

struct SourceSink {
    std::function<void(RawItem&&)> item;
    std::function<void(const std::string& location, const std::string& reason)> reject;
};

// Reads every item of `input`. Problems with single records go to sink.reject and reading goes on;
// an input that cannot be read at all throws InputError.
void read_source(const InputFile& input, const SourceOptions& options, const SourceSink& sink);

// Format from the file name alone ("x.jsonl.gz" -> jsonl), nullopt when the name does not tell.
std::optional<Format> format_from_name(const std::string& path);

} // namespace dateline
