# Entity mentions in snippets (query/snippet.h) through the real binaries on the sample corpus:
# with --snippet-mentions every hit's snippet_mentions lie inside its snippet (byte offsets into
# the snippet's plain text hold the mention's text), name an entity of a known type, come in start
# order, and are a subset of the article's own mentions of the entity; without the flag the list
# is empty and nothing else of the answer changes.
source "$(dirname "$0")/lib.bash"
db=$WORK/db
expect_exit 0 "$BIN/dateline-index" --quiet --db "$db" "$SRC/corpora/sample/articles.jsonl"
export Q="$BIN/dateline-query" DB="$db" SAMPLE="$SRC/corpora/sample/articles.jsonl" INDEX="$BIN/dateline-index"
python3 - <<'PY' || fail "snippet mentions"
import html, json, os, re, subprocess, sys

Q, DB = os.environ["Q"], os.environ["DB"]
bad = 0


def check(ok, what):
    global bad
    if not ok:
        bad += 1
        print("FAIL:", what, file=sys.stderr)


def search(*args):
    out = subprocess.run([Q, "--db", DB, "--format", "json", "--limit", "50", *args],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


emitted = subprocess.run([os.environ["INDEX"], "--dry-run", "--emit", "jsonl", os.environ["SAMPLE"]],
                         capture_output=True, text=True, check=True).stdout
entities = {}
for line in emitted.splitlines():
    a = json.loads(line)
    entities[a["id"]] = {(m["entity"], m["type"]) for m in a.get("mentions", []) if m["field"] == "body"}

seen = 0
for q in ["sanctions", "putin", "kremlin", "oil", "navalny", "election", ""]:
    plain_answer = search(q)
    marked = search(q, "--snippet-mentions")
    for h in plain_answer["hits"]:
        check(h["snippet_mentions"] == [], f"{q}: {h['id']} has mentions without the flag")
    stripped = json.loads(json.dumps(marked))
    for h in stripped["hits"]:
        h["snippet_mentions"] = []
    check(stripped == plain_answer, f"{q}: the flag changed more than snippet_mentions")
    for h in marked["hits"]:
        text = html.unescape(re.sub(r"</?b>", "", h["snippet"])).encode()
        starts = [m["start"] for m in h["snippet_mentions"]]
        check(starts == sorted(starts), f"{q}: {h['id']} mentions out of order")
        for m in h["snippet_mentions"]:
            seen += 1
            check(0 <= m["start"] < m["end"] <= len(text), f"{q}: {h['id']} {m} outside the snippet")
            check(text[m["start"]:m["end"]].decode() == m["text"], f"{q}: {h['id']} {m} is not the text there")
            check(m["type"] in ("person", "organization", "place"), f"{q}: {h['id']} {m} type")
            check((m["entity"], m["type"]) in entities[h["id"]], f"{q}: {h['id']} {m} not the article's")
check(seen >= 20, f"only {seen} mentions in the snippets")
print(f"{seen} snippet mentions checked", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
echo ok
