"""Counts straight from a Reuters JSON Lines file, for the end-to-end facet tests.

usage: expected_counts.py FILE KIND ARG
  KIND tag          articles whose topics/places/people/orgs contain ARG
  KIND word+march   articles whose title or body has the word ARG (or its plural), published in March 1987
  KIND tag+from-june  articles tagged ARG published from 1987-06-01 on
Prints {"total", "date": {"1987-03": n}, "tag": {"grain": n}, "source": {"Reuters": n}}.
"""
import collections, gzip, json, re, sys

path, kind, arg = sys.argv[1:4]
WORD = re.compile(r"\w+(?:['\u2019]\w+)*")

def words(text):
    return {w.lower() for w in WORD.findall(text or '')}

def matches(r):
    tags = {t.lower() for k in ('topics', 'places', 'people', 'orgs') for t in (r.get(k) or [])}
    published = r.get('published') or ''
    month = published[:7]
    if kind == 'tag':
        return arg in tags
    if kind == 'word+march':
        w = words(r.get('title', '')) | words(r.get('body', ''))
        return month == '1987-03' and bool({arg, arg + 's', arg + "'s", arg + "\u2019s"} & w)
    if kind == 'tag+from-june':
        return arg in tags and published[:10] >= '1987-06-01'
    raise SystemExit('unknown kind ' + kind)

total, dates, tags, sources = 0, collections.Counter(), collections.Counter(), collections.Counter()
with gzip.open(path, 'rt', encoding='utf-8') as f:
    for line in f:
        r = json.loads(line)
        if not matches(r):
            continue
        total += 1
        if r.get('published'):
            dates[r['published'][:7]] += 1
        sources[r['source']] += 1
        seen = set()
        for k in ('topics', 'places', 'people', 'orgs'):
            for t in r.get(k) or []:
                if t.lower() not in seen:
                    seen.add(t.lower())
                    tags[t] += 1
print(json.dumps({'total': total, 'date': dates, 'tag': tags, 'source': sources}))
