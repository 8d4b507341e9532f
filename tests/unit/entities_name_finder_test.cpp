// The cue-based name finder (name_finder.h) on English text: where a run of capitalized words
// stops, so that no found name takes in the next sentence or a function word (issue 18).
#include "analyzers/entities/gazetteer.h"
#include "analyzers/entities/name_finder.h"
#include "analyzers/entities/token_stream.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

namespace ent = dateline::entities;
using dateline::EntityType;

namespace {

// "type name" of every name the finder reads in `text`; gazetteer organization mentions cover
// the words written as in `organization` ("Salomon" covers every word "Salomon"), none else.
std::vector<std::string> found(const std::string& text, std::string_view organization = {},
                               std::string_view language = {}) {
    const auto words = ent::split_words(text);
    std::vector<EntityType> covered(words.size(), EntityType::other);
    for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i].text == organization) covered[i] = EntityType::organization;
    std::vector<std::string> out;
    for (const auto& f : ent::find_names(words, covered, ent::default_gazetteer(), language))
        out.push_back(std::string(f.type == EntityType::person ? "person " : "organization ") +
                      f.name);
    return out;
}

using Names = std::vector<std::string>;

} // namespace

TEST_CASE("name finder: in German a person begins at the given name after the nouns before it") {
    CHECK(found("Das sagte Trainer Laurent Blanc am Montag.", {}, "de") ==
          Names{"person Laurent Blanc"});
    CHECK(found("Damit überflügelte er die Pop-Diva Whitney Houston deutlich.", {}, "de") ==
          Names{"person Whitney Houston"});
    // A hyphenated given name is whole, and so is a hyphenated surname.
    CHECK(found("Das sagte Außenminister Jean-Marc Ayrault in Paris.", {}, "de") ==
          Names{"person Jean-Marc Ayrault"});
    CHECK(found("Das sagte Innenministerin Johanna Mikl-Leitner am Montag.", {}, "de") ==
          Names{"person Johanna Mikl-Leitner"});
    // "von" after a full name is the preposition, after a given name a particle.
    CHECK(found("Das bestätigte Analyst Matthew Volk von ESPN am Montag.", {}, "de") ==
          Names{"person Matthew Volk"});
    CHECK(found("Das schrieb Kaiser Otto von Habsburg einst.", {}, "de") ==
          Names{"person Otto von Habsburg"});
    CHECK(found("Es spielt Knecht Matti von Thomas Bernhard.", {}, "de") ==
          Names{"person Thomas Bernhard"});
    // An abstract noun after the name is the sentence's object.
    CHECK(found("Damit löste Stadträtin Sonja Wehsely Empörung aus.", {}, "de") ==
          Names{"person Sonja Wehsely"});
    // "und Co" alone is "and the like", "und Co GmbH" a firm's name.
    CHECK(found("Streamingdienste wie Spotify und Co wachsen.", {}, "de") == Names{});
    CHECK(found("Das Werk von Haas und Co GmbH schliesst.", {}, "de") ==
          Names{"organization Haas und Co GmbH"});
    // A genitive -s where the article writes the surname without it too.
    CHECK(found("Der Film Steven Spielbergs lief gut. Spielberg war da.", {}, "de") ==
          Names{"person Steven Spielberg"});
    CHECK(found("Marcel Kollers Wunsch ist klar. Koller sagte das.", {}, "de") ==
          Names{"person Marcel Koller"});
    CHECK(found("Das sagte Premier Alexis Tsipras am Montag.", {}, "de") ==
          Names{"person Alexis Tsipras"});
    // English reads the run as before: no given name inside it begins a person.
    const auto firm = found("Analysts at Smith Barney Harris Upham said so.");
    CHECK(std::find(firm.begin(), firm.end(), "person Harris Upham") == firm.end());
}

TEST_CASE(
    "name finder: 'X Y said' names no person when Y is a word the text writes in lower case") {
    CHECK(found("Rig use fell, Offshore Data Corp said. The data showed a fall.") ==
          Names{"organization Offshore Data Corp"});
    CHECK(found("Rig use fell, Offshore Data Centre said. The data showed a fall.") == Names{});
    CHECK(found("Output will rise, Rilwanu Lukman said on Monday.") ==
          Names{"person Rilwanu Lukman"});
}

