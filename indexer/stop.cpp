#include "stop.h"

#include <atomic>
#include <csignal>
#include <pthread.h>

namespace dateline {

namespace {

std::atomic<int> requested{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free flag");
std::atomic<bool> have_reader{false};
pthread_t reader; // the thread that installed the handlers; written before have_reader is set

extern "C" void on_stop_signal(int signal) {
    // Another thread got it: pass it on to the reader, whose blocked call it must interrupt
    // (pthread_kill is async-signal-safe). Counted there, once.
    if (have_reader.load(std::memory_order_acquire) && !pthread_equal(pthread_self(), reader)) {
        pthread_kill(reader, signal);
        return;
    }
    if (requested.load(std::memory_order_relaxed) != 0) { // the second signal: stop at once
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    requested.store(signal, std::memory_order_relaxed);
}

} // namespace

void install_stop_handlers() {
    reader = pthread_self();
    have_reader.store(true, std::memory_order_release);
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocked open() or read() returns EINTR
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

bool stop_requested() {
    return requested.load(std::memory_order_relaxed) != 0;
}

int stop_signal() {
    return requested.load(std::memory_order_relaxed);
}

void request_stop(int signal) {
    requested.store(signal, std::memory_order_relaxed);
}

} // namespace dateline
