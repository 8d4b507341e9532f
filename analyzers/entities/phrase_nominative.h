// The nominative of a Russian organization's or place's name as the tagger found it inflected, so
// that every case of it is one facet value: "Верховной Рады" -> "Верховная Рада", "Следственным
// комитетом России" -> "Следственный комитет России", "Министерства обороны" -> "Министерство
// обороны", "«Единой России»" -> "«Единая Россия»", "Генпрокуратуры" -> "Генпрокуратура", "МИДа"
// -> "МИД"; "Северо-Западном федеральном округе" -> "Северо-Западный федеральный округ",
// "Нагорном Карабахе" -> "Нагорный Карабах", "Поволжья" -> "Поволжье", "Орске" -> "Орск".
//
// Only the head declines: up to three adjectives and the noun they agree with, at the start of the
// name; what follows (the genitives of "обороны", "России", a number, a quoted title) is written
// so in every case and stays as written. Each reading is a (gender, case) that every word of the
// head has an ending for: adjectives (-ого/-ой/-ую ...; the nominative's -ый or -ий, -ая or -яя,
// -ое or -ее after the stem's last letter), masculine consonant stems (комитета, Сената), feminine
// nouns in -а and -ия (службы, палатой, партии), neuters in -ство and -ение (министерства,
// управлении), and acronyms with a case ending (МИДа, МХАТе). Scores, in tenths: each word read
// 10; a word whose forms only this reading has the article writes elsewhere 5 (`written`:
// "Сенате" is Сенат's when the article writes "Сенатом", Дума's "Думе" when it writes "Думы" or
// "Думой"); the nominative 4; the priors below. The best score wins; two readings as good with
// different forms leave the name as written. Stressed -ой adjectives are a short list ("городского"
// -> "городской"; others take -ый or -ий, and -ской, -цкой is a masculine nominative only in that
// list). NEREL train and dev, tagger-found organizations: 1,157 distinct names changed; of 100
// drawn at random, 97 right (the wrong: the plurals "Безумцы", "Единоросы" read as genitives,
// "окружного суда" -> "окружный": the first and the last fixed since); the Russian organization
// facet went from 2,034 distinct names to 1,863 (1,862 after the place rules below), and the names
// that are another's case (same words but for their last three letters) from 358 to 167 (165). A
// masculine noun in the genitive alone read as a feminine nominative ("Сената", "Совета
// Безопасности" stayed) until the nouns institutions are named by were listed (Совет, Сенат,
// Конгресс, Генштаб, Университет ...; Служба, Палата, Дума ...: their reading outweighs the other
// gender's, the nominative's too): 237 more names of 341 mentions, all for the better; the facet
// 1,862 -> 1,826 names, the case variants 165 -> 128. Left: capitalization ("Совет безопасности",
// "Совет Безопасности"), plurals
// ("Вооружённых сил" stays), and heads this cannot find ("службой безопасности": a noun in -ой is
// read so only after an adjective or alone).
//
// Places read the same way, with these differences: a place may be its adjective alone
// ("Приволжского" -> "Приволжский", "Кировоградской" -> "Кировоградская"); nouns in -ье, -ай,
// -ей, and море, озеро, село, кольцо decline (Поволжья, края, Енисея, Черного моря); a masculine
// stem that names a town (a consonant before -ск or -цк; -бург, -град, -город) outweighs the
// feminine -а reading, even its nominative ("Орска", "Страсбурге" -> Орск, Страсбург), and -ица,
// -щина the masculine's ("Сребренице"). A feminine noun's -е and a masculine's ("Канаде",
// "Муроме", "Ростове", "Женеве") otherwise tie and stay as written unless the article writes a form
// only one of them has — the gazetteer then finds the place by its readings (place_nominatives);
// soft-sign nouns (Казань, Марсель) are not read (their -и, -е are as often a foreign name's that
// does not decline: Беркли, Тбилиси). Until places were read so, nominative.h read them word by
// word: on NEREL train and dev the change renamed 317 place mentions (256 names); of 100 drawn at
// random about 80 better, 5 worse (ties left as written that had been right: "Астане", "Сорбонне"),
// the rest as wrong or as right as before; the names with a word no dictionary form matches while
// the text's words all do (hunspell-ru as the judge) went from 71 mentions to 4 ("Черный морь",
// "Северо-Западн федеральн округе", "Кубая"), and the gazetteer links gained Cuba, the United
// Kingdom, Rome, Kuwait, lost none.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::entities {

// `written(word)`: whether the article writes that word (for ties); may be empty.
std::string organization_nominative(std::string_view name,
                                    const std::function<bool(std::string_view)>& written = {});
std::string place_nominative(std::string_view name,
                             const std::function<bool(std::string_view)>& written = {});

// Every name the place's readings give, the best first, for finding it in the gazetteer when
// place_nominative() gives no alias ("Кубе" -> "Куба", "Куб"): the head's readings, which may
// include the name as written, and readings that decline the words after the head in the same
// case too ("Федеративную республику Германию" -> "Федеративная республика Германия"), which
// place_nominative() never shows.
std::vector<std::string> place_nominatives(std::string_view name);

} // namespace dateline::entities