TEST_CASE("name finder: a firm named for two, and business words that end firms' names") {
    CHECK(found("Earlier, Procter and Gamble Co said sales rose.") ==
          Names{"organization Procter and Gamble Co"});
    CHECK(found("It agreed to buy Fountain Oil and Gas Inc on Monday.") ==
          Names{"organization Fountain Oil and Gas Inc"});
    // A legal form ends a firm's name of its own.
    CHECK(found("It said Texaco Inc and Union Oil had agreed.") ==
          Names{"organization Texaco Inc", "organization Union Oil"});
    CHECK(found("It was led by Shamrock Associates, a holding company.") ==
          Names{"organization Shamrock Associates"});
    // Not a kind of oil, nor after a title, nor in German.
    CHECK(found("Prices of Soybean Oil rose on Monday.") == Names{});
    CHECK(found("It was the Minister of Energy who said so.") == Names{});
    CHECK(found("It was the Deputy Secretary of Energy who said so.") == Names{});
    CHECK(found("Das meldete der Ölkonzern Indian Oil am Montag.", {}, "de") == Names{});
}

TEST_CASE("name finder: a firm's name right after a gazetteer organization's is its subsidiary") {
    CHECK(found("It said Reuters Holdings Plc gained.", "Reuters") ==
          Names{"organization Reuters Holdings Plc"});
    CHECK(found("Die ÖBB-Infrastruktur AG baut.", "ÖBB", "de") ==
          Names{"organization ÖBB-Infrastruktur AG"});
    // Not across a comma.
    CHECK(found("It said Reuters, Holdings Plc and others.", "Reuters") ==
          Names{"organization Holdings Plc"});
}

TEST_CASE("name finder: a German noun for what a firm is stands outside its name") {
    CHECK(found("Das sagte die Firma Limbach Installtec GmbH am Montag.", {}, "de") ==
          Names{"organization Limbach Installtec GmbH"});
    CHECK(found("Der Softwarekonzern Acme Data AG wuchs.", {}, "de") ==
          Names{"organization Acme Data AG"});
    CHECK(found("Das meldete die Nachrichtenagentur SPA am Montag.", {}, "de") == Names{});
    // A surname is no such noun.
    CHECK(found("Das sagte die Bauer Media Group am Montag.", {}, "de") ==
          Names{"organization Bauer Media Group"});
    CHECK(found("Die Hofbauer GmbH baut.", {}, "de") == Names{"organization Hofbauer GmbH"});
    CHECK(found("Das sagte der Versicherer Generali AG am Montag.", {}, "de") ==
          Names{"organization Generali AG"});
}

TEST_CASE("name finder: two firms of a list are not read as one named for two") {
    CHECK(found("Shares were placed by Sanwa Bank and Sumitomo Bank on Monday.") ==
          Names{"organization Sanwa Bank", "organization Sumitomo Bank"});
    CHECK(found("It merges Fleet Financial Group and Norstar Bancorp Inc next year.") ==
          Names{"organization Fleet Financial Group", "organization Norstar Bancorp Inc"});
    // The name after "and" already joins two.
    CHECK(found("Lead managers are Capital Markets and E.F. Hutton and Co on Monday.") ==
          Names{"organization E.F. Hutton and Co"});
    // One word before "and" is a part of the name, and so is a line of business after it.
    CHECK(found("He ran the Army and Air Force Exchange Service then.") ==
          Names{"organization Army and Air Force Exchange Service"});
    CHECK(found("She studied at Virginia Polytechnic Institute and State University then.") ==
          Names{"organization Virginia Polytechnic Institute and State University"});
    CHECK(found("It bought Harris Trust and Savings Bank on Monday.") ==
          Names{"organization Harris Trust and Savings Bank"});
    CHECK(found("The Malaysian Rubber Exchange and Licensing Board met.") ==
          Names{"organization Malaysian Rubber Exchange and Licensing Board"});
    CHECK(found("It bought Central Bank and Trust Co. It sells trust services.") ==
          Names{"organization Central Bank and Trust Co"});
    CHECK(found("Output rose at Texas Oil and Gas Corp, which sells gas.") ==
          Names{"organization Texas Oil and Gas Corp"});
}

