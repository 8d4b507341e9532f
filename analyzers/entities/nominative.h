// The nominative of a Russian name as the tagger found it inflected in the text: "Надежды
// Ивановой" -> "Надежда Иванова", "Новой Шотландии" -> "Новая Шотландия", so that every case of a
// name is one facet value. Organizations and places decline by their head, the adjectives and the
// noun they agree with (phrase_nominative.h); people's names word by word, as below.
//
// Rules over endings, and a short list of given names; no dictionary. Each word of the name gets
// the readings its ending allows, as (gender, case, nominative form): surnames in -ов/-ев/-ин/-ын
// (Иванова, Ивановой), names in -а/-я (Надежды, Марии, Ольги),
// consonant stems (Ивана, Алексея, Игоря, Ивановичем), and a person's first word reads as a man's
// given name in the nominative when it ends in a consonant or in "ей"/"ай" ("Роберт Мугабе",
// "Сергей Бунтман", not the feminine "Мугаба", "Сергя"; nominative.cpp lists the endings left out).
// Every word may also be indeclinable (Мишель, Акихито). The name's reading is the (gender, case)
// that the most words share a rule for; on a tie the nominative wins, then a reading whose
// nominative forms the article writes elsewhere (`written`). A man's name in the genitive and a
// woman's in the nominative look alike ("Ивана Иванова", "Анна Иванова", "Юрия Царёва"): a first
// word that is one of the common Russian given names listed in nominative.cpp, in any case, settles
// the gender ("Мария Голунова" stays a woman beside the article's "Иван Голунов", which had made
// her "Марий Голунов"; "Юрия Царёва" -> "Юрий Царёв"), and one written in the nominative settles
// the case ("Георгий Данелия"); a settled man's surname in -а declines as a feminine noun ("Степана
// Бандеры" -> "Степан Бандера"); a name that is both a woman's and a man's genitive
// ("Александра", "Валентина") settles nothing; a listed name that does not decline ("Эндрю",
// "Хиллари", "Кэтрин", "Берни", "Уитни") settles the gender only, and after it a surname in -и
// does not decline ("Марио Драги"; "Юрия Чайки" -> "Юрий Чайка"). The lists hold common Russian
// names and the foreign ones Russian news writes most ("Милоша Земана" -> "Милош Земан", "Ангелы
// Меркель" -> "Ангела Меркель"; the foreign names: NEREL train and dev 65 distinct names changed,
// about 60 for the better, worse "Мартина Биг" (a woman) -> "Мартин Биг", "Джастина Теру" ->
// "Джастин Тера"; the names in -и, -о added since: 28 names of 81 mentions, all for the better,
// "Сильвио Берлусконя", "Уитня Хьюстон", "Тоня Блэр" among them). NEREL train and dev, the Russian
// lists: 166 names changed, about 155 for the better; worse: "Юлия Цезаря" (Юлия is listed as a
// woman's), "Николая Чудотворца"
// -> "Николай Чудотворц" (the fleeting vowel of -ец: foreign "Ганца" is Ганц's). Otherwise,
// unlisted names: the nominative wins unless the article writes "Иван" or "Иванов" itself; and a
// woman's given name in a consonant before her inflected surname reads as a man's in the
// nominative ("Астрид Шведской" stays as written). On the NEREL train and dev names the first-word
// rule changed 105 names, about 95 for the better ("Хасан Рухани", "Пол Маккартни", "Сергей
// Скрипаль" had been "Руханя", "Маккартня", "Сергя"), five for the worse ("Астрид Шведской", "Сан
// Джин Пака", "Колей"). Words in -ея and -ря are read as men's names in the genitive (Алексея,
// Игоря); men's names in -ай decline as such (Николая, Николаем: Николай, not "Николаь"), and Павел
// and Лев drop their vowel (Павла, Льва). A consonant stem, and a feminine noun's -а in the
// oblique cases, need a consonant before the ending ("Маккалоу", "Антониу" stay, not "Маккалоа",
// "Антониа"). Until this module left places to phrase_nominative.h, it read them word by word
// too, each word in one case and gender: on the NEREL train and dev places, 71 mentions of 59
// names had a word no dictionary knows where the text's words are all known ("Северо-Западн
// федеральн округе", "Черный морь", "Енисяя", "Кубая"; hunspell-ru as the judge), against 4 of 3
// by their head.
// Other languages are left as written.
#pragma once

#include "analyzers/article.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::entities {

// The nominatives a Russian surname's endings allow, one per gender that has a surname paradigm
// for it: "Агафонова" -> {"Агафонов", "Агафонова"}, "Белоусовского" -> {"Белоусовский"}; empty
// when none does ("Мугабе") or in another language.
std::vector<std::string> surname_nominatives(std::string_view word, std::string_view language);

// `written(word)`: whether the article writes that word (for ties); may be empty.
std::string nominative(std::string_view name, EntityType type, std::string_view language,
                       const std::function<bool(std::string_view)>& written = {});

} // namespace dateline::entities
