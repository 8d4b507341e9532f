// Place salience: which of the countries an article mentions it is about. Wire services annotate
// a story with the countries it is about, not with every passing mention ("listed in Luxembourg",
// "the London market"); the evidence below separates the two.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace dateline::entities {

// What an article says about one country: its own mentions and those of its places, demonyms and
// the organizations that imply it (a central bank, a company's legal form).
struct CountryEvidence {
    static constexpr std::size_t never = std::numeric_limits<std::size_t>::max();

    std::string country;                // ISO alpha-2
    int mentions = 0;                   // mentions in the dateline, title and body
    int weak_mentions = 0;              // company legal forms ("Inc"), currencies ("U.S. dlrs")
    int body_mentions = 0;              // mentions in the body (dateline excluded)
    std::size_t first_word = never;     // the body word (0 = first after the dateline) it starts at
    std::size_t first_sentence = never; // the body sentence (0 = first) of its first mention
    std::size_t story_words = 0;        // the story's length: its body words, dateline excluded
    bool dateline = false;              // the story's dateline is in this country
    bool title = false;                 // mentioned in the title (or a publisher tag)
    // The body and title mentions (dateline and weak ones excluded) by what names the country:
    int name_mentions = 0;    // its own name or abbreviation ("Japan", "U.S.")
    int demonym_mentions = 0; // its demonym ("Japanese")
    int place_mentions = 0;   // one of its places: a city, a region ("Tokyo")
    int org_mentions = 0;     // an organization of it: a central bank, a company ("Bank of Japan")
};

// How strongly the article names the country outside its dateline: its name and abbreviations
// count 1 a mention, its demonym 0.75, its cities and organizations nothing (salience.cpp says
// why); title mentions included, weak mentions (currencies, legal forms) excluded.
double salience_score(const CountryEvidence& e);

// The salient countries among `evidence` (one entry per country), as flags in the same order.
// Salience is anchored by a dateline: a story that states where it was filed is about that place,
// and about any country whose salience_score is at least 3, or 1.5 when it is named in the title
// or the lead sentence, or at least 2 in a story that names nine countries or more (evidence
// entries: a list or a table), or 1 there when four countries pass already, or 0.75 (a demonym) in
// the title of a short story that names no organization of it (a brief: its title says what it is
// about); a country named once in passing, or only through a city or a company ("the London
// market", "British Petroleum"), is not. A wire story whose dateline the gazetteer cannot place
// (`unplaced_dateline`: "FLENSBURG, March 22") is weighed the same way, and is about its most named
// country when no country passes. Without a dateline the tagger cannot tell the subject from a
// passing mention ("returning from Germany"), so every mentioned country is salient.
std::vector<bool> salient_countries(const std::vector<CountryEvidence>& evidence,
                                    bool unplaced_dateline = false);

} // namespace dateline::entities