TEST_CASE("name finder: a title ended by -elect or -designate, capitalized or not") {
    CHECK(found("It was announced by President-Elect Wayne Bennett on Monday.") ==
          Names{"person Wayne Bennett"});
    CHECK(found("It was announced by chairman-designate Alan Greenspan on Monday.") ==
          Names{"person Alan Greenspan"});
}

TEST_CASE("name finder: a run stops at a period that ends a sentence") {
    CHECK(found("The loan was arranged by Morgan Guaranty Ltd. The bank declined comment.") ==
          Names{"organization Morgan Guaranty Ltd"});
    CHECK(found("She cites the writer Ayaan Hirsi Ali. And she went on.") ==
          Names{"person Ayaan Hirsi Ali"});
    // A title word ends the sentence before a capitalized word: no title cue across it.
    CHECK(found("It started on March 21st sir. Initially I thought it was a virus.").empty());
    CHECK(found("shares of Smith Holdings Inc. It said the offer was low.") ==
          Names{"organization Smith Holdings Inc"});
    // Periods a name goes on across (the name as written drops periods and middle initials): an
    // initial, "U.S.", a name abbreviation, legal forms.
    CHECK(found("a letter from Robert M. Bass to the board") == Names{"person Robert Bass"});
    CHECK(found("the U.S. Bankruptcy Court in Boston") ==
          Names{"organization U.S. Bankruptcy Court"});
    CHECK(found("the plant of Fernand St. Germain said") == Names{"person Fernand St Germain"});
    // A word with periods inside that is no abbreviation ends a sentence, and so does a legal
    // form before any word but another legal form.
    CHECK(found("said trader C.Itoh. Officials said") == Names{});
    CHECK(found("the offer of Acme Holdings Inc. News of the deal") ==
          Names{"organization Acme Holdings Inc"});
    CHECK(found("a unit of Hyundai Steel Co. Ltd in Seoul") ==
          Names{"organization Hyundai Steel Co Ltd"});
}

TEST_CASE("name finder: 'of' is never part of a person's name") {
    // A title's complement is no name; the person begins at a given name after it.
    CHECK(found("talks with the Secretary of State on Monday").empty());
    CHECK(found("said Minister of Information Ahmed Eryani on Sunday") ==
          Names{"person Ahmed Eryani"});
    // "of" after a person's name starts an affiliation.
    CHECK(found("a talk by Eli Beckerman of Open Debates last week") ==
          Names{"person Eli Beckerman"});
    // Name particles stay: "Ludwig van Beethoven".
    CHECK(found("a concert of Ludwig van Beethoven works") == Names{"person Ludwig van Beethoven"});
}

TEST_CASE("name finder: a name ends before an article, a conjunction or a pronoun") {
    // An interview's speaker mark before the answer.
    CHECK(found("Professor Michael Siegel I am a professor of health") ==
          Names{"person Michael Siegel"});
    CHECK(found("a line from Morgan Guaranty Ltd The bank said") ==
          Names{"organization Morgan Guaranty Ltd"});
    // A regnal number stays.
    CHECK(found("during the reign of Elizabeth I in England") == Names{"person Elizabeth I"});
}

TEST_CASE("name finder: legal forms after 'and' close the name before them") {
    CHECK(found("said lead manager Kidder, Peabody and Co Inc on Monday") ==
          Names{"organization Kidder Peabody and Co Inc"});
    CHECK(found("adviser Dillon,\nRead and Co since May") ==
          Names{"organization Dillon Read and Co"});
    // Read as a person before the legal forms: "Samuel" is a given name.
    CHECK(found("the broker Samuel Montagu and Co Ltd said") ==
          Names{"organization Samuel Montagu and Co Ltd"});
    // A name found before the comma, or ending there as one, stays a name of its own.
    CHECK(found("managers Salomon Inc, Kidder Peabody and Co said", "Salomon") ==
          Names{"organization Kidder Peabody and Co"});
    CHECK(found("managers Salomon Brothers Inc, Sachs and Co were named") ==
          Names{"organization Salomon Brothers Inc", "organization Sachs and Co"});
    // A sentence's first word is not part of the name ("The"), unless "of" follows it.
    CHECK(found("The Unilever Plc and NV unit said") == Names{"organization Unilever Plc and NV"});
    CHECK(found("brokers A.T. Brod and Co Inc said") == Names{"organization A.T. Brod and Co Inc"});
    CHECK(found("First of America Bank Corp said") ==
          Names{"organization First of America Bank Corp"});
    // Alone, legal forms name nothing.
    CHECK(found("the deal with the Co Inc unit") == Names{});
}

