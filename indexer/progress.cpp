#include "progress.h"

#include <cstdio>

namespace dateline {

Progress::Progress(bool enabled, std::uintmax_t total_bytes, std::size_t total_inputs)
    : enabled_(enabled), total_bytes_(total_bytes), total_inputs_(total_inputs),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void Progress::update(std::size_t inputs_done, std::uintmax_t bytes_done, std::uint64_t articles) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(250)) return;
    last_draw_ = now;
    double elapsed = std::chrono::duration<double>(now - start_).count();
    double rate = elapsed > 0 ? static_cast<double>(articles) / elapsed : 0;
    char eta[32] = "";
    if (total_bytes_ > 0 && bytes_done > 0 && bytes_done < total_bytes_) {
        double left = elapsed * static_cast<double>(total_bytes_ - bytes_done) /
                      static_cast<double>(bytes_done);
        std::snprintf(eta, sizeof eta, ", ETA %.0f s", left);
    }
    std::fprintf(stderr, "\r\033[Kinputs %zu/%zu, articles %llu, %.0f articles/s%s", inputs_done,
                 total_inputs_, static_cast<unsigned long long>(articles), rate, eta);
    drawn_ = true;
}

void Progress::clear() {
    if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
}

} // namespace dateline
