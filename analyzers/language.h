// Language identification: ISO 639-1 code of a text from its script and its stopwords.
#pragma once

#include <string>
#include <string_view>

namespace dateline::language {

// "en", "de", "ru"...; "" when the text is too short or no language stands out.
// Cyrillic text is "ru" unless Ukrainian letters dominate ("uk"); Greek "el"; Arabic "ar".
std::string identify(std::string_view text);

// Normalizes a language tag from metadata ("en-US", "EN", "english") to ISO 639-1, or "".
std::string normalize_code(std::string_view tag);

} // namespace dateline::language
