// Entity tagging: the people, organizations and places an article is about, by canonical name, and
// every mention of them with its field and byte offsets (article.h, EntityMention).
//
// The pipeline (entities.cpp, analyze()): the words of title, description and body (token_stream.h)
// -> gazetteer aliases, exact and inflected (matcher.h, inflection.h) -> each resolved with the
// article as context -> names outside the gazetteer (name_finder.h) -> lone surnames and given
// names joined to a full name or dropped (a person found by a cue whose name begins a company the
// article names, and not with a given name, is that company first: "Pizza Inn" of "Pizza Inn
// Inc"; with a given name only when the company adds its legal form alone: "Walt Disney" of
// "Walt Disney Co") -> place salience (salience.h) -> entities and mentions.
// Merge point for a statistical tagger: its spans join `found` (the FoundName list of
// name_finder.h, word spans over the joined text; a byte span [start, end) in the title or body
// maps to the words it covers) right after find_names(), so tagger names become entities and
// mentions exactly as rule names do, never over a gazetteer person or organization (`covered`).
//
// Trade-offs: non-salient places are kept (Entity::salient false) so place: matches every mention
// while the tag facet counts only what the article is about; so are the found names that begin
// with a lower-case word of five letters or more ("полиции", "правительства": NEREL annotates them
// as mentions, but they are no facet value; a particle such as "de", "ван" is shorter). A lone
// given name or a word the article also writes in lower case, found alone, is dropped rather than
// shown as a person.
// A gazetteer person's surname written after another given name ("Elizabeth Dole", "minister
// Shintaro Abe") is that other person, found by name_finder.h, and so is the surname alone in an
// article that never names the gazetteer's person in full (entities.cpp,
// another_persons_surname()); a surname that begins a company's name ("Baker Hughes Inc", "Carter
// Hawley Hale Stores Inc") is the company's, there and in the name written short ("Carter Hawley
// said"; Reuters: 45 articles); a city written after a title and a given name is the person's
// surname ("Chairman Kazuo Nagano": entities.cpp, surname_after_title()).
// A mention's extent is the name as written: an article an alias spells ("the Kremlin") is left
// out unless the canonical name begins with it ("The Hague"), and a surname beside an ampersand
// ("Holm & Partners") is part of a firm's name, never a person's mention.
#pragma once

#include "analyzers/article.h"
#include "analyzers/entities/salience.h"

#include <vector>

namespace dateline::entities {

class Gazetteer;

// Which places tag() reports.
enum class PlaceSelection {
    salient, // the countries the article is about (salience.h), with their places
    all,     // every place mentioned, however incidentally
};

struct TagOptions {
    PlaceSelection places = PlaceSelection::salient;
};

// Tags an article from its title, description and body. Publisher tags (keywords, annotation
// slugs) never become entities: they are the keyword facet (schema::prefix::keyword); they only
// help resolve an ambiguous alias and weigh for a country the text names too. A dateline at the
// start of the body ("TOKYO, March 3", "MOSCOW, March 17 (Reuters) -"; see dateline.h) names a
// place the story is about. Thread-safe; the bundled gazetteer is loaded once, on first use.
// Entities come out sorted by mention count, then name; a place entity carries its country's ISO
// code.
std::vector<Entity> tag(const Article& article);

// tag() returns the salient entities only.
// The same with another gazetteer (e.g. load_gazetteer() with users' files; see gazetteer.h).
std::vector<Entity> tag(const Article& article, const Gazetteer& gazetteer,
                        const TagOptions& options = {});

// Every entity the article names, non-salient places and common-noun names too
// (Entity::salient false, after the salient ones), and every mention of them in the title,
// description and body (not in publisher tags), in text order. A mention's `entity` is its entity's
// canonical name: the gazetteer's for a gazetteer alias ("Путина" -> "Vladimir Putin"), else the
// fullest written form; a surname joined to a full name named earlier carries that full name.
struct Tagging {
    std::vector<Entity> entities;
    std::vector<EntityMention> mentions;
};
Tagging tag_all(const Article& article, const Gazetteer& gazetteer, const TagOptions& options = {});
Tagging tag_all(const Article& article);

// The evidence salience weighs for each country the article mentions (for tuning and --explain).
std::vector<CountryEvidence> explain_places(const Article& article, const Gazetteer& gazetteer);

} // namespace dateline::entities
