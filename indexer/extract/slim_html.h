// A fast byte-level pass before libxml2 parses a page: drops what extraction never reads, so
// the (slow) HTML parser sees a fraction of the bytes and makes fewer nodes. Removed: comments,
// <script> (except application/ld+json), <style>, <svg>, <noscript>, <template> with their
// content; <select>, <iframe>, <object>, <canvas>, <math>, <textarea> with their content when
// their end tag is there (without one they are left to libxml2's recovery); and every
// attribute except the few extraction uses (class, id, role, hidden, aria-hidden, style when it
// hides, itemprop, property, name, content, charset, http-equiv, rel, href of <link>, datetime,
// type, lang, pubdate). Runs of white space in text become one space (a newline when the run
// holds one), except inside <pre>, <textarea>, <listing> and <xmp>; a run of white space alone
// between tags is dropped when one of the two tags starts or ends a block (div, p, li, td, br,
// h1..h6, ...): it separates nothing the block does not (trade-off: a page's dom::text of such a
// block reads its words only as the block's own spacing rules say). Markup it cannot read is
// copied as is; no other text is changed.
#pragma once

#include <string>
#include <string_view>

namespace dateline::extract {

std::string slim_html(std::string_view html);

} // namespace dateline::extract
