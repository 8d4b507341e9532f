// Stopping a run cleanly: SIGINT and SIGTERM ask dateline-index to stop reading input; what was
// read is still analyzed, written and committed, and the run ends with exit code 128 + signal.
// The first signal only sets a flag (async-signal-safe); a second one ends the process at once
// with the signal's default action (the database stays at its last commit: commits are atomic).
// Whatever the reading thread is doing it notices: the handlers are installed without
// SA_RESTART and a signal that lands on another thread (a worker, the writer) is passed on to
// the thread that installed them, so a blocked open() or read() of a FIFO, a pipe or a terminal
// returns EINTR there, and every read of a file checks the flag first (/dev/zero never blocks).
#pragma once

#include <stdexcept>

namespace dateline {

// Installs the handlers for SIGINT and SIGTERM; the calling thread is the reading thread that
// every such signal is delivered to.
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
