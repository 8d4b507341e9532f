# Sharded databases on one machine (dateline-index --shards N, shard_layout.h): the bundled sample
# corpus and 1,500 Reuters articles (when ../shared/corpora has them) indexed into a single
# database, into 1 shard and into 3 shards give the same answers: totals, the top 50 ids in order,
# every facet (tag, date, source, lang), collapsed copies, spelling suggestions (each shard keeps
# the spelling words of its articles), for relevance and date orders, through
# dateline-query (one query per run), --batch (the prepared fast paths: in-memory facets,
# sort keys, BM25 lengths) and dateline-serve's API. The layout: DB/XAPIANDB lists DB/shard-i, each article in the shard
# its id hashes to (db_prefix.py --shards recomputes it), every shard passes xapian-check. A re-run
# without --shards finds the shards and reads nothing; --force reads everything and changes
# nothing; replaces and deletes reach the right shard; --compact merges the shards into one
# database with the same answers. Known differences, left out: wildcard queries (Xapian 1.4
# estimates a wildcard's OP_SYNONYM statistics per shard, so scores and order may differ slightly)
# and spelling suggestions over Reuters (Xapian 1.4's get_spelling_suggestion over several shards
# does not choose as over one database: 'wheet' gives 'sheet' on 3 shards, 'wheat' on one; the
# sample corpus' misspelling is compared), and --like (the ESet's term weights differ per shard,
# so a term at the edge of the chosen ones may change).
source "$(dirname "$0")/lib.bash"
here=$(cd "$(dirname "$0")" && pwd)
fields=(--field tags=topics,places,people,orgs)
mkdir -p "$WORK/in"
cp "$SRC/corpora/sample/articles.jsonl" "$WORK/in/sample.jsonl"
reuters=${SHARED:+$SHARED/corpora/reuters21578/reuters21578.jsonl.gz}
if [[ -n $reuters && -f $reuters ]]; then
  { zcat "$reuters" || true; } | head -1500 > "$WORK/in/reuters.jsonl"
  queries=(wheat '"crude oil"' 'tag:grain' 'title:bank' 'date:1987-03-01..1987-03-15' 'rates NOT bank'
           'oil prices' 'place:japan' 'source:reuters' 'tag:earn profit' 'coffee OR cocoa' '')
else
  echo "note: no Reuters corpus in ../shared/corpora: the sample corpus only"
  queries=()
fi
# Queries over the sample corpus (its own words), then Reuters'.
queries+=(election bank 'title:storm' 'rain OR flood' 'lang:de' 'lang:fr' 'energy prices' electon)
inputs=("$WORK/in")
ids_of() { python3 -c '
import json, sys, os
for name in sorted(os.listdir(sys.argv[1])):
    for line in open(os.path.join(sys.argv[1], name), encoding="utf-8"):
        line = line.strip()
        if line:
            r = json.loads(line)
            if isinstance(r, dict) and r.get("id") and (str(r.get("title", "")).strip() or str(r.get("body", "")).strip()):
                print(r["id"])' "$1"; }

expect_exit 0 "$BIN/dateline-index" --db "$WORK/single" "${fields[@]}" "${inputs[@]}"
grep -q "rejected 0" "$WORK/err" || fail "single: $(cat "$WORK/err")"
n=$(sed -n 's/.* \([0-9]*\) articles in .*/\1/p' "$WORK/err")
[[ $n -gt 0 ]] || fail "no articles: $(cat "$WORK/err")"
for shards in 1 3; do
  db=$WORK/shards$shards
  expect_exit 0 "$BIN/dateline-index" --db "$db" --shards "$shards" --jobs 2 --batch 100 "${fields[@]}" "${inputs[@]}"
  grep -q "rejected 0.* $n articles in" "$WORK/err" || fail "$shards shards: $(cat "$WORK/err")"
  [[ -f $db/XAPIANDB && ! -e $db/iamglass ]] || fail "$shards shards: no stub, or a database beside it"
  for ((i = 0; i < shards; i++)); do
    xapian-check "$db/shard-$i" >/dev/null || fail "xapian-check $db/shard-$i"
  done
done
# Each article in its shard, in input order (sample corpus ids; Reuters' ids too when present).
ids_of "$WORK/in" > "$WORK/ids"
python3 "$here/db_prefix.py" "$WORK/shards3" "$WORK/ids" --shards 3 --exact "$n" >/dev/null ||
  fail "the 3 shards do not hold each article in the shard its id hashes to"

# answers DB OUT [--batch]: every query, every facet, two orders, with and without collapse.
answers() {
  local db=$1 out=$2 mode=${3:-}
  : > "$out"
  local common=(--format json --limit 50 --snippet-length 0 --facet tag --facet date --facet source --facet lang)
  for sort in relevance newest; do
    for collapse in "" --collapse; do
      if [[ $mode == --batch ]]; then
        printf '%s\n' "${queries[@]}" > "$WORK/queries"
        "$BIN/dateline-query" --db "$db" --batch "$WORK/queries" --jobs 1 "${common[@]}" --sort "$sort" $collapse >> "$out" ||
          [[ $? -eq 1 ]] || fail "--batch on $db"
      else
        for q in "${queries[@]}"; do
          set +e
          "$BIN/dateline-query" --db "$db" "${common[@]}" --sort "$sort" $collapse "$q" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)))' >> "$out"
          set -e
        done
      fi
    done
  done
}
compare() { python3 "$here/compare_answers.py" "$1" "$2" --label "$3" || fail "$3"; }
answers "$WORK/single" "$WORK/a.single"
answers "$WORK/single" "$WORK/b.single" --batch
for shards in 1 3; do
  answers "$WORK/shards$shards" "$WORK/a.$shards"
  compare "$WORK/a.single" "$WORK/a.$shards" "$shards shards, one query per run"
  answers "$WORK/shards$shards" "$WORK/b.$shards" --batch
  compare "$WORK/b.single" "$WORK/b.$shards" "$shards shards, --batch"
