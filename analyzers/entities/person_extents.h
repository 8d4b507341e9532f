// The extents of the people the person chain finds, fixed where its token labels go wrong.
//
// Two people the person chain ran together: NEREL writes a relative or an aide right after the one
// they belong to ("сыновья Минтимера Шаймиева - Радик", "внук Минтимера Шаймиева Тимур Шаймиев",
// "из окружения В.Шеймана А.Кулешов"), and the chain, which labels each token begin, inside or
// outside, sometimes continues the first name into the second (NEREL train has 74 such pairs of
// adjacent people). A person span is split in two where one of these marks a second name:
// - a dash with spaces around it ("Шаймиева - Радик"; a hyphenated name has none);
// - a second initial in a span that begins with one ("В.Шеймана А.Кулешов"; "Майкл Дж. Фокс",
//   which begins with a full given name, stays one);
// - a word written twice in a row at the end ("Максим Дадашев Дадашев", a slip of the text; "Жа
//   Жа Габор", "Би Би Кинг" stay one);
// - a second form of the first one's surname, a given name between them ("Минтимера Шаймиева
//   Тимур Шаймиев": "Шаймиев" is "Шаймиева" less an ending; the same word twice is a name's own,
//   "Мухаммад Ахмад Мухаммад Джабарин").
// NEREL dev person tp/fp/fn 851/53/96 -> 859/49/88 (F1 0.920 -> 0.926); on NEREL train, where the
// chains are fitted, 1 span split (by the dash: "Джонатана Эймса — Jonathan Ames"), none wrongly.
// Not split: a genitive name followed by a nominative one with no such mark ("сын Акихито
// Нарухито", "Майкла Джексона Кэтрин"): endings cannot tell a genitive from a feminine nominative.
#pragma once

#include "analyzers/entities/tagger.h"

#include <span>
#include <vector>

namespace dateline::entities::tagger {

// Splits the person spans of `spans` (one line's, as Model::tag decodes them) that hold two people
// (see above); the parts keep the span's chain. Other spans are left as they are.
void split_joined_people(std::span<const Token> line, std::vector<Span>& spans);

// Extends a person span that ends in an initial of one to three letters over the surname glued to
// it by a period ("Дж" of "Дж.Коми" -> "Дж.Коми"; the chain ends many a two-letter initial there),
// dropping any person span inside the surname. NEREL dev person tp/fp/fn 859/49/88 -> 861/47/86;
// NEREL train unchanged.
void extend_glued_initials(std::span<const Token> line, std::vector<Span>& spans);

// Starts a person span after its first word when that is a title, a rank or a kinship written
// with a capital at the start of a sentence ("Император Акихито", "Вдова Солженицына", "Принц
// Гарри"): NEREL leaves titles out of a person's name. On NEREL train such a word before a name
// is outside the person 46 times, inside it 4 ("Мать Тереза", "Святой ..."; "мать", "брат" and
// "святой" are left out of the list, and so are "мэр", "эмир" and "шейх", given names too: "Мэри
// Шапиро", "Эмир Кустурица"). A title takes an ending of two letters at most ("Императору").
// NEREL dev person tp/fp/fn 861/47/86 -> 864/44/83; on NEREL train one span changes ("Короля
// Лир", a play's title, either way wrong). Nor does a person begin with an institution its name
// names ("Института Пушкина": Пушкина; NEREL train gold has no person so, dev 1 predicted).
void trim_leading_titles(std::span<const Token> line, std::vector<Span>& spans);

} // namespace dateline::entities::tagger
