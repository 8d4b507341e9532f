// Quoted titles that are not organizations: the statistical tagger reads many a name in quotation
// marks as an organization («Цирк», «Юность», «Польский реквием»), but the word before the quotes
// often says what the name is: a film, a song, a cinema, an award, a law ("фильм «Цирк»",
// "кинотеатрах «Звезда», «Космос» и «Юность»", "статьи 128.1 УК РФ «Клевета»" is not caught). On
// NEREL train these are works of art, facilities, awards, events and laws, never organizations
// ("фильма «...»" 19 of 19, "сериал" 12 of 13, "метро" 10 of 10), while "партии «...»",
// "компании «...»", "группы «...»", "газета «...»" are organizations and are left alone;
// "программа", "под названием", "мультфильм" joined later (train 0 of 7, 1 of 12, 0 of 2
// organizations; dev fp 99 -> 98).
//
// A quoted name in a list ("«Звезда», «Космос» и «Юность»", "такие картины, как «Цирк»") takes
// the word before the list's first name; a list after a colon, a word of the kind among the 8
// tokens before the colon, in its sentence ("кинотеатрах городской сети «Москино»: «Полёт»,
// «Юность»"; NEREL train 19 such quoted names, none an organization; dev organization fp 105 ->
// 98, F1 0.801 -> 0.805). Trade-off: a closed word list; an organization named
// after a film goes too, a title with no such word before it stays an organization.
//
// Works listed with their authors are no organizations either: a quoted name followed by a
// person, in a list of such ("«Катынь» Анджея Вайды, «Маска» Братьев Куэй"; NEREL train 14 of 14
// and dev 7 of 7 are works; one alone is more often a company and its owner, "«Уралкалий»
// Сулеймана Керимова": 86 organizations, 35 works on train). Dev organization fp 98 -> 96.
//
// A name in Latin letters, quoted or not, is a work too before a year in brackets ("Invaders Must
// Die (2009)", never an organization on NEREL dev, no such case in train) or right after a word of
// a narrower list ("премии Grammy", "треком Firestarter"; on NEREL train 16 Latin names after
// these words, none an organization; "альбома U2" and "проекту Mozilla" are, so those words are
// left out). "среди которых" joins a list to its kind word ("синглами, среди которых «Today»").
// And a Latin name of two tokens or more that holds an English word of a sentence (a pronoun, a
// form of "be", "what", "such", "never", a lower-case "a": "It’s My Life", "Such a Shame") is a
// title: NEREL train gold has 21 such works of art and 1 organization ("'Color Your Life'").
#pragma once

#include "analyzers/entities/tagger.h"

#include <span>
#include <vector>

namespace dateline::entities::tagger {

// Drops from `spans` (one line's, as Model::tag decodes them) the outer and nested organizations
// that are a whole quoted name after a word naming a work, a place or an award, or followed by
// their author (a person of `spans`) in a list, and the Latin organizations that are works (see
// above).
void drop_quoted_titles(std::span<const Token> line, std::vector<Span>& spans);

// Drops from `spans` the organizations that are events or awards by their first three tokens: a
// contest, a cup, a championship, a festival, an exhibition, a congress, a prize ("XIV
// Международного конкурса имени Петра Чайковского", "премии «Золотой орёл»"). On NEREL train
// spans with such a word among their first three are 416 events and awards, 1 organization
// ("конференция" and "форум" are left out: 8 and 5 organizations). Nested organizations inside
// them ("ФИФА" in "чемпионата ФИФА") are separate spans and stay.
void drop_event_names(std::span<const Token> line, std::vector<Span>& spans);

// Drops from `spans` the organizations that are power plants or filling stations by one of their
// tokens, an abbreviation of the facility's kind ("Чернобыльской АЭС", "Саяно-Шушенской ГЭС",
// "АЭС" alone): NEREL train annotates such names as facilities (6 of 6), never as organizations.
void drop_facility_names(std::span<const Token> line, std::vector<Span>& spans);

// Retypes as people the outer organizations in Latin letters written right after a word for a
// blogger, a rapper, a singer or a DJ: "рэпера PSY", "блогера Mimeng" (NEREL train: 4 people, 1
// organization, "блогера Wedding word"). The tagger reads most Latin names as organizations.
void retype_latin_performers(std::span<const Token> line, std::vector<Span>& spans);

// Adds as an organization a quoted name (up to 12 tokens, its first a capital or a digit) right
// after a word for an organization's kind, or in a list after one: "группы «Ленинград»",
// "партию «Движение за развитие Мали»", "предприятия «Уральская сталь», «Оскольский
// электрометаллургический комбинат»". NEREL train annotates 220 of 232 such names as
// organizations, without the quotation marks. A person or a place the tagger found as the whole
// name is replaced; one inside it stays (a nested mention); an organization there already, or a
// span crossing the name's edges, leaves it alone. NEREL dev organization 0.772 -> 0.779. Words
// of one who speaks for or leads an organization and of reporting ("тренер", "лидер",
// "сообщает", "по данным"; on train 111 of 111) as kinds too: tp +2, fp +2, dropped. "сети" is
// left out: "сети «Интернет»" (train 1 of 3).
void add_quoted_organizations(std::span<const Token> line, std::vector<Span>& spans);

} // namespace dateline::entities::tagger
