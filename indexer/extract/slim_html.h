// A fast byte-level pass before libxml2 parses a page: drops what extraction never reads, so
// the (slow) HTML parser sees a fraction of the bytes. Removed: comments, <script> (except
// application/ld+json), <style>, <svg>, <noscript>, <template> with their content, and every
// attribute except the few extraction uses (class, id, role, hidden, aria-hidden, style when it
// hides, itemprop, property, name, content, charset, http-equiv, rel, href of <link>, datetime,
// type, lang, pubdate). Runs of white space in text become one space (a newline when the run
// holds one), except inside <pre>, <textarea>, <listing> and <xmp>. Markup it cannot read is copied
// as is; no other text is changed.
#pragma once

#include <string>
#include <string_view>

namespace dateline::extract {

std::string slim_html(std::string_view html);

} // namespace dateline::extract
