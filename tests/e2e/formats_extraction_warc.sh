# A WARC built on the fly from the extraction development pages (../shared/corpora/extraction-dev)
# indexes every page that has an article (per ground-truth.json).
source "$(dirname "$0")/lib.bash" || exit 1
need_shared
dev=$SHARED/corpora/extraction-dev
[[ -d "$dev/html" && -f "$dev/ground-truth.json" ]] || skip "needs $dev"
python3 "$SRC/corpora/sample/formats/make-warc.py" --pages "$dev/html" --urls "$dev/ground-truth.json" \
  "$WORK/dev.warc.gz" 2>/dev/null || fail "make-warc.py"
expected=$(python3 -c '
import json, os, sys
truth = json.load(open(sys.argv[1]))
pages = {n.split(".")[0] for n in os.listdir(sys.argv[2]) if n.endswith((".html", ".html.gz"))}
print(sum(1 for k in pages if (truth.get(k) or {}).get("articleBody", "").strip()))' "$dev/ground-truth.json" "$dev/html")
[[ $expected -gt 0 ]] || fail "no pages with an article in the ground truth"
db=$WORK/db
set +e
"$BIN/dateline-index" --db "$db" --no-entities "$WORK/dev.warc.gz" >"$WORK/out" 2>"$WORK/err"
status=$?
set -e
[[ $status -eq 0 || $status -eq 4 ]] || { cat "$WORK/err" >&2; fail "exit $status"; }
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 0 ''
total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"])' "$WORK/out")
[[ $total -ge $expected ]] || fail "indexed $total pages, expected every one of the $expected with an article"
echo ok
