# Queries in the archive's languages (issue 15, point 5; query/word_languages.h): on the demo
# database (the sample corpus and its formats, indexed as scripts/demo does), without --lang a
# Russian word finds the Russian articles, German inflected forms written nowhere find the German
# articles by their German stem, and English queries give what --lang en gives, totals, ids,
# order and scores.
source "$(dirname "$0")/lib.bash"
db=$WORK/db
formats=$SRC/corpora/sample/formats
expect_exit 0 "$BIN/dateline-index" --quiet --db "$db" "$SRC/corpora/sample/articles.jsonl" \
  "$formats"/feed.rss "$formats"/feed.atom "$formats"/story.nitf.xml "$formats"/story.newsml.xml \
  "$formats"/pages.warc.gz "$formats"/pages.tar.gz "$formats"/pages.zip "$formats"/wire.jsonl.zst \
  "$formats"/wire.jsonl.bz2

# hits_of QUERY [OPTIONS...]: "total lang,lang,... id,id,..." of the query's first 50 hits.
hits_of() {
  local q=$1; shift
  set +e
  "$BIN/dateline-query" --db "$db" --format json --limit 50 --suggest-below 0 "$@" "$q" >"$WORK/out" 2>"$WORK/err"
  local rc=$?
  set -e
  [[ $rc -le 1 ]] || { cat "$WORK/err" >&2; fail "query '$q' $*: exit $rc"; }
  python3 -c 'import json,sys
r = json.load(open(sys.argv[1]))
print(r["total"], ",".join(sorted({h["language"] for h in r["hits"]})),
      ",".join(h["id"] for h in r["hits"]), ",".join("%.9f" % h["score"] for h in r["hits"]))' "$WORK/out"
}

# The Russian word: the 4 Russian articles, as with --lang ru; nothing with --lang en.
read -r total langs ids _ <<<"$(hits_of 'санкциями')"
[[ $total == 4 && $langs == ru ]] || fail "санкциями: $total matches in '$langs', expected 4 in ru"
read -r _ _ ru_ids _ <<<"$(hits_of 'санкциями' --lang ru)"
[[ $ids == "$ru_ids" ]] || fail "санкциями: $ids, with --lang ru $ru_ids"
read -r total _ <<<"$(hits_of 'санкциями' --lang en)"
[[ $total == 0 ]] || fail "санкциями --lang en: $total matches"

# German inflected forms that no article writes: the German articles of their stem.
for word in regierungen gespräche wahlen; do
  [[ $(xapian-delve -t "$word" "$db" 2>&1) == *"not in database"* ]] || fail "$word is written"
  read -r total langs ids _ <<<"$(hits_of "$word")"
  [[ $total -ge 1 && $langs == de ]] || fail "$word: $total matches in '$langs', expected German ones"
  read -r de_total _ de_ids _ <<<"$(hits_of "$word" --lang de)"
  [[ $total == "$de_total" && $ids == "$de_ids" ]] || fail "$word: $ids, with --lang de $de_ids"
  read -r en_total _ <<<"$(hits_of "$word" --lang en)"
  [[ $en_total == 0 ]] || fail "$word --lang en: $en_total matches"
done
# The German stem is highlighted in the German article's snippet (stemmed with German).
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json regierungen
grep -q '<b>Regierung' "$WORK/out" || fail "regierungen: no highlighted Regierung in $(cat "$WORK/out")"
# One query, two languages: each word in its own.
read -r de_total _ <<<"$(hits_of russischen)"
read -r total langs _ <<<"$(hits_of 'russischen OR санкциями')"
[[ $total == $((de_total + 4)) && $langs == de,ru ]] ||
  fail "russischen OR санкциями: $total matches in '$langs', expected $((de_total + 4)) in de,ru"

# English queries: every hit of --lang en, in the same order with the same score; what else
# is found is only articles of other languages (German ones with "Inflation" for inflation).
compare_english() {
  python3 -c 'import json,sys
auto, en = (json.load(open(f)) for f in sys.argv[1:3])
score = lambda h: round(h["score"], 9)
en_hits = [(h["id"], score(h)) for h in en["hits"]]
kept = [(h["id"], score(h)) for h in auto["hits"] if h["id"] in dict(en_hits)]
others = {h["language"] for h in auto["hits"] if h["id"] not in dict(en_hits)}
extra = auto["total"] - en["total"]
ok = kept == en_hits and "en" not in others and extra == len(auto["hits"]) - len(en_hits)
sys.exit(0 if ok and en["total"] > 0 else 1)' "$WORK/auto" "$WORK/en"
}
while IFS= read -r q; do
  "$BIN/dateline-query" --db "$db" --format json --limit 200 --suggest-below 0 "$q" >"$WORK/auto"
  "$BIN/dateline-query" --db "$db" --format json --limit 200 --suggest-below 0 --lang en "$q" \
    >"$WORK/en"
  compare_english || fail "'$q' ranks English articles otherwise than --lang en"
done <<'EOF'
sanctions
inflation OR wheat
the sanctions on russia
"interest rates"
title:sanctions OR talks
government -tag:russia
prices date:2021..
EOF
# A query none of whose words has another stem in German: exactly what --lang en gives.
[[ $(hits_of sanctions) == "$(hits_of sanctions --lang en)" ]] || fail "sanctions differs"

# --batch lines and the explanation take the same choice.
printf '{"q": "санкциями"}\n{"q": "regierungen"}\n' >"$WORK/batch"
expect_exit 0 "$BIN/dateline-query" --db "$db" --batch "$WORK/batch" --limit 0
python3 -c 'import json,sys
totals = [json.loads(l)["total"] for l in open(sys.argv[1])]
sys.exit(0 if totals[0] == 4 and totals[1] >= 1 else 1)' "$WORK/out" || fail "batch: $(cat "$WORK/out")"
expect_exit 0 "$BIN/dateline-query" --db "$db" --explain-query regierungen
grep -q 'Zregier@1 FILTER Lde' "$WORK/out" || fail "explain: $(cat "$WORK/out")"
echo ok
