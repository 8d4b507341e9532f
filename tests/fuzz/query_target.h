// Fuzz target body: the query language. QueryBuilder (Xapian::QueryParser with Dateline's field,
// date and range processors) parses the text against a small in-memory database built the way
// the indexer writes documents (tests/unit/query_fixture.h), and the query runs on it, so
// wildcard expansion and entity aliases see real terms. Contract: a bad query throws QueryError,
// a parsed one runs. Run by fuzz_query and replayed by the unit tests.
//
// Known leak outside Dateline: Xapian 1.4.22's QueryParser leaks the window of a NEAR or ADJ
// operator that causes a syntax error ("x AND NEAR/3", "-ADJ/2", "-t NEAR x:-:u\"(": 96 bytes).
// Under a leak checker, the parse of a query holding "NEAR" or "ADJ" runs with leak checking
// paused, so the fuzzer keeps looking for Dateline's own leaks everywhere else.
#pragma once

#include "query/errors.h"
#include "query/query_parser.h"
#include "tests/unit/query_fixture.h"

#include <string_view>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DATELINE_FUZZ_LSAN 1
#endif
#elif defined(__SANITIZE_ADDRESS__)
#define DATELINE_FUZZ_LSAN 1
#endif
#ifdef DATELINE_FUZZ_LSAN
#include <sanitizer/lsan_interface.h>
#endif

namespace dateline::fuzz {

// Pauses leak checking for the allocations made during its lifetime when `pause` is true.
class XapianLeakPause {
  public:
    explicit XapianLeakPause(bool pause) : paused_(pause) {
#ifdef DATELINE_FUZZ_LSAN
        if (paused_) __lsan_disable();
#endif
    }
    ~XapianLeakPause() {
#ifdef DATELINE_FUZZ_LSAN
        if (paused_) __lsan_enable();
#endif
    }
    XapianLeakPause(const XapianLeakPause&) = delete;
    XapianLeakPause& operator=(const XapianLeakPause&) = delete;

  private:
    bool paused_;
};

inline void query_input(std::string_view text) {
    static const Xapian::Database db =
        query::testing::make_database(query::testing::sample_articles());
    static query::QueryBuilder builder(db, query::QueryOptions{});
    Xapian::Query q;
    try {
        const bool xapian_leaks = text.find("NEAR") != std::string_view::npos ||
                                  text.find("ADJ") != std::string_view::npos;
        XapianLeakPause pause(xapian_leaks);
        q = builder.parse(text);
    } catch (const query::QueryError&) {
        return;
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    (void)mset.size();
}

} // namespace dateline::fuzz
