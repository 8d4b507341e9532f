// Small helpers over libxml2's tree: names, attributes, text, and an iterative walk.
// Nothing here recurses on the C++ stack, so any nesting depth is safe.
#pragma once

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

// The attributes extraction weighs, read in one scan.
struct Cues {
    std::string_view cls, id, role, style;
    bool hidden = false;      // hidden attribute
    bool aria_hidden = false; // aria-hidden="true"
};
Cues cues(const xmlNode* n);

// Appends s lower-cased (ASCII letters only).
void append_lower(std::string& out, std::string_view s);

// Text of a text or CDATA node ("" otherwise).
std::string_view node_text(const xmlNode* n);

// Elements whose content is never visible text.
bool is_invisible(std::string_view tag);

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
