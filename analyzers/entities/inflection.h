// Inflected forms of gazetteer aliases (Russian and German): "Путина", "Путину", "Путиным" name
// the alias "Путин"; "Аргентины" "Аргентина"; "Deutschlands" "Deutschland". The article language's
// Snowball stemmer (analyzers/stemmer.h) is applied to both the alias words and the text words, and
// a text phrase whose stems equal an alias's stems names that alias's entities.
//
// Snowball is not consistent across forms ("Сидоров" stems to "сидор", "Сидорова" to "сидоров";
// "канал" to "кана", "канале" to "канал"), so an alias phrase is indexed by every combination of
// its words' stems and keys ("перв канал" for "Первом канале" of "Первый канал"; up to 2^4
// phrases an alias), and a one-word text phrase is looked up by its stem and by itself less an
// ending of one to max_ending letters.
//
// Stems collide ("Мали" and "мало", "Мирный" and "Мирная"), so an inflected match is only taken
// when:
// - a one-word alias has at least min_alias_letters letters (shorter ones match exactly only),
//   and the word of a one-word alias of fewer than min_stemmed_letters letters is never replaced
//   by its stem: the text must be the word plus an ending ("Киева", "Ирана"); in a longer alias
//   the other words disambiguate, and only words of fewer than min_alias_letters stay as they are
//   ("дома" of "Белый дом", but "края" of "Красноярский край": NEREL dev place tp 654 -> 655,
//   organization fp 118 -> 117);
// - the stemmed phrase names one entity: a stem shared by aliases of two entities is dropped
//   ("Austria"/"Australia" never collide, but "Georgia"/"Georgian" of two entities would);
// - the first text word is capitalized (a lower-case word is a common word, whatever its stem),
//   later ones as the alias writes them (case_matches(): "Всемирной организации здравоохранения"),
//   not in a line written in capitals;
// - every text word differs from its stem by an ending of at most max_ending letters and the alias
//   word too ("Путиномания" is no form of "Путин");
// - a one-word text phrase less an ending is never shorter than its own stem: "Критики" (stem
//   "критик") is no form of "Крит", "Дагестанец" none of "Дагестан", "Палаты" none of "Палау"
//   (NEREL dev place tp/fp/fn 640/70/103 -> 638/65/105, F1 0.881 -> 0.882); in German, whose
//   names take no ending but the genitive, that ending is "s" or "es" only, below the stem too
//   (Snowball keeps it after a vowel: "Chinas", "Europas"; "Märchen" is no "Marche");
// - a one-word alias whose stem has fewer than min_alias_letters letters stands for itself plus
//   an ending ("Bayern" stems to "bay", as "Bayer" and "Bay" do; "Дания" to "дан", as "Данные");
// - in German an ambiguous (`?`) alias stands for itself plus an ending only, never for its stem
//   ("Landes" would take "Land", "Marche" "Märchen"): German inflects names little.
//   On 1,028 articles of 10kGNAD test (German, no gold) these guards dropped ~400 misreadings
//   ("Premier" as Prem, "Roman" as Rome, "Bernd" as Bern, "Mainz" as Maine); "Athen" (stemmed
//   "ath", as "Athens") went with them and is now an alias of its own. NEREL dev place fp 64 -> 62.
// - in German one word matched by its stem never ends in "e" alone: "Kohle" is no form of "Kohl",
//   "Rande" of "Rand" (South Africa's currency), "Mobile" of "Mobil", "Gatte" of "GATT", "Indie"
//   of "India" (10kGNAD test: 37 such misreadings gone; "Emirate", "Schwede", "Finne", 12
//   demonym mentions, went with them); "Wiener", "Deutschlands", "Niederlanden" stay.
// The matcher tries the exact alias first; inflected matches fill in where it finds nothing.
#pragma once

#include "analyzers/entities/flat_key_map.h"
#include "analyzers/entities/gazetteer.h"

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dateline::entities {

inline constexpr std::size_t min_alias_letters = 4;
inline constexpr std::size_t min_stemmed_letters = 5;
inline constexpr std::size_t max_ending = 3;
inline constexpr std::size_t max_inflected_words = 4;

// The languages whose aliases are matched inflected: "ru", "de".
bool inflects(std::string_view language);

// The Snowball stem of a word as written, in a language (a per-thread stemmer), folded as a word
// key (token_stream.h); the word's key itself when the language does not inflect.
std::string stem_key(std::string_view language, std::string_view word);

// Letters (code points) in a UTF-8 string.
std::size_t letter_count(std::string_view s);

// `s` less its last letter (code point): "хиросим" of "хиросима", "andr" of "andré"; "" stays "".
std::string_view without_last_letter(std::string_view s);

// True when `key` is `stem` plus an ending of at most max_ending letters (or the stem itself).
bool is_inflection(std::string_view key, std::string_view stem);

// Alias phrases of one language, stemmed ("путин", "нов шотланд") and as keys ("сидоров") -> the
// aliases they stand for.
class InflectedAliases {
  public:
    // An alias: its words as written and its target.
    void add(std::span<const std::string_view> words, const AliasTarget& target);
    // Drops the phrases that collide (more than one entity) and makes the rest findable: find()
    // answers only after it, add() only before.
    void finalize();

    std::span<const AliasTarget> find(std::string_view stemmed_phrase) const;
    std::string_view language() const { return language_; }

    explicit InflectedAliases(std::string language) : language_(std::move(language)) {}

  private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    std::string language_;
    std::unordered_map<std::string, std::vector<AliasTarget>, Hash, std::equal_to<>> phrases_;
    FlatKeyMap lookup_; // finalized phrase -> index into targets_
    std::vector<std::vector<AliasTarget>> targets_;
};

} // namespace dateline::entities