done

# dateline-serve opens the sharded database as one too: the same API answers (3 shards, single).
serve_answers() { # DB OUT
  local port pid
  port=$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
  "$BIN/dateline-serve" --db "$1" --port "$port" --threads 2 --quiet >"$WORK/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/api/search?q=x" && break; sleep 0.1; done
  : > "$2"
  for q in wheat 'oil+prices' 'tag:grain' election 'title:storm'; do
    for sort in relevance newest; do
      curl -s "http://127.0.0.1:$port/api/search?q=$q&sort=$sort&limit=50&facet=tag&facet=date&facet=source&facet=lang&collapse=1" >> "$2" ||
        { kill "$pid"; fail "dateline-serve on $1"; }
      echo >> "$2"
    done
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
if command -v curl >/dev/null; then
  serve_answers "$WORK/single" "$WORK/s.single"
  serve_answers "$WORK/shards3" "$WORK/s.3"
  compare "$WORK/s.single" "$WORK/s.3" "dateline-serve, 3 shards"
fi

# A re-run finds the shards without --shards and reads nothing; --force reads all, changes nothing.
db=$WORK/shards3
expect_exit 0 "$BIN/dateline-index" --db "$db" "${fields[@]}" "${inputs[@]}"
grep -q "read 0, .* unchanged inputs skipped" "$WORK/err" || fail "re-run: $(cat "$WORK/err")"
expect_exit 0 "$BIN/dateline-index" --db "$db" --force "${fields[@]}" "${inputs[@]}"
grep -q "added 0, updated 0, unchanged $n, .* $n articles in" "$WORK/err" || fail "--force re-run: $(cat "$WORK/err")"
answers "$db" "$WORK/a.again"
compare "$WORK/a.single" "$WORK/a.again" "3 shards after the re-runs"

# Replace and delete reach the article's shard: the same edits on both databases, same answers.
first=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).readline())["id"])' "$WORK/in/sample.jsonl")
second=$(grep -m 1 -v -x -F "$first" "$WORK/ids") # -m 1, not | head: grep would die of SIGPIPE (pipefail)
python3 - "$WORK/in/sample.jsonl" "$WORK/edit.jsonl" "$first" <<'PY'
import json, sys
src, out, first = sys.argv[1:]
for line in open(src, encoding="utf-8"):
    r = json.loads(line)
    if r.get("id") == first:
        r["title"] = "Harbour pelicans replace the story"
        open(out, "w", encoding="utf-8").write(json.dumps(r) + "\n")
PY
for d in "$WORK/single" "$db"; do
  expect_exit 0 "$BIN/dateline-index" --db "$d" "${fields[@]}" --delete "$second" "$WORK/edit.jsonl"
  grep -q "updated 1, .* deleted 1;" "$WORK/err" || fail "edit on $d: $(cat "$WORK/err")"
done
queries+=('pelicans' harbour)
answers "$WORK/single" "$WORK/a.single"
answers "$db" "$WORK/a.edited"
compare "$WORK/a.single" "$WORK/a.edited" "3 shards after a replace and a delete"
grep -q '"total": *1' <("$BIN/dateline-query" --db "$db" --format json pelicans) || fail "the replace is not found"

# --shards on the wrong layout is refused (exit 3), naming why.
expect_exit 3 "$BIN/dateline-index" --db "$db" --shards 2 "${fields[@]}" "${inputs[@]}"
grep -q "has 3 shards, not 2" "$WORK/err" || fail "$(cat "$WORK/err")"
expect_exit 3 "$BIN/dateline-index" --db "$WORK/single" --shards 2 "${fields[@]}" "${inputs[@]}"
grep -q "is a single database" "$WORK/err" || fail "$(cat "$WORK/err")"

# --compact: one database, the same answers, nothing left of the shards; a second one is a no-op.
expect_exit 0 "$BIN/dateline-index" --compact "$db"
grep -q "compacted 3 shards into one database: $((n - 1)) articles" "$WORK/err" || fail "$(cat "$WORK/err")"
[[ -f $db/iamglass && ! -e $db/XAPIANDB && ! -e $db/shard-0 && ! -e $db/.compacting ]] || fail "compact left $(ls -a "$db")"
xapian-check "$db" >/dev/null || fail "xapian-check after --compact"
answers "$db" "$WORK/a.compact"
compare "$WORK/a.single" "$WORK/a.compact" "after --compact"
expect_exit 0 "$BIN/dateline-index" --compact "$db"
grep -q "already one database" "$WORK/err" || fail "$(cat "$WORK/err")"
# The compacted database keeps its ingestion state: a re-run reads nothing.
expect_exit 0 "$BIN/dateline-index" --db "$db" "${fields[@]}" "${inputs[@]}"
grep -q "read 0, .* unchanged inputs skipped" "$WORK/err" || fail "re-run after --compact: $(cat "$WORK/err")"
echo ok
