// Names the gazetteer does not know, from capitalized word runs with cues: a title before a person
// ("Finance Minister Gerhard Stoltenberg", "spokesman Dmitry Peskov", "Mr Peskov"), a given name
// ("Ivan Boesky"), "X Y said"; an organization word at the end ("Standard Oil Co", "Labour Party")
// or head ("Ministry of Finance"). Runs never cross gazetteer person or organization mentions;
// they may contain place mentions only when they end as an organization ("Bank of Montreal"). A
// firm's name right after a gazetteer organization's, in one run, takes it in as its subsidiary's
// ("General Motors Acceptance Corp"), so that found name holds the gazetteer mention.
// Junk full names (issue 18), counted on the found person and organization names of Wikinews-en
// (295 articles) and Reuters-21578 (`dateline-index --dry-run --emit jsonl`; a name per article):
// - a run crosses a period only after an initial, "U.S.", a name abbreviation ("Mr.", "St.") or
//   from one legal form to another ("Co. Ltd"): names crossing into the next sentence ("Morgan
//   Guaranty Ltd. The", "Ayaan Hirsi Ali. And") Wikinews 4 -> 0, Reuters 125 -> 2; true names
//   lost 4: "Dr. Ing. H.C.F. Porsche AG" (3 articles; now "H.C.F. Porsche AG"), "David O'B.
//   Martin".
// - "of" never begins or continues a person's name: a title's complement ("Secretary of State",
//   "Minister of Information") is skipped to a given name, and "of" after a name starts an
//   affiliation ("David Crossen of Sanford C. Bernstein"). Person names with "of": Wikinews 22 ->
//   0, Reuters 156 -> 0, and about 60 "X Y of Z" now "X Y"; true names lost: "Helen of Troy".
// - a run drops a capitalized article, conjunction or pronoun at its end, and "I" before a verb
//   (an interview's speaker mark: "Michael Siegel I am"): Wikinews 1 -> 0, Reuters 3 -> 0, none
//   lost. Left as found: "He" (a surname: "He Kang", "Alex I. He"), "A" ("Class A").
// - legal forms alone ("Co Inc", "Co Ltd": the rest of "Morgan Stanley and Co Inc") name nothing;
//   after "and" they close the name before it, across one comma ("Kidder, Peabody and Co Inc"),
//   also one read as a person ("Samuel Montagu and Co Ltd"). Legal-form-only names: Reuters 348
//   -> 0 (Wikinews 0); 96 Reuters "people" are now their firms ("Eli Lilly" -> "Eli Lilly and
//   Co"); no true name lost.
// - a caption label (a capitalized word that ends names before ':' after two different words in
//   the text: "Susan Rice Image: White House.") ends no name: Wikinews "X Image" 12 -> 0, each
//   now the person's own name; Reuters none. Left: labels glued to the name ("JorgensenImage").
// - refinements: an abbreviation with periods inside ends in a letter or two ("U.S.", not
//   "C.Itoh."); only a legal form follows a legal form across its period ("Co. Ltd", not "Inc.
//   News"); "First of America Bank Corp" keeps "First"; the name before "and Co" drops a sentence
//   word ("The Unilever Plc and NV") and crosses ",\n" too ("Dillon,\nRead and Co") but not a
//   legal form ("Salomon Brothers Inc, Kidder"). Reuters: 10 junk names fixed, 13 partial firm
//   names completed ("Sachs and Co" -> "Goldman Sachs and Co"), 1 added ("Capital Markets,
//   Lazard Freres and Co" from a list), none lost.
// - "der" and "den" join a name only after "van" or "von" ("Van der Bellen"; "van der"/"van den"
//   before a capital too: "Pieter van der Vorm"): German articles before a noun ended no name
//   ("Gonzalo Higuain den Ball", "Politik der Europäischen Union"). 10kGNAD test (German, 1,028
//   articles): 71 junk mentions gone, 62 now the name alone; Reuters: "Roel den Dunnen" lost.
// - people's one-word names after a title (Reuters: 134 entities of 66 names, about 20 junk): a
//   title abbreviation written in capitals is a firm's or product's initials ("ADM Growmark", "MS
//   Net"; "M.S. Swaminathan" has periods); a day, a month, a suffix or a title's second word
//   ("chief executive Friday", "Vice", "Manager", "Jr") is no name alone; a title word after a
//   given name, last or before a suffix, is a surname ("John Pope Jr", "Donna Pope"); a word for
//   a person opening a sentence before a given name is left out ("Businessman Raul Concepcion",
//   "Analyst George Baker"); a name glued to a caption label at a period is none ("Edward
//   Snowden.Image"); a one-word name right before a gazetteer person's mention is that person's
//   given name, not a person ("farm minister Ignaze Kiechle"). With entities.cpp's
//   another_persons_surname(), Reuters one-word people 134 -> 90 entities (66 -> 47 names), 19
//   names more found whole ("Raul Concepcion", "John Pope Jr"); Wikinews-en 6 names more found
//   whole, 2 junk fewer.
// - an organization's run that begins with a given name and has "of" as its third or fourth word,
//   no firm's word before it, is a person and the firm they speak for ("David Wyss of Data
//   Resources Inc", "Kristen Welker of NBC News"): Reuters 65 articles, Wikinews 2, each such
//   "organization" now the person and the firm; "Sara Lee Corp of Canada Ltd" stays whole.
// - German (`language` "de") capitalizes every noun, so the words for a person open the run
//   ("Trainer Laurent Blanc", "Bundeskanzler Werner Faymann", "Pop-Diva Whitney Houston",
//   "Spanier Rafael Nadal"): there a person begins at the run's first listed given name that a
//   capitalized word or a particle follows (a hyphenated given name whole: "Jean-Marc Ayrault");
//   "von" after a given name and a surname, or before a given name, is the preposition ("Jens
//   Weidmann von Anfang an", "Matti von Thomas Bernhard": the run goes on after it), after a given
//   name a particle ("Otto von Habsburg"); an abstract noun (-heit, -keit, -schaft, -tion, -tät,
//   -ismus, a long -ung word) ends the name ("Sonja Wehsely Empörung aus"). 10kGNAD test (1,028
//   articles): person entities 1,404 -> 2,459 (distinct names 1,147 -> 1,902), a sample of 150
//   new ones all real people. A genitive -s is dropped, and the noun after it, where the article
//   also writes the surname without it ("Steven Spielbergs" -> "Steven Spielberg", "Marcel
//   Kollers Wunsch" -> "Marcel Koller": 19 names in 10kGNAD, 2 of them junk either way: "Rosa
//   Flamingos", "Louis Blues"); left: a genitive the article writes only so ("Keith Jarretts"),
//   a novel's title ("den Roman Jakob von Gunten"), "von" in a noble name after two
//   words ("Mathias Müller von Blumencron" is now "Mathias Müller"). English keeps its reading:
//   "Smith Barney Harris Upham" has no person "Barney Harris Upham". German "und Co" alone is
//   "and the like", no firm ("Spotify und Co", "Tim Cook und Co": 10kGNAD 8 junk firms gone).
// - a name is written with the hyphens the text gives it ("Jean-Claude Juncker", "Johanna
//   Mikl-Leitner", "Coca-Cola Co", "Hewlett-Packard Co"; they were joined by spaces): Reuters 787
//   articles' names, Wikinews 17, 10kGNAD 106; no entity found or lost.
// - "X Y said" alone (no title, no listed given name) names no person when a word after the first
//   is one the text also writes in lower case ("Offshore Data Services said ... the data",
//   "Capital Markets", "Farm Credit Administration", "Oil World"): Reuters 37 junk people gone,
//   Wikinews 3, none of them a person; "Mark Eyskens", "King Fahd" stay.
// - firms: business words end firms' names as organization words do ("Shamrock Associates",
//   "Abbott Laboratories", "Cable News Network", "Standard Oil"; not after a place alone, "U.S.
//   Oil company", nor a title, nor in German, nor a kind of oil: "Soybean Oil"), and a firm named
//   for two takes the name before "and" ("Procter and Gamble Co", "Nippon Telegraph and Telephone
//   Corp", "House Ways and Means Committee", "Federal Savings and Loan Insurance Corp"; they were
//   "Gamble Co", "Telephone Corp", "Means Committee") unless a legal form ends it ("Texaco Inc and
//   Union Oil"). Reuters: 1,781 articles' names changed, 2,014 organizations new or whole where
//   1,274 were cut or missing and 68 junk people ("Offshore Data Services") go; the junk left: two
//   firms of a list read as one ("Credit Suisse and Swiss Bank Corp", "Secret Service and US Park
//   Police" on Wikinews). Wikinews 26 articles.
// None of these moves Reuters TRAIN places (F1 0.947) or people (recall 0.989), or NEREL dev.
#pragma once

