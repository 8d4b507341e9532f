#include "hash.h"

#include <cstdio>

namespace dateline {

std::string to_hex16(std::uint64_t value) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
    return buf;
}

std::string content_hash(std::string_view bytes) {
    Fnv1a64 h;
    h.update(bytes);
    return to_hex16(h.value());
}

} // namespace dateline
