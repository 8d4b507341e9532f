#include "indexer/extract/libxml_arena.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <vector>

namespace dateline::extract {

namespace {

constexpr std::size_t header = 16;                    // the allocation's size, keeping 16-alignment
constexpr std::size_t first_block = 256u << 10;       // grows by doubling
constexpr std::size_t largest_block = 16u << 20;      // unless one allocation needs more
constexpr std::size_t kept_between_pages = 32u << 20; // blocks beyond this go back to the system

struct Block {
    char* begin;
    std::size_t size;
};

class Arena {
  public:
    ~Arena() {
        for (const Block& b : blocks_)
            std::free(b.begin);
    }

    bool active = false;

    void* allocate(std::size_t n) {
        std::size_t need = (n + header + 15) & ~std::size_t{15};
        if (need < n || (used_ + need > current_.size && !grow(need))) return nullptr;
        char* p = current_.begin + used_;
        used_ += need;
        std::memcpy(p, &n, sizeof n);
        last_ = p + header;
        return last_;
    }

    void* reallocate(char* p, std::size_t n) {
        std::size_t old;
        std::memcpy(&old, p - header, sizeof old);
        if (p == last_) { // the newest allocation grows in place when its block has room
            std::size_t need = (n + header + 15) & ~std::size_t{15};
            std::size_t start = static_cast<std::size_t>(p - header - current_.begin);
            if (need >= n && start + need <= current_.size) {
                used_ = start + need;
                std::memcpy(p - header, &n, sizeof n);
                return p;
            }
        }
        void* q = allocate(n);
        if (q != nullptr) std::memcpy(q, p, std::min(old, n));
        return q;
    }

    bool owns(const void* p) const {
        auto c = static_cast<const char*>(p);
        for (const Block& b : blocks_)
            if (c >= b.begin && c < b.begin + b.size) return true;
        return false;
    }

    // Everything allocated becomes free; the first blocks stay for the next page.
    void reset() {
        std::size_t kept = 0, i = 0;
        for (; i < blocks_.size() && kept + blocks_[i].size <= kept_between_pages; ++i)
            kept += blocks_[i].size;
        for (std::size_t j = i; j < blocks_.size(); ++j)
            std::free(blocks_[j].begin);
        blocks_.resize(i);
        index_ = 0;
        current_ = blocks_.empty() ? Block{nullptr, 0} : blocks_.front();
        used_ = 0;
        last_ = nullptr;
    }

  private:
    // Moves on to the next kept block, or a new one, with room for need bytes.
    bool grow(std::size_t need) {
        while (index_ + 1 < blocks_.size()) {
            current_ = blocks_[++index_];
            used_ = 0;
            if (need <= current_.size) return true;
        }
        std::size_t size =
            blocks_.empty() ? first_block : std::min(largest_block, blocks_.back().size * 2);
        size = std::max(size, need);
        auto* mem = static_cast<char*>(std::malloc(size));
        if (mem == nullptr) return false;
        blocks_.push_back({mem, size});
        index_ = blocks_.size() - 1;
        current_ = blocks_.back();
        used_ = 0;
        return true;
    }

    std::vector<Block> blocks_;
    std::size_t index_ = 0;
    Block current_{nullptr, 0};
    std::size_t used_ = 0;
    char* last_ = nullptr;
};

thread_local Arena arena;

void* arena_malloc(std::size_t n) {
    return arena.active ? arena.allocate(n) : std::malloc(n);
}

void arena_free(void* p) {
    if (p == nullptr || arena.owns(p)) return;
    std::free(p);
}

void* arena_realloc(void* p, std::size_t n) {
    if (p != nullptr && arena.owns(p)) {
        if (arena.active) return arena.reallocate(static_cast<char*>(p), n);
        // Memory of an arena that ended (a bug of the caller): copied out, never freed.
        std::size_t old;
        std::memcpy(&old, static_cast<char*>(p) - header, sizeof old);
        void* q = std::malloc(n);
        if (q != nullptr) std::memcpy(q, p, std::min(old, n));
        return q;
    }
    return arena.active && p == nullptr ? arena.allocate(n) : std::realloc(p, n);
}

char* arena_strdup(const char* s) {
    std::size_t n = std::strlen(s) + 1;
    auto* p = static_cast<char*>(arena_malloc(n));
    if (p != nullptr) std::memcpy(p, s, n);
    return p;
}

// Installed before main, while the process has one thread; then libxml2's global tables
// (encoding handlers, ...) are made at once, with plain malloc: were they made lazily inside an
// arena, the next page would overwrite them.
bool install() {
    xmlMemSetup(arena_free, arena_malloc, arena_realloc, arena_strdup);
    xmlInitParser();
    return true;
}
const bool installed = install();

} // namespace

ParseArena::ParseArena() : owner_(installed && !arena.active) {
    if (owner_) arena.active = true;
}

ParseArena::~ParseArena() {
    if (!owner_) return;
    xmlResetLastError(); // its strings are in the arena
    arena.active = false;
    arena.reset();
}

void ParseArena::abandon(xmlDoc* doc) {
    if (doc != nullptr && !(owner_ && arena.owns(doc))) xmlFreeDoc(doc);
}

} // namespace dateline::extract
