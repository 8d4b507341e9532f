# Issue 7 on the sample corpus: "did you mean" and entity-aware free text, with the expected values
# computed here from the records and the gazetteer file (never from dateline-query's output).
#  - "putin" finds every article saying "putin" and every one naming Vladimir Putin by another
#    alias (Путин, Wladimir Putin...) or tagged with him by the publisher, nothing else, and ranks
#    the ones saying it first; --no-entity-aliases finds exactly the ones saying it.
#  - "Kremllin navalni" suggests, for each word, the corpus word one edit away found in the most
#    articles; --auto-correct searches that and finds at least the articles with both words.
#  - "sanctins" (no gazetteer entry) is corrected through the spelling table the indexer fills.
source "$(dirname "$0")/lib.bash"
db=$WORK/db
sample=$SRC/corpora/sample/articles.jsonl
gazetteer=$SRC/analyzers/entities/data/gazetteer.tsv
expect_exit 0 "$BIN/dateline-index" --db "$db" "$sample"

python3 - "$sample" "$gazetteer" >"$WORK/expected.json" <<'PY'
import collections, json, re, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
def text(r):
    return " ".join(r.get(k) or "" for k in ("title", "description", "body"))
def words(s):
    return re.findall(r"[^\W\d_]+", s.lower())
def aliases(name):
    for line in open(sys.argv[2], encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) > 3 and cols[1] == name:
            return [cols[1]] + [a for a in cols[3].split("|") if a and a[0] not in "?~@"]
    raise SystemExit("no gazetteer row for " + name)
def names(r, name):  # says an alias as whole words, or the publisher tagged it so
    body = " ".join(words(text(r)))
    tags = {t.lower() for t in r.get("tags") or []}
    for a in aliases(name):
        if " " + " ".join(words(a)) + " " in " " + body + " " or a.lower() in tags:
            return True
    return False
says = lambda *ws: {r["id"] for r in recs if set(ws) & set(words(text(r)))}
named = lambda n: {r["id"] for r in recs if names(r, n)}

# Spelling: the corpus word one edit away (Damerau) found in the most articles.
df = collections.Counter(w for r in recs for w in set(words(text(r))) if len(w) >= 3)
def edits1(w):
    letters = set("".join(df))
    split = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    out = {a + b[1:] for a, b in split if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in split if len(b) > 1}
    out |= {a + c + b[1:] for a, b in split if b for c in letters}
    out |= {a + c + b for a, b in split for c in letters}
    return out
def correct(w):
    assert w not in df, w + " is in the corpus"
    cands = [c for c in edits1(w) if c in df]
    return max(cands, key=lambda c: (df[c], c))
print(json.dumps({
    # "Putins" (German genitive) has the English stem of "putin": the query matches it.
    "putin_says": sorted(says("putin", "putins")),
    "putin_all": sorted(says("putin", "putins") | named("Vladimir Putin")),
    "suggestion": correct("kremllin") + " " + correct("navalni"),
    "both": sorted(says("kremlin") & says("navalny")),
    "either_named": sorted((says("kremlin") | named("Kremlin")) & (says("navalny") | named("Alexei Navalny"))),
    "sanctins": correct("sanctins"),
}))
PY
want() { python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))[sys.argv[2]]))' "$WORK/expected.json" "$1"; }

# Entity-aware free text.
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 100 --snippet-length 0 putin
python3 - "$WORK/out" "$(want putin_says)" "$(want putin_all)" <<'PY' || fail "putin: $(cat "$WORK/out")"
import json, sys
hits = [h["id"] for h in json.load(open(sys.argv[1]))["hits"]]
says, everyone = set(json.loads(sys.argv[2])), set(json.loads(sys.argv[3]))
assert len(everyone) > len(says) > 0, (says, everyone)  # the corpus has articles of both kinds
assert set(hits) == everyone, (sorted(set(hits) ^ everyone))
first = hits[:len(says)]
assert set(first) == says, "articles saying putin must rank first: %s" % hits
PY
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 100 --snippet-length 0 \
  --no-entity-aliases putin
python3 - "$WORK/out" "$(want putin_says)" <<'PY' || fail "putin, no aliases: $(cat "$WORK/out")"
import json, sys
hits = {h["id"] for h in json.load(open(sys.argv[1]))["hits"]}
assert hits == set(json.loads(sys.argv[2])), hits
PY

# Did you mean.
expect_exit 1 "$BIN/dateline-query" --db "$db" --format json 'Kremllin navalni'
python3 - "$WORK/out" "$(want suggestion)" <<'PY' || fail "suggestion: $(cat "$WORK/out")"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["total"] == 0 and r["suggestion"] == json.loads(sys.argv[2]) and r["auto_corrected"] is False, r
PY
expect_exit 1 "$BIN/dateline-query" --db "$db" --color never 'Kremllin navalni'
grep -q "^Did you mean: $(want suggestion | tr -d '"')" "$WORK/out" || fail "table: $(cat "$WORK/out")"

expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 100 --snippet-length 0 \
  --auto-correct 'Kremllin navalni'
python3 - "$WORK/out" "$(want both)" "$(want either_named)" <<'PY' || fail "auto-correct: $(cat "$WORK/out")"
import json, sys
r = json.load(open(sys.argv[1]))
hits = {h["id"] for h in r["hits"]}
both, either = set(json.loads(sys.argv[2])), set(json.loads(sys.argv[3]))
assert r["auto_corrected"] is True and r["query"] == "Kremllin navalni", r
assert both and both <= hits <= either, (sorted(both), sorted(hits), sorted(either))
assert r["total"] == len(hits)
PY
expect_exit 0 "$BIN/dateline-query" --db "$db" --color never --auto-correct 'Kremllin navalni'
grep -q "^Showing results for $(want suggestion | tr -d '"') (auto-corrected from \"Kremllin navalni\")" \
  "$WORK/out" || fail "table, auto-corrected: $(cat "$WORK/out")"

# Through the spelling table (no gazetteer word is near "sanctins").
expect_exit 1 "$BIN/dateline-query" --db "$db" --format jsonl 'sanctins'
python3 - "$WORK/out" "$(want sanctins)" <<'PY' || fail "sanctins: $(cat "$WORK/out")"
import json, sys
summary = [json.loads(l) for l in open(sys.argv[1])][-1]
assert summary["type"] == "summary" and summary["suggestion"] == json.loads(sys.argv[2]), summary
PY
echo ok
