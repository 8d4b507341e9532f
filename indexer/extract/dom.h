// Small helpers over libxml2's tree: names, attributes, text, and an iterative walk.
// Nothing here recurses on the C++ stack, so any nesting depth is safe.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <libxml/tree.h>
#include <string>
#include <string_view>

namespace dateline::extract::dom {

inline bool is_element(const xmlNode* n) {
    return n != nullptr && n->type == XML_ELEMENT_NODE;
}

// Lower-case tag name of an element ("" for other nodes); the HTML parser lower-cases names.
inline std::string_view name(const xmlNode* n) {
    return is_element(n) && n->name ? std::string_view(reinterpret_cast<const char*>(n->name))
                                    : std::string_view();
}

// Attribute value, "" when absent.
std::string attr(const xmlNode* n, const char* attribute);
bool has_attr(const xmlNode* n, const char* attribute);

// Attribute value without a copy when libxml2 holds it as one text node (the usual case); when
// it is split, the first part. "" when absent.
std::string_view attr_view(const xmlNode* n, const char* attribute);

// The name slim_html gives the id attribute (libxml2 indexes every "id" in a hash table, at a
// cost, and nothing reads it); cues() reads either.
inline constexpr const char* slim_id = "dl-id";

// The attributes extraction weighs, read in one scan.
struct Cues {
    std::string_view cls, id, role, style, itemprop, rel;
    bool hidden = false;      // hidden attribute
    bool aria_hidden = false; // aria-hidden="true"
};
Cues cues(const xmlNode* n);

// Appends s lower-cased (ASCII letters only).
void append_lower(std::string& out, std::string_view s);

// Text of a text or CDATA node ("" otherwise).
std::string_view node_text(const xmlNode* n);

// A set of tag names (or attribute names) looked up in a few integer operations: a name's length
// and first seven bytes packed in one word, found in a small open-addressed table (names that
// differ past their seventh byte are told apart by a compare).
class TagSet {
  public:
    TagSet(std::initializer_list<std::string_view> names);
    bool contains(std::string_view tag) const {
        const std::uint64_t k = key(tag);
        for (std::size_t i = slot(k);; i = (i + 1) % slots) {
            if (keys_[i] == 0) return false;
            if (keys_[i] == k && (tag.size() <= 7 || names_[i] == tag)) return true;
        }
    }

  private:
    static constexpr std::size_t slots = 256; // at most 128 names: the table stays half empty
    static std::uint64_t key(std::string_view s) {
        std::uint64_t k = std::min<std::uint64_t>(s.size(), 255);
        const std::size_t n = std::min<std::size_t>(s.size(), 7);
        for (std::size_t i = 0; i < n; ++i)
            k |= std::uint64_t(static_cast<unsigned char>(s[i])) << (8 * (i + 1));
        return k;
    }
    static std::size_t slot(std::uint64_t k) {
        return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> 56);
    }
    std::array<std::uint64_t, slots> keys_{};
    std::array<std::string_view, slots> names_{};
};

// Elements whose content is never visible text.
bool is_invisible(std::string_view tag);

// Elements whose tags separate the text before them from the text after (blocks, br, the
// head's void elements): white space beside their tags is no text.
bool separates_text(std::string_view tag);

// Visible text below n, whitespace collapsed, at most max_bytes (roughly).
std::string text(const xmlNode* n, std::size_t max_bytes = 100000);

// Pre-order walk below and including root, without recursion. enter(node) returns whether to go
// into the node's children; leave(node) runs after the children (or at once when skipped).
template <class Enter, class Leave> void walk(xmlNode* root, Enter&& enter, Leave&& leave) {
    if (root == nullptr) return;
    xmlNode* n = root;
    while (true) {
        if (enter(n) && n->children != nullptr) {
            n = n->children;
            continue;
        }
        while (true) {
            leave(n);
            if (n == root) return;
            if (n->next != nullptr) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (n == nullptr) return;
        }
    }
}

template <class Enter> void walk(xmlNode* root, Enter&& enter) {
    walk(root, enter, [](xmlNode*) {});
}

} // namespace dateline::extract::dom
