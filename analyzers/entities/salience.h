// Place salience: which of the countries an article mentions it is about. Wire services annotate
// a story with the countries it is about, not with every passing mention ("listed in Luxembourg",
// "the London market"); the evidence below separates the two.
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
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
// and about the other countries a learned model (salience_model.h: gradient-boosted trees that
// scripts/train-salience fits on Reuters-21578 TRAIN) rates more likely salient than not, over
// salience_features(): the rules below among them, and how the country stands among the story's
// others. The rules (salient_by_rules): a country whose salience_score is at least 3, or 1.5 when
// it is named in the title or the lead sentence, or at least 2 in a story that names nine countries
// or more (evidence entries: a list or a table), or 1 there when four countries pass already, or
// 0.75 (a demonym) in the title of a short story that names no organization of it (a brief: its
// title says what it is about); a country named once in passing, or only through a city or a
// company ("the London market", "British Petroleum"), is not. A wire story whose dateline the
// gazetteer cannot place (`unplaced_dateline`: "FLENSBURG, March 22") is weighed by the rules
// alone, and is about its most named country when no country passes. Without a dateline the tagger
// cannot tell the subject from a passing mention ("returning from Germany"), so every mentioned
// country is salient (the model, trained on dated wire stories only, is not asked: Wikinews-en and
// NEREL state no datelines, and their salient places do not change). Trade-off, measured by
// score-entities on TRAIN's even and odd article ids (trained on one half, scored on the other):
// rules -> model even -> odd 0.9459 -> 0.9484 (tp 7128 -> 7142, fp 350 -> 326), odd -> even 0.9473
// -> 0.9509 (tp 7004 -> 7044, fp 290 -> 277); trained on all of TRAIN, places F1 0.947 -> 0.955 (P
// 0.957 -> 0.966, R 0.937 -> 0.945; in-sample, so the cross-validated gain, +0.002 to +0.004, is
// the one to expect on TEST; on the 714 annotated NOT-USED articles, which no training sees,
// rules 0.942 -> model 0.950, tp 901 -> 905, fp 53 -> 43). The cost: a decision that no threshold
// states (100 trees of depth 4 per non-dateline country, about 2,100 nodes) and a retraining
// whenever the evidence or the rules change. Tried: 100 to 300 trees of depth 2 to 5, learning
// rates 0.05 and 0.1, leaves of hessian 5 to 40 (all between +0.0004 and +0.004 a half; depth 2
// gains less on the odd ids); a threshold picked on the training half instead of 1/2 (no better on
// either half); the dateline country's score, how many countries score 1 or more, the title naming
// by name (no gain: 0.9477 and 0.9505); body mentions in the first two sentences, sentences naming
// the country, its last sentence and the story's sentences, gathered in entities.cpp (0.9480 and
// 0.9488: dropped); which country it is and which the dateline's is (flags for US, GB, JP, CA, DE,
// FR and for a US, GB, JP, CA dateline: 0.9489 and 0.9505, dropped). Most errors left are a country
// named once outside the title (out of fold about 424 missed, 340 of them after the lead, and 90
// false): the evidence cannot tell.
std::vector<bool> salient_countries(const std::vector<CountryEvidence>& evidence,
                                    bool unplaced_dateline = false);

// The hand-tuned rules alone (the paragraph above, the learned model aside): the whole decision
// for a story without a placed dateline, and the model's first feature.
std::vector<bool> salient_by_rules(const std::vector<CountryEvidence>& evidence,
                                   bool unplaced_dateline = false);

// What the learned model weighs for one country of a story, in this order: the rules' verdict,
// the evidence itself (positions of a country never named in the body: sentence 99, word 9999,
// share of the story 1.5), and the country among the story's others: how many it names, this
// one's rank by salience_score (0 = the top), its share of their scores and of the top score,
// its share of all mentions, how many countries pass the rules (with and without it).
inline constexpr std::array<std::string_view, 22> salience_feature_names = {"rule",
                                                                            "title",
                                                                            "score",
                                                                            "name",
                                                                            "demonym",
                                                                            "place",
                                                                            "org",
                                                                            "weak",
                                                                            "mentions",
                                                                            "body",
                                                                            "first_sentence",
                                                                            "first_word",
                                                                            "first_word_share",
                                                                            "story_words",
                                                                            "countries",
                                                                            "rank",
                                                                            "score_share",
                                                                            "score_of_top",
                                                                            "mention_share",
                                                                            "passing",
                                                                            "passing_others",
                                                                            "lead"};
using SalienceFeatures = std::array<double, salience_feature_names.size()>;

// The features of each country of `evidence` (scripts/train-salience reads them from
// `dateline-entities-bench --evidence`).
std::vector<SalienceFeatures> salience_features(const std::vector<CountryEvidence>& evidence);

} // namespace dateline::entities
