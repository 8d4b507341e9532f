// Progress on a terminal: inputs, articles, articles/s, ETA by bytes; silent when stderr is not a
// tty.
#pragma once

#include <chrono>
#include <cstdint>

namespace dateline {

class Progress {
  public:
    Progress(bool enabled, std::uintmax_t total_bytes, std::size_t total_inputs);
    // Call often; redraws at most a few times a second.
    void update(std::size_t inputs_done, std::uintmax_t bytes_done, std::uint64_t articles);
    void clear();

  private:
    bool enabled_;
    std::uintmax_t total_bytes_;
    std::size_t total_inputs_;
    std::chrono::steady_clock::time_point start_, last_draw_;
    bool drawn_ = false;
};

} // namespace dateline
