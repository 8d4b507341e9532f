// libFuzzer entry point of fuzz_query_tree; the body is in query_tree_target.h (shared with the
// regression unit test, tests/unit/fuzz_regressions_test.cpp).
#include "tests/fuzz/query_tree_target.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    dateline::fuzz::query_tree_input(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
