#include "errors.h"

#include <xapian.h>

namespace dateline::query {

ExitCode exit_code_for(const std::exception_ptr& error) {
    if (!error) return ExitCode::ok;
    try {
        std::rethrow_exception(error);
    } catch (const UsageError&) {
        return ExitCode::usage;
    } catch (const QueryError&) {
        return ExitCode::usage;
    } catch (const Xapian::QueryParserError&) {
        return ExitCode::usage;
    } catch (const Xapian::WildcardError&) {
        return ExitCode::usage;
    } catch (...) {
        return ExitCode::database;
    }
}

} // namespace dateline::query
