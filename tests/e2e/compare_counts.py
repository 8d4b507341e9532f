"""Compares dateline-query's JSON output with counts computed from the input.

usage: compare_counts.py EXPECTED.json OUTPUT.json MODE
  MODE all-tags    the tag facet holds exactly the expected tags and counts
  MODE input-tags  entity tagging was on: tag values fold case ("china" the annotation and "China"
                   the entity are one row, counted as the tag: filter counts), so every input tag
                   has at least its input count
"""
import json, sys

expected = json.load(open(sys.argv[1]))
out = json.load(open(sys.argv[2]))
mode = sys.argv[3]
errors = []

def facet(name):
    return {v['value']: v['count'] for v in out['facets'][name] if v['count']}

if out['total'] != expected['total']:
    errors.append(f"total {out['total']} != {expected['total']}")
if facet('date') != expected['date']:
    errors.append(f"date {facet('date')} != {expected['date']}")
if sum(facet('source').values()) != expected['total']:
    errors.append(f"source counts {facet('source')} do not add up to {expected['total']}")
tags = facet('tag')
if out.get('facets_info', {}).get('tag', {}).get('other', 0):
    errors.append('tag facet left values out')
folded = {}
for tag, n in tags.items():
    folded[tag.lower()] = folded.get(tag.lower(), 0) + n
for tag, n in expected['tag'].items():
    if mode == 'all-tags' and tags.get(tag) != n:
        errors.append(f"tag {tag}: {tags.get(tag)} != {n}")
    if mode == 'input-tags' and folded.get(tag.lower(), 0) < n:
        errors.append(f"tag {tag}: {folded.get(tag.lower())} < {n}")
if mode == 'all-tags' and set(tags) != set(expected['tag']):
    errors.append(f"extra tags: {sorted(set(tags) - set(expected['tag']))[:10]}")
if errors:
    print('\n'.join(errors[:20]), file=sys.stderr)
    sys.exit(1)
print(f"ok: total {out['total']}, {len(expected['date'])} months, {len(expected['tag'])} tags")