#include "analyzers/article.h"
#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/matcher.h"
#include "analyzers/entities/token_stream.h"

#include <string>
#include <vector>

namespace dateline::entities {

struct FoundName {
    std::size_t begin = 0, end = 0; // words [begin, end) of the name itself (titles excluded)
    std::string name;               // as written, initials and possessives dropped
    EntityType type = EntityType::other;
    std::string country; // organizations: the country their legal form implies ("Inc" -> US)
    // Bytes [text_begin, text_end) of the tagged text the mention covers, when they are not the
    // words' own extent (the statistical tagger's spans keep a closing quotation mark:
    // «Единой России»); npos: the words' extent.
    std::size_t text_begin = npos, text_end = npos;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    // A person's name that is one hyphenated word with no title before it: more often a compound
    // than a given name and a surname (German "Oscar-Verleihung", "Ludwig-Boltzmann-Institut",
    // firms "Allen-Bradley", places "Winston-Salem"). Kept only as a company's short name.
    bool compound = false;
};

// `covered[i]` is the type of the gazetteer mention covering word i, or EntityType::other.
// `language` (ISO 639-1): in German, where every noun is capitalized, a person's name begins at
// the first listed given name of a run that a noun opens ("Trainer Laurent Blanc", "Finanzminister
// George Osborne", "Pop-Diva Whitney Houston"); other languages read runs as English does.
std::vector<FoundName> find_names(const std::vector<Word>& words,
                                  const std::vector<EntityType>& covered,
                                  const Gazetteer& gazetteer, std::string_view language = {});

// A company's legal form, as a word key: "inc", "corp", "ltd", "plc", "gmbh", "pty", "kk" ...
bool is_legal_form(std::string_view key);

// The country a company's legal form implies ("inc" -> "US", "plc" -> "GB", "gmbh" -> "DE"), or "".
std::string_view legal_form_country(std::string_view key);

// Title and role words that announce a person ("president", "spokesman", "mr").
bool is_title_word(std::string_view key);

// Whether word k ends a title that announces a person: a title word, or "elect" or "designate"
// joined to one ("President-elect Wayne Bennett", "chairman elect Denys Henderson",
// "chairman-designate Alan Greenspan").
bool ends_title(const std::vector<Word>& words, std::size_t k);

} // namespace dateline::entities