TEST_CASE("name finder: a caption label is no part of the name it follows") {
    CHECK(found("text.\n\nSusan Rice Image: White House.\n\nGary Johnson Image: Gage Skidmore.") ==
          Names{"person Susan Rice", "person Gary Johnson"});
    // A speaker mark ends the same name each time: the name stays whole.
    CHECK(found("Q?\n\nMichael Siegel: Yes.\n\nQ?\n\nMichael Siegel: No.") ==
          Names{"person Michael Siegel", "person Michael Siegel"});
    // Glued to its label at a period: no name.
    CHECK(found("text.\n\nThe whistleblower Edward Snowden.Image: TheWikiLeaksChannel.") ==
          Names{});
    // An initial glued to a name is no label.
    CHECK(found("He met President George W.Bush on Monday.") == Names{"person George W.Bush"});
}

TEST_CASE("name finder: a word for a person opening a sentence is no part of the name after it") {
    CHECK(found("Prices rose.\nBusinessman Raul Concepcion, whose brother is minister, said so.") ==
          Names{"person Raul Concepcion"});
    CHECK(found("Prices rose. Stockbrokers James Capel said the move was late.") ==
          Names{"person James Capel"});
    CHECK(found("Prices rose. Analysts George Baker and Ann Lee said so.") ==
          Names{"person George Baker", "person Ann Lee"});
    // A word that does not end as a person's noun is kept: no name from inside "Avions Marcel
    // Dassault" (a firm).
    CHECK(found("Prices rose. Avions Marcel Dassault said so.") == Names{});
}

TEST_CASE("name finder: 'der' and 'den' join a name only after 'van' or 'von'") {
    CHECK(found("President Alexander Van der Bellen said so.") ==
          Names{"person Alexander Van der Bellen"});
    CHECK(found("Minister Hans van den Broek said so.") == Names{"person Hans van den Broek"});
    // German articles before a noun: the name ends before them.
    CHECK(found("Dann schoss Gonzalo Higuain den Ball ins Tor.") ==
          Names{"person Gonzalo Higuain"});
    CHECK(found("Die Aktionärsstruktur der Casinos Austria AG bleibt.") ==
          Names{"organization Casinos Austria AG"});
}

TEST_CASE("name finder: a firm's initials, a day or a title's second word make no person") {
    // Written in capitals, "ADM", "MS" are initials, not "Adm.", "Ms".
    CHECK(found("Loadings were ADM Growmark 1 4 and Bunge Grain 2 0.") == Names{});
    CHECK(found("It offers MS Net and other packages.") == Names{});
    CHECK(found("It said Ms Net would stay.") == Names{"person Net"});
    // With periods they are initials of a name: the title cue stays.
    CHECK(found("He succeeded M.S. Swaminathan as head.") == Names{"person Swaminathan"});
    CHECK(found("The analyst said chief executive Friday was a good day.") == Names{});
    CHECK(found("Executive Vice-president James Howard spoke.") == Names{"person James Howard"});
    // A title word after a given name, last or before a suffix, is a surname.
    CHECK(found("The company said John Pope Jr has been elected.") == Names{"person John Pope Jr"});
    CHECK(found("Sources said Donna Pope would stay.") == Names{"person Donna Pope"});
    CHECK(found("Sources said Lilly Chairman would stay.") == Names{});
}

TEST_CASE("name finder: a person 'of' a firm is the person and the firm") {
    CHECK(found("Rates may fall, said David Wyss of Data Resources Inc in a note.") ==
          Names{"person David Wyss", "organization Data Resources Inc"});
    CHECK(found("He said Jeffrey Leeds of Chemical Bank agreed.") ==
          Names{"person Jeffrey Leeds", "organization Chemical Bank"});
    // A firm's word before "of": one firm.
    CHECK(found("It said Sara Lee Corp of Canada Ltd sold it.") ==
          Names{"organization Sara Lee Corp of Canada Ltd"});
}
