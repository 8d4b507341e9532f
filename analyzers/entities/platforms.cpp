#include "platforms.h"

#include "analyzers/entities/inflection.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

namespace dateline::entities {
namespace {

// A list of words as their keys (token_stream.h: "своём" -> "своем").
class KeyList {
  public:
    KeyList(std::initializer_list<std::string_view> words) {
        for (const auto w : words)
            keys_.push_back(word_key(w));
    }
    bool has(std::string_view key) const {
        return std::find(keys_.begin(), keys_.end(), key) != keys_.end();
    }
    bool has_inflected(std::string_view key) const {
        return std::any_of(keys_.begin(), keys_.end(),
                           [&](const std::string& name) { return is_inflection(key, name); });
    }

  private:
    std::vector<std::string> keys_;
};

const KeyList& latin_platforms() {
    static const KeyList list = {"Twitter",     "Facebook", "Instagram", "YouTube",   "Weibo",
                                 "WeChat",      "Telegram", "TikTok",    "LinkedIn",  "Snapchat",
                                 "WhatsApp",    "Reddit",   "Tumblr",    "VKontakte", "Periscope",
                                 "Skype",       "Viber",    "MySpace",   "Flickr",    "Pinterest",
                                 "LiveJournal", "Mastodon", "Bluesky"};
    return list;
}

// Cyrillic names take an ending: "Твиттере", "Фейсбуке".
const KeyList& cyrillic_platforms() {
    static const KeyList list = {"Твиттер", "Фейсбук", "Фэйсбук", "Инстаграм", "Телеграм",
                                 "Ютуб",    "Ютьюб",   "Вейбо",   "Тикток",    "ВКонтакте"};
    return list;
}

const KeyList& prepositions() {
    static const KeyList list = {"в", "во", "на", "через", "on", "via", "auf"};
    return list;
}

// Possessives and words for the kind of service between the preposition and the name.
const KeyList& between() {
    static const KeyList list = {
        "своём",        "своей",      "свой",        "своих",       "своё",
        "его",          "её",         "их",          "официальном", "официальной",
        "личной",       "личном",     "соцсети",     "социальной",  "сети",
        "соцсетях",     "микроблоге", "микроблога",  "микроблогов", "блоге",
        "аккаунте",     "канале",     "мессенджере", "сервисе",     "видеохостинге",
        "видеосервисе", "странице",   "страничке",   "страницах",   "his",
        "her",          "their",      "its"};
    return list;
}

} // namespace

bool platform_as_medium(const std::vector<Word>& words, std::size_t begin, std::size_t end) {
    if (end != begin + 1 || begin == 0) return false;
    const std::string_view name = words[begin].key;
    if (!latin_platforms().has(name) && !cyrillic_platforms().has_inflected(name)) return false;
    for (std::size_t back = 1; back <= 3 && back <= begin; ++back) {
        const std::string_view key = words[begin - back].key;
        if (prepositions().has(key)) return true;
        if (!between().has(key)) return false;
    }
    return false;
}

} // namespace dateline::entities
