// Rules that fix the extent of the statistical tagger's organizations (tagger.h), where NEREL
// annotates a name longer than the span the chains find. They run on one line's spans after
// decoding and before a name is spread over the text, so a fixed extent is found again wherever
// it is written. Each rule was measured on NEREL dev (scripts/bench-entities, score-mentions):
//   - hyphen: a span ends or starts inside a hyphenated word: "ОВД" -> "ОВД-Инфо", "федеральный
//     суд Сан" -> "федеральный суд Сан-Франциско" (the tokenizer cuts at the hyphen). Not for
//     people and places: "Молотова-Риббентропа", "Сочи-2014", "российско-британской" are two names
//     or none in NEREL.
//   - place after: an organization written right before a place the place chain found, written
//     with a capital, takes the place in: "ФСБ России", "Следственного комитета Армении" (the
//     place stays a mention of its own, as NEREL annotates it; "РБК белорусского" is not one).
//   - head before a place: a lower-case word that heads an organization ("правительства",
//     "посольство", "сборной") written right before a tagged place is an organization with it:
//     "правительства Мали". The head words are the ones NEREL train annotates this way almost
//     always; "президента России", "гражданами США", "министр обороны" are not organizations,
//     and "власти Франции" is one in NEREL only sometimes (5 of 8 times it was not, on train).
//   - ordinal: an ordinal written in digits before the span joins it: "1-го Украинского фронта".
//   - named after: "имени"/"им." at the end of a span or right after it takes in the name that
//     follows (initials, capitalized words and the particles between them): "Ассоциации имени
//     Людвига ван Бетховена", "театра драмы им. А. М. Горького".
//   - complement: a head noun ("агентство", "службы", "комитета"; "движение", "союз" with "за")
//     takes in the "по ..." / "за ..." phrase after it, as far as the words keep the forms such a
//     phrase has (a noun phrase, then genitives, joined by "и", an enumeration's commas, "с", "в
//     сфере"): "Федеральной службы по надзору в сфере образования и науки", "Движение за
//     освобождение Азавада"; never "по словам", "по данным", nor past a verb or a preposition.
//   - without the place: a capitalized organization that ends with a tagged place, whose words
//     before the place (and a preposition) are two or more and end in a lower-case word, is also
//     an organization without the place, nested: "Коммунистической партии" in "Коммунистической
//     партии Китая", "Пограничного комитета" in "Пограничного комитета Белоруссии". NEREL train
//     annotates 115 of 214 such names so (0.54); a mention right half the time or more raises F1
//     (it only needs to beat F1 / 2), though the chains, deciding each token by the majority,
//     learn to leave it out. NEREL dev organization 0.769 -> 0.772 (tp +7, fp +6); not for one
//     word ("Суд", "Говорит" of "Говорит Москва") nor a capitalized last word ("Главное
//     управление МВД России" of "... по Нижегородской области", "Ту-154 Минобороны"): 0.767.
//     Tried: a capitalized last word unless another organization covers it ("Главном управлении
//     Нацполиции"), and the rule on nested organizations too: 0.784 -> 0.786, below the bar.
//   Tried and dropped: a lower-case head word ("правительство", "администрации", "кабинет",
//   "штаб") before a tagged person, or people joined by "и", as one organization ("правительство
//   А.Колчака"; NEREL train 44 of 63): dev tp +2, fp +2 ("штаб Сандерса"), F1 unchanged. An
//   organization ending in a lower-case word takes in the untagged capitalized word after it
//   ("Симфоническим оркестром Метрополитен-оперы"): dev 0.779 -> 0.782 from that one name
//   written twice, train tp -3, fp +3.
// Trade-off: rules, not learnt features; each stops at the first token it does not expect, so a
// wrong guess costs one mention, and none crosses another span of another type (except the place
// after, which nests).
#pragma once

#include "analyzers/entities/tagger.h"

#include <span>
#include <vector>

namespace dateline::entities::tagger {

// Fixes the extents of the outer organizations among `spans` (the spans of every chain over one
// line of tokens, as Model::tag decodes them) and appends the organizations the head rule and the
// without-the-place rule find.
// Spans keep their chains and their order; other types are read, never changed.
void fix_organization_extents(std::span<const Token> line, std::vector<Span>& spans);

// Appends as an organization each lower-case institution noun no span covers, in any of its
// forms: "полиция", "правительство", "парламент", "прокуратура", "мэрия", "кабмин" ("полицию",
// "правительства"). NEREL annotates such a noun standing alone as the organization it refers to
// most of the time (train: "полиция" 64 of 90, "правительство" 88 of 120, "парламент" 46 of 56,
// "прокуратура" 14 of 22, "мэрия" and "кабмин" 3 of 3), which the chains, deciding each token by
// its context, often leave out; a mention right more than F1 / 2 of the time raises F1. Derived
// words take longer endings and are left alone ("полицейский", "парламентский"). NEREL dev
// organization tp/fp/fn 474/104/143 -> 479/106/138 (F1 0.793 -> 0.797); the standalone nouns the
// gold annotates but this misses lie inside a wrong span ("Москве полиция", "полицию Калифорни").
// Such a noun that begins a longer organization is also one of its own, nested ("полиции" in
// "полиции Сан-Диего", "правительства" in "правительства России"): NEREL train gold annotates the
// noun so in 92 of 127 organizations it begins (dev 12 of 17). NEREL dev organization tp/fp/fn
// 483/97/134 -> 486/99/131 (0.807 -> 0.809); train, whose nested nouns the chains learnt, +1/+20.
void add_institution_nouns(std::span<const Token> line, std::vector<Span>& spans);

// Appends as a nested organization each acronym of three Cyrillic capitals or more inside an
// outer organization ("КПСС" in "ЦК КПСС", "МВД" in "ГУ МВД России"), and one that begins it
// when a place or "по" follows ("МВД России", "УФСБ по Пермскому краю"; not "РИА Новости").
// NEREL train annotates such an acronym as an organization of its own 141 of 162 times inside,
// 61 of 73 first (a place it names, "СССР" in "МВД СССР", stays a place: one already tagged
// there is left alone).
void add_nested_acronyms(std::span<const Token> line, std::vector<Span>& spans);

// Appends, for each nested organization right before a tagged place inside its outer one, the
// nested organization with the place: "АН СССР" beside "АН" in "Института языкознания АН СССР",
// "МВД России" in "ГУ МВД России". NEREL train gold has the longer one for 337 of the 346 nested
// organizations a place follows so (dev 34 of 36); the chains rarely find both.
void add_nested_with_places(std::span<const Token> line, std::vector<Span>& spans);

// Drops an organization that is the head of a longer one before its "по ..." / "за ..."
// complement, when the head ends in a lower-case word: "Федеральной службы" of "Федеральной
// службы по надзору в сфере образования", "полиция" of "полиция по охране природных ресурсов".
// NEREL train gold nests such a head in 6 of 80 organizations with a lower-case complement
// (against 9 of 23 with a capitalized one, "ГУ МВД России по Москве", left alone). NEREL dev
// organization fp 97 -> 94 (F1 0.815 -> 0.817); on train, whose nested heads the chains learnt,
// tp -2 ("Винницкого городского совета", "Международный трибунал").
void drop_complement_heads(std::span<const Token> line, std::vector<Span>& spans);

} // namespace dateline::entities::tagger
