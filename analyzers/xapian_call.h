// Every Xapian call that can fail goes through xapian_call(), which turns Xapian's exceptions into
// DatabaseError with the context of what was being done ("opening DIR", "committing batch").
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <xapian.h>

namespace dateline {

class DatabaseError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The database is held by another writer.
class DatabaseLockedError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

template <class F> decltype(auto) xapian_call(const std::string& context, F&& f) {
    try {
        return std::forward<F>(f)();
    } catch (const Xapian::DatabaseLockError& e) {
        // "already locked" is another writer; anything else (a read-only folder, no permission
        // to create the lock file) is not, and says why.
        if (e.get_msg().find("already locked") != std::string::npos)
            throw DatabaseLockedError(context + ": database is locked by another indexer");
        throw DatabaseError(context + ": cannot write the database: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw DatabaseError(context + ": " + e.get_description());
    }
}

} // namespace dateline
