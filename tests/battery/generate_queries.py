#!/usr/bin/env python3
"""Writes the query regression battery (tests/battery/queries.txt): deterministic (seeded) queries
covering every form of the query language and combinations of them, for Reuters-21578.
   generate_queries.py [COUNT] > tests/battery/queries.txt"""
import random
import sys

WORDS = ("oil prices wheat corn grain trade deficit bank rates interest dollar yen exports "
         "imports shares stock market profit loss quarter tonnes crude opec barrels gold coffee "
         "sugar cocoa talks agreement government minister president company said year billion "
         "million growth inflation tax budget money supply reserves debt loans farmers soviet "
         "japanese german french british election strike ship port futures index").split()
CAPITALISED = "Oil Wheat Reagan Japan Tokyo London Baker Volcker Texaco Chrysler Brazil OPEC IMF".split()
STOPWORDS = "the a of and to in for on is by".split()
ALIASES = ["reagan", "japan", "new york", "ronald reagan", "west germany", "volcker", "opec",
           "tokyo", "United States", "US", "EC", "gatt", "brazil", "Baker"]
TAGS = ["grain", "crude", "acq", "earn", "money-fx", "trade", "interest", "usa", "japan", "wheat",
        "\"ship\"", "coffee", "gold", "West Germany", "uk"]
PLACES = ["japan", "usa", "uk", "brazil", "canada"]
DATES = ["date:1987", "date:1987-03", "date:1987-04-07", "date:1987-03-01..1987-03-31",
         "date:1987-06..", "date:..1987-03-15", "date:1987-03..1987-04"]
COMPOUNDS = ["u.s.-japan", "oil/gas", "e-mail", "U.S.", "mid-year", "year-on-year", "3.5",
             "1,000", "AT&T", "C++", "Fred's", "dollar's", "U.K.", "co-operation", "per-share"]


def word(r):
    x = r.random()
    if x < 0.6:
        return r.choice(WORDS)
    if x < 0.75:
        return r.choice(CAPITALISED)
    if x < 0.88:
        return r.choice(STOPWORDS)
    return r.choice(ALIASES)


def words(r, lo=1, hi=3):
    return " ".join(word(r) for _ in range(r.randint(lo, hi)))


def filt(r):
    x = r.random()
    if x < 0.35:
        return "tag:" + r.choice(TAGS).replace(" ", "") if r.random() < 0.5 else 'tag:"' + r.choice(TAGS).strip('"') + '"'
    if x < 0.5:
        return "place:" + r.choice(PLACES)
    if x < 0.6:
        return "source:" + r.choice(["reuters", "Reuters", "\"Reuters\"", "bbc"])
    if x < 0.65:
        return "tag:" + r.choice(["gr*", "cr*", "mon*"])
    return r.choice(DATES)


def atom(r, depth=0):
    x = r.random()
    if x < 0.25:
        return word(r)
    if x < 0.35:
        return words(r, 2, 3)
    if x < 0.43:
        return '"' + words(r, 2, 3) + '"'
    if x < 0.48:
        return "%s %s %s" % (r.choice(WORDS), r.choice(["NEAR", "ADJ", "NEAR/3", "ADJ/2", "NEAR/5"]), r.choice(WORDS))
    if x < 0.54:
        return r.choice(WORDS)[:r.randint(2, 4)] + "*"
    if x < 0.62:
        return r.choice(["title:" + r.choice(WORDS), 'title:"' + words(r, 2, 2) + '"',
                         "title:(" + words(r, 1, 2) + ")", "title:" + r.choice(WORDS)[:3] + "*"])
    if x < 0.74:
        return filt(r)
    if x < 0.8:
        return r.choice(COMPOUNDS)
    if x < 0.86 and depth < 2:
        return "(" + expr(r, depth + 1) + ")"
    if x < 0.93:
        return "-" + r.choice([word(r), filt(r), '"' + words(r, 2, 2) + '"'])
    return "+" + word(r)


def expr(r, depth=0):
    parts = [atom(r, depth) for _ in range(r.randint(1, 3))]
    out = parts[0]
    for p in parts[1:]:
        op = r.choice([" ", " ", " ", " AND ", " OR ", " NOT ", " AND NOT ", " XOR ", ", "])
        out += op + p
    return out


def glitch(r, q):
    """Occasional malformed text: unbalanced quotes and brackets, dangling operators."""
    x = r.random()
    if x < 0.03:
        return q + ' "' + word(r)
    if x < 0.05:
        return "(" + q
    if x < 0.06:
        return q + ")"
    if x < 0.07:
        return q + " AND"
    if x < 0.08:
        return "OR " + q
    if x < 0.085:
        return q + " " + r.choice(WORDS) + ".." + r.choice(WORDS)
    return q


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1200
    r = random.Random(15)
    seen = set()
    fixed = ["the", "the of", "oil the", "the -oil", "-wheat", "-wheat -corn", "-tag:grain",
             "oil,the", "oil (the)", "+the oil", "reagan", "Reagan", "REAGAN", "\"ronald reagan\"",
             "new york", "-reagan", "reagan, oil", "(reagan)", "U.S. oil", "oil -\"crude oil\"",
             "oil NEAR prices reagan", "x a NEAR b", "oil AND", "a..b", "date:1987..1988",
             "tag:crude tag:grain", "place:japan place:usa", "source:reuters source:bbc"]
    out = []
    for q in fixed:
        seen.add(q)
        out.append(q)
    while len(out) < count:
        q = glitch(r, expr(r))
        if q in seen:
            continue
        seen.add(q)
        out.append(q)
    for q in out:
        print(q)


main()
