// The gazetteer: entities (canonical name, type, country) with their aliases, and the indexes the
// tagger matches with (a token trie over folded alias words, and the aliases with all spaces and
// punctuation removed, for publisher tags glued together). Data format: data/README.md.
// A Gazetteer is filled by add_* calls, then finalize()d; a finalized one is read-only and may be
// shared by threads.
#pragma once

#include "analyzers/article.h"
#include "analyzers/entities/flat_key_map.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace dateline::entities {

// How an alias may match (prefix marks in the data file).
enum AliasFlag : std::uint8_t {
    needs_context = 1, // '?': only with support in the article (context word, other alias, country)
    common_word = 2, // '~': also a common word; dropped when one of the entity's veto words occurs
    demonym = 4,     // '@': an adjective or inhabitant name ("Russian"): a mention of the place
};

// What each word of an alias demands of the case of the matched text word.
enum class CaseRule : std::uint8_t { any, capitalized, upper };

struct GazetteerEntity {
    std::string name;
    EntityType type = EntityType::other;
    std::string country; // ISO alpha-2: of the place, or the affiliation of a person/organization
    bool is_country = false;
    std::vector<std::string> support; // word keys that support ambiguous aliases
    std::vector<std::string> veto;    // word keys that veto common-word aliases
    // A person's: word keys of the first words of its aliases of two words or more ("барак" of
    // "Барак Обама", "president" of "President Putin"), to tell another person of the same
    // surname ("Мишель Обамы").
    std::vector<std::string> given_names;
};

struct AliasTarget {
    std::uint32_t entity = 0;
    std::uint8_t flags = 0;
    std::uint8_t words = 0;      // number of words in the alias
    std::uint32_t case_bits = 0; // CaseRule of word i in bits 2i..2i+1 (first 16 words)

    CaseRule rule(std::size_t i) const {
        return i < 16 ? static_cast<CaseRule>((case_bits >> (2 * i)) & 3) : CaseRule::any;
    }
};

class InflectedAliases; // inflection.h

class Gazetteer {
  public:
    // Adds the rows of a gazetteer file; origin names it in errors. Throws std::runtime_error
    // ("origin:line: reason") on a malformed row.
    void add_tsv(std::string_view text, std::string_view origin);
    void add_file(const std::string& path); // reads a file and adds it; throws std::runtime_error
    void add_first_names(std::string_view text); // one lower-case given name a line
    void finalize();                             // builds the match indexes

    std::size_t size() const { return entities_.size(); }
    const GazetteerEntity& entity(std::uint32_t id) const { return entities_[id]; }
    // An entity's aliases as its rows write them, without their marks; the name is one. For
    // checks of the data (tests/unit/entities_gazetteer_test.cpp: one place, one entity).
    std::vector<std::string_view> aliases(std::uint32_t id) const;

    // Trie walk over word keys: root() then child(node, key); npos when there is no such path.
    static constexpr std::uint32_t npos = 0xFFFFFFFF;
    static constexpr std::uint32_t root() { return 0; }
    std::uint32_t child(std::uint32_t node, std::string_view key) const;
    std::span<const AliasTarget> targets(std::uint32_t node) const { return targets_[node]; }

    // Aliases of at least two letters with everything but letters and digits removed, folded.
    std::span<const AliasTarget> compact(std::string_view key) const;
    std::size_t longest_compact() const { return longest_compact_; }

    // The country entity of an ISO alpha-2 code, or npos.
    std::uint32_t country_entity(std::string_view code) const;

    bool is_first_name(std::string_view key) const { return first_names_.contains(key); }

    // The stemmed aliases of a language that inflects (inflection.h), or nullptr.
    const InflectedAliases* inflected(std::string_view language) const;

    // The entity a whole phrase names ("Путин", "president putin"), case-insensitively; the first
    // listed unflagged alias wins. For the query side. Returns npos when none.
    std::uint32_t resolve(std::string_view phrase) const;

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    using KeyMap = std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>>;

    struct PendingAlias {
        std::string text;
        std::uint8_t flags;
    };
    std::uint32_t entity_for(std::string_view type, std::string_view name, std::string_view country,
                             std::string_view origin, std::size_t line);
    void add_alias(std::uint32_t entity, std::string_view alias, std::uint8_t flags);

    std::vector<GazetteerEntity> entities_;
    std::vector<std::vector<PendingAlias>> aliases_; // per entity, as written
    KeyMap entity_keys_;                             // "type\tfolded name" or "country\tCC"

    FlatKeyMap word_ids_;                                    // alias word key -> word id
    std::unordered_map<std::uint64_t, std::uint32_t> edges_; // node << 32 | word id -> node
    FlatKeyMap root_children_; // the edges from the root by word key: the hot first step of a walk
    std::vector<std::vector<AliasTarget>> targets_;
    std::unordered_map<std::string, std::vector<AliasTarget>, Hash, std::equal_to<>> compact_;
    std::size_t longest_compact_ = 0;
    std::unordered_set<std::string, Hash, std::equal_to<>> first_names_;
    std::vector<std::shared_ptr<const InflectedAliases>> inflected_; // one per inflecting language
};

// The bundled gazetteer (iso-codes countries and the project's data files), loaded on first use.
const Gazetteer& default_gazetteer();

// The bundled gazetteer plus users' files (a --gazetteer FILE option); throws std::runtime_error.
Gazetteer load_gazetteer(std::span<const std::string> extra_files);

} // namespace dateline::entities
