// The border between Xapian and the rest of the query side: every Xapian call that can fail runs
// through xapian_call(), which turns Xapian's exceptions into QueryError / DbError messages that
// say what was being done ("reading document 17: ..."). DatabaseModifiedError passes through
// unchanged so that with_reopen() (database.h) can reopen the database and retry.
#pragma once

#include "errors.h"

#include <string>
#include <string_view>
#include <utility>
#include <xapian.h>

namespace dateline::query {

template <class F> decltype(auto) xapian_call(std::string_view context, F&& f) {
    try {
        return std::forward<F>(f)();
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;
    } catch (const Xapian::QueryParserError& e) {
        throw QueryError(std::string(context) + ": " + e.get_msg());
    } catch (const Xapian::WildcardError& e) {
        throw QueryError(std::string(context) + ": " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw DbError(std::string(context) + ": " + e.get_description());
    }
}

} // namespace dateline::query
