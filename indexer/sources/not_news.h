// What is not news, told from the first bytes or, for files nobody named, from the name: binary
// data (images, executables, media, NUL-filled bytes), scripts, and the usual files of a software
// folder (README, LICENSE, source code, build files). And Unicode text that is not UTF-8: byte
// order marks of UTF-16 and UTF-32, and their conversion to UTF-8 for pages.
#pragma once

#include <string>
#include <string_view>

namespace dateline {

// Why these first bytes (of an input to be read as JSON Lines, a page or text) cannot be news:
// a known binary format, a script ("#!"), or control characters (NUL and the C0 controls text does
// not use) in more than 1 byte in 20 (binary data, or UTF-16 without a byte order mark). Text in
// any 8-bit charset passes. Empty when the bytes may be news.
std::string not_news_content(std::string_view head);

// Why a file found in a folder walk or an archive is, by its name, not news: README*, LICENSE*,
// CHANGELOG* and the like, source code and scripts, build and configuration files, images, fonts,
// style sheets. Empty when the name does not tell.
std::string not_news_name(std::string_view path);

// "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE" when `head` starts with that byte order mark;
// nullptr otherwise (also for UTF-8's).
const char* wide_bom(std::string_view head);

// UTF-16 or UTF-32 text that starts with the byte order mark `bom` names, as UTF-8 starting with
// UTF-8's byte order mark (which every later step honours over a declared charset). Unpaired
// surrogates and code points past U+10FFFF become U+FFFD; a trailing odd byte is dropped.
std::string wide_to_utf8(std::string_view in, std::string_view bom);

} // namespace dateline
