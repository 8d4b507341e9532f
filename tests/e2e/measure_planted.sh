# A planted signal on a copy of the sample corpus (issue 17): a new entity bursting in the last week
# is the top --trending item, with its window and baseline counts; a word used only in the matches
# tops --significant terms; the JSON's counts are those planted.
source "$(dirname "$0")/lib.bash"
corpus=$WORK/articles.jsonl
cp "$SRC/corpora/sample/articles.jsonl" "$corpus"
grep -qi ardern "$corpus" && fail "the sample corpus already mentions the planted name"
grep -qi zyxtrope "$corpus" && fail "the sample corpus already has the planted word"
python3 - "$corpus" <<'PY'
import json, sys
with open(sys.argv[1], "a") as f:
    # The burst: six stories naming Jacinda Ardern in the sample's last week (it ends 2021-12-23).
    for i, day in enumerate(["18", "19", "20", "21", "22", "23"]):
        f.write(json.dumps({"id": f"planted-burst-{i}", "url": f"https://example.com/burst/{i}",
                            "source": "Planted Wire", "published": f"2021-12-{day}T09:00:00Z",
                            "language": "en", "title": "Jacinda Ardern speaks",
                            "body": "Jacinda Ardern said on Tuesday that the government would act "
                                    "on prices, officials said."}) + "\n")
    # The distinctive word: five stories tagged planted-topic, in June, the other words common.
    for i in range(5):
        f.write(json.dumps({"id": f"planted-word-{i}", "url": f"https://example.com/word/{i}",
                            "source": "Planted Wire", "published": f"2021-06-0{i + 1}T09:00:00Z",
                            "language": "en", "tags": ["planted-topic"], "title": "Economy update",
                            "body": "The government said on Tuesday that the economy would grow, "
                                    "officials said. Zyxtrope."}) + "\n")
PY
expect_exit 0 "$BIN/dateline-index" --db "$WORK/db" "$corpus"

expect_exit 0 "$BIN/dateline-query" --db "$WORK/db" --trending --baseline 104w --format json
python3 - "$WORK/out" <<'PY' || fail "trending: $(cat "$WORK/out")"
import json, sys
doc = json.load(open(sys.argv[1]))
top = doc["items"][0]
assert (top["label"], top["kind"]) == ("Jacinda Ardern", "person"), top
assert (top["window"], top["baseline"]) == (6, 0), top
assert doc["window"]["start"] == "2021-12-17" and doc["window"]["end"] == "2021-12-24", doc["window"]
assert doc["window"]["documents"] >= 6 and doc["baseline"]["documents"] > 0, doc
assert all(i["z"] > 0 for i in doc["items"])
assert [i["z"] for i in doc["items"]] == sorted((i["z"] for i in doc["items"]), reverse=True)
PY
expect_exit 0 "$BIN/dateline-query" --db "$WORK/db" --significant terms --format json 'tag:planted-topic'
python3 - "$WORK/out" <<'PY' || fail "significant: $(cat "$WORK/out")"
import json, sys
doc = json.load(open(sys.argv[1]))
top = doc["items"][0]
assert doc["total"] == 5, doc["total"]
assert (top["value"], top["count"], top["archive_count"]) == ("zyxtrope", 5, 5), top
assert top["score"] > doc["items"][1]["score"], doc["items"][:2]
PY
# The table keeps its bars; bad combinations are usage errors.
expect_exit 0 "$BIN/dateline-query" --db "$WORK/db" --timeline --normalize --bucket month lang:en
grep -q "█" "$WORK/out" || fail "no bars: $(cat "$WORK/out")"
expect_exit 2 "$BIN/dateline-query" --db "$WORK/db" --cooccur --trending ''
expect_exit 2 "$BIN/dateline-query" --db "$WORK/db" --normalize ''
expect_exit 2 "$BIN/dateline-query" --db "$WORK/db" --significant words ''
expect_exit 2 "$BIN/dateline-query" --db "$WORK/db" --cooccur --network "$WORK/net.png" ''
expect_exit 2 "$BIN/dateline-query" --db "$WORK/db" --significant tags --plot "$WORK/x.svg" ''
echo ok
