// libFuzzer entry point of fuzz_dates; the body is in dates_target.h (shared with the regression
// unit test, tests/unit/fuzz_regressions_test.cpp).
#include "tests/fuzz/dates_target.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    dateline::fuzz::dates_input(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
