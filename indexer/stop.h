// Stopping a run cleanly: SIGINT and SIGTERM ask dateline-index to stop reading input; what was
// read is still analyzed, written and committed, and the run ends with exit code 128 + signal.
// The first signal only sets a flag (async-signal-safe); the handler is then reset, so a second
// signal ends the process at once (the database stays at its last commit: commits are atomic).
#pragma once

#include <stdexcept>

namespace dateline {

// Installs the handlers for SIGINT and SIGTERM (without SA_RESTART, so a blocking read of stdin
// returns EINTR and the reader can notice).
void install_stop_handlers();

// True once a stop was asked for.
bool stop_requested();

// The signal that asked for the stop (SIGINT or SIGTERM), 0 when none did.
int stop_signal();

// For tests: asks for a stop as a signal would (0 clears the request).
void request_stop(int signal);

// Thrown where reading notices a stop request; not an InputError, so no reader takes it for a bad
// input.
class Interrupted : public std::runtime_error {
  public:
    Interrupted() : std::runtime_error("interrupted") {}
};

} // namespace dateline
