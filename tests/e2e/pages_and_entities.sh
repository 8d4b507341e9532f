# Raw pages through the real indexer: the seed page (saved as text) and the project's HTML
# fixtures give articles with the right title, source, body and entities; entity aliases are one tag.
source "$(dirname "$0")/lib.bash"
need_shared
seed=$SHARED/corpora/seed/news24-kremlin-groundless.txt
db=$WORK/db

# --emit jsonl --dry-run: every field, plus the input it came from.
expect_exit 0 "$BIN/dateline-index" --dry-run --emit jsonl --fetched-at 2021-03-17T12:00:00Z "$seed"
python3 - "$WORK/out" "$seed" <<'PY' || fail "seed page analysis"
import json, sys
a = json.loads(open(sys.argv[1]).readline())
assert a["input"] == sys.argv[2], a["input"]
assert a["title"] == "Kremlin says US report on election interference 'groundless'", a["title"]
assert a["source"] == "News24", a["source"]
assert a["body"].startswith('The Kremlin on Wednesday dismissed as "absolutely groundless"'), a["body"][:80]
for junk in ("Daily Lotto", "Feel Good", "Subscribe"):
    assert junk not in a["body"], junk
names = {(e["name"], e["type"]) for e in a["entities"]}
want = {("Vladimir Putin", "person"), ("Dmitry Peskov", "person"), ("Sergei Ryabkov", "person"),
        ("Donald Trump", "person"), ("Joe Biden", "person"), ("Hillary Clinton", "person"),
        ("Alexei Navalny", "person"), ("Kremlin", "organization"), ("RIA Novosti", "organization"),
        ("Russia", "place"), ("United States", "place"), ("Moscow", "place"), ("Germany", "place"),
        ("Crimea", "place")}
missing = want - names
assert not missing, missing
assert not any(n in ("Daily Lotto", "Feel Good", "Subscribe") for n, _ in names), names
countries = {e["name"]: e.get("country") for e in a["entities"] if e["type"] == "place"}
assert countries["Russia"] == "RU" and countries["Moscow"] == "RU", countries
PY

# Indexed: the entity is a tag and a person, whatever the spelling in the text.
expect_exit 0 "$BIN/dateline-index" --db "$db" --fetched-at 2021-03-17T12:00:00Z "$seed" "$SRC/corpora/sample/articles.jsonl"
for q in 'tag:"Vladimir Putin"' 'person:"Vladimir Putin"' 'org:kremlin' 'place:crimea' 'source:news24'; do
  expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 50 "$q"
  python3 -c 'import json,sys; ids=[h["id"] for h in json.load(open(sys.argv[1]))["hits"]]; assert any(not i.startswith("sample-") for i in ids), ids' \
    "$WORK/out" || fail "$q does not find the seed page"
done
# The Russian sample articles name him "Путин": they carry the same canonical tag.
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 100 'tag:"Vladimir Putin" lang:ru'
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["total"] >= 1' "$WORK/out" || fail "Путин is not Vladimir Putin"
# One facet row per entity, not one per spelling.
expect_exit 0 "$BIN/dateline-query" --db "$db" --format json --limit 0 --facet tag --facet-limit 0 ''
python3 - "$WORK/out" <<'PY' || fail "facet rows per spelling"
import json, sys
values = [v["value"] for v in json.load(open(sys.argv[1]))["facets"]["tag"]]
for spelling in ("Путин", "Putin", "President Putin"):
    assert spelling not in values, spelling
assert "Vladimir Putin" in values
PY

# HTML fixture pages: each yields an article; --explain names where fields came from.
expect_exit 0 "$BIN/dateline-index" --db "$WORK/pages" "$SRC"/tests/fixtures/extract/*.html "$SRC"/tests/fixtures/extract/*.txt
grep -q "rejected 0" "$WORK/err" || fail "fixture pages rejected: $(cat "$WORK/err")"
page=$(ls "$SRC"/tests/fixtures/extract/*.html | head -1)
expect_exit 0 "$BIN/dateline-index" --explain "$page"
grep -q "title" "$WORK/out" || fail "--explain shows no title"
echo ok
