#include "stop.h"

#include <atomic>
#include <csignal>

namespace dateline {

namespace {

std::atomic<int> requested{0};
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void on_stop_signal(int signal) {
    requested.store(signal, std::memory_order_relaxed);
}

} // namespace

void install_stop_handlers() {
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND; // no SA_RESTART: a blocked read returns EINTR
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
