// Social platforms as the medium, not the organization: "написал в Twitter", "в своём Твиттере",
// "на странице в Facebook", "в соцсети Weibo", "said on Twitter" name the service a statement was
// published on; the article is not about the company. Such a mention is no organization (nor any
// entity: the tagger also reads "Фейсбуке" as a place), while "компании Twitter", "глава Facebook",
// "доходы Твиттера" and "Twitter said" stay the company.
//
// The medium is a platform's name (one word, a closed list; Cyrillic forms inflected: "Твиттере")
// right after a preposition ("в", "на", "через", "on", "via", "auf"), or after a preposition and
// at most two words that are possessives or the service's kind ("в своём микроблоге", "в соцсети",
// "на своей странице"). On NEREL train such a platform mention is a PRODUCT 58 times, an
// ORGANIZATION 6 ("на работу в Facebook", "лайки в Facebook", "Об этом в Twitter сообщила"), not
// annotated 5; elsewhere it is an ORGANIZATION 29 times, a PRODUCT 25, so those stay the company.
// Trade-off: a closed list and a closed context; "работать в Facebook" (the company) goes too.
#pragma once

#include "analyzers/entities/token_stream.h"

#include <cstddef>
#include <vector>

namespace dateline::entities {

// Whether words [begin, end) are one platform name written as the medium (see above).
bool platform_as_medium(const std::vector<Word>& words, std::size_t begin, std::size_t end);

} // namespace dateline::entities
