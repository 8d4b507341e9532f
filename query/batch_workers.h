// --batch on several worker processes: the lines are dealt round-robin to `jobs` forked workers,
// each with its own open database (Xapian handles are not shared between threads or processes),
// and their answers are written in input order, each as soon as it and every answer before it
// are there. Workers answer with answer_line() (batch.h), so the output is exactly what
// run_batch() writes. Processes rather than threads: Xapian's handles count references without
// atomics, and every search keeps its own prepared index and stemmer cache this way.
//
// A worker that dies (a signal, an exit without answering) ends the batch: its line is answered
// with an error (exit 3) and the lines after it are not answered.
#pragma once

#include "search.h"

#include <iosfwd>
#include <string>

namespace dateline::query {

// Returns the highest per-line exit code, as run_batch() does. `jobs` >= 2.
int run_batch_workers(const std::string& db_path, std::istream& in, std::ostream& out,
                      const SearchRequest& defaults, unsigned jobs);

} // namespace dateline::query
