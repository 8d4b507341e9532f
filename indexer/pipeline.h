// The indexing pipeline: RawItems are converted, analyzed and turned into documents on a pool of
// worker threads; the results come out in input order on one consumer thread (the writer), so a
// run is deterministic whatever the number of workers. Items travel between threads in chunks (one
// hand-off per few dozen items); queues are bounded: memory stays flat.
#pragma once

#include "analyzers/analyze.h"
#include "indexer/document_builder.h"
#include "indexer/json_record.h"
#include "indexer/raw_item.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>
#include <xapian.h>

namespace dateline {

struct Processed {
    std::string location;           // FILE:RECORD
    std::string input;              // the input file (RawItem::input)
    std::function<void()> action;   // a barrier (Pipeline::submit_action): run it, nothing else
    std::optional<Article> article; // empty when rejected
    std::string error;              // why it was rejected
    Xapian::Document document;      // built only when `build_documents`
    std::string id_term, content_hash;
    std::vector<SpellingWord> spelling; // spelling_words(document)
    std::size_t weight = 0;             // the item's bytes, counted against max_bytes_in_flight
};

struct PipelineOptions {
    FieldMap fields;
    AnalyzeOptions analyze;
    unsigned jobs = 1;
    bool build_documents = true;
    std::size_t max_article_bytes = 1u << 20; // longer article text is rejected (to_article)
    // Bytes of items submitted but not yet consumed: submit() waits above this (at least one item
    // is always let in), so memory stays bounded whatever the size of the items.
    std::size_t max_bytes_in_flight = 32u << 20;
};

class Pipeline {
  public:
    // `consume` runs on one thread, in submission order.
    Pipeline(PipelineOptions options, std::function<void(Processed&&)> consume);
    ~Pipeline();
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    void submit(RawItem item);
    // Runs `action` on the consumer thread once every item submitted before it has been consumed.
    void submit_action(std::function<void()> action);
    // Waits until every submitted item has been consumed. Rethrows an exception from `consume`.
    void finish();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

// The work of one item, as a worker does it (exposed for tests and --explain).
Processed process_item(const RawItem& item, const PipelineOptions& options,
                       class DocumentBuilder* builder);

} // namespace dateline
