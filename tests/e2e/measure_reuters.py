# Measurements on Reuters-21578 (issue 17), checked against counts computed straight from the input
# file and against the search's own facets; the network files validated and loaded; the SVG's
# points and bars carry the JSON's numbers; the server's /api/measure, /api/plot and /api/network
# give what the command line gives. Run by measure_reuters.sh (Debian's python3 with python3-lxml
# and python3-networkx).
import collections
import gzip
import json
import math
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from serve_lib import (REUTERS, REUTERS_INDEX_ARGS, SRC, WORK, Checker, Fatal, Server, cli,  # noqa: E402
                       cli_json, index, log)

from lxml import etree  # noqa: E402
import networkx  # noqa: E402

c = Checker()
db = os.path.join(WORK, "reuters.db")
index(db, REUTERS, args=REUTERS_INDEX_ARGS)

# The words of --significant terms and --trending (query/measure/measure.h): the unstemmed index
# terms of title and body, without digits, English stopwords or fewer than 3 bytes. Split here as
# Xapian's TermGenerator splits this ASCII corpus: words of \w characters joined by an inner
# apostrophe or ampersand ("don't", "at&t"), up to three trailing + or # ("c++"), and acronyms of
# single capitals and dots ("U.S.A." is "usa") ending the word ("U.K.'s" is "uk" and "s").
STOPWORDS_EN = set(re.findall(r'"([^"]*)"', re.search(r"string_view en\[\] = \{(.*?)\};", open(
    os.path.join(SRC, "analyzers/stopwords.cpp"), encoding="utf-8").read(), re.S).group(1)))
ACRONYM = re.compile(r"(?<!\w)[A-Z](?:\.[A-Z])+\.?(?!\w)")
WORD = re.compile(r"\w+(?:['\u2019&]\w+)*(?:[+#]{1,3}(?![\w+#]))?")


def input_words(text):
    text = ACRONYM.sub(lambda m: m.group(0).replace(".", "") + " ", text or "")
    words = set()
    for w in WORD.findall(text):
        w = w.lower().replace("\u2019", "'")
        if len(w.encode()) >= 3 and not any(ch.isdigit() for ch in w) and w not in STOPWORDS_EN:
            words.add(w)
    return words


# The input, by month: every article, and the articles with each input tag; the words and day of
# each article; the articles with each word.
months_all = collections.Counter()
with_tag = collections.defaultdict(set)  # tag -> line numbers
month_of = {}
words_of, day_of = {}, {}
archive_words = collections.Counter()
with gzip.open(REUTERS, "rt", encoding="utf-8") as f:
    for n, line in enumerate(f):
        r = json.loads(line)
        month = (r.get("published") or "")[:7]
        month_of[n] = month
        day_of[n] = (r.get("published") or "")[:10]
        words_of[n] = input_words(r.get("title")) | input_words(r.get("body"))
        archive_words.update(words_of[n])
        if month:
            months_all[month] += 1
        for key in ("topics", "places", "people", "orgs"):
            for t in r.get(key) or []:
                with_tag[t.lower()].add(n)


def months(lines):
    return collections.Counter(month_of[n] for n in lines if month_of[n])


with c.case("the monthly share of tag:crude equals the input's"):
    doc = cli_json(db, ["--timeline", "--normalize", "--bucket", "month", "--format", "json", "tag:crude"])
    crude = months(with_tag["crude"])
    c.equal(doc["total"], len(with_tag["crude"]), "total")
    c.equal(doc["analysis"], "timeline", "analysis")
    c.check(len(doc["timeline"]) >= 8, f"buckets: {doc['timeline']}")
    for row in doc["timeline"]:
        c.equal(row["count"], crude[row["bucket"]], f"count of {row['bucket']}")
        c.equal(row["total"], months_all[row["bucket"]], f"total of {row['bucket']}")
        want = crude[row["bucket"]] / months_all[row["bucket"]] if months_all[row["bucket"]] else 0
        c.check(abs(row["ratio"] - want) < 1e-12, f"ratio of {row['bucket']}: {row['ratio']} vs {want}")
    # CSV: the same numbers.
    rc, out, err = cli(db, ["--timeline", "--normalize", "--bucket", "month", "--format", "csv", "tag:crude"])
    lines = out.decode().splitlines()
    c.equal(lines[0], "bucket,count,total,ratio", "csv header")
    c.equal([l.split(",")[:3] for l in lines[1:]],
            [[r["bucket"], str(r["count"]), str(r["total"])] for r in doc["timeline"]], "csv rows")

with c.case("a filter is the scope: crude among the USA stories"):
    doc = cli_json(db, ["--timeline", "--normalize", "--bucket", "month", "--filter", "tag:usa",
                        "--format", "json", "tag:crude"])
    usa = with_tag["usa"]
    crude_usa = months(with_tag["crude"] & usa)
    usa_months = months(usa)
    for row in doc["timeline"]:
        c.equal(row["count"], crude_usa[row["bucket"]], f"count of {row['bucket']}")
        c.equal(row["total"], usa_months[row["bucket"]], f"total of {row['bucket']}")
    c.equal(doc["scope_total"], len(usa), "scope_total")

with c.case("compare: per-query timelines and the overlap of each pair"):
    queries = ["tag:crude", "tag:ship", "tag:grain"]
    args = [a for q in queries for a in ("--compare", q)]
    doc = cli_json(db, args + ["--bucket", "month", "--format", "json"])
    c.equal([s["query"] for s in doc["series"]], queries, "series")
    for s in doc["series"]:
        tagged = with_tag[s["query"].split(":")[1]]
        c.equal(s["total"], len(tagged), f"total of {s['query']}")
        expected = months(tagged)
        c.equal({r["bucket"]: r["count"] for r in s["timeline"] if r["count"]}, dict(expected),
                f"months of {s['query']}")
    for o in doc["overlaps"]:
        a, b = (q.split(":")[1] for q in o["queries"])
        c.equal(o["shared"], len(with_tag[a] & with_tag[b]), f"shared by {a} and {b}")
    rc, out, err = cli(db, args + ["--bucket", "month", "--format", "csv"])
    head = out.decode().splitlines()[0]
    c.equal(head, "bucket,total,tag:crude,tag:ship,tag:grain,ratio tag:crude,ratio tag:ship,ratio tag:grain",
            "wide csv header")

with c.case("co-occurrence: counts and lift, and the network files"):
    doc = cli_json(db, ["--cooccur", "--format", "json", "--facet-limit", "20", "--min-count", "5", "tag:crude",
                        "--network", os.path.join(WORK, "net.graphml")])
    c.check(len(doc["entities"]) > 5, f"entities: {doc['entities']}")
    facet_of = {}  # (type, value) -> count: a name may be both a place and an organization
    for facet, type_name in (("person", "person"), ("org", "organization"), ("place", "place")):
        r = cli_json(db, ["--format", "json", "--limit", "0", "--facet", facet, "--facet-limit", "0", "tag:crude"])
        for v in r["facets"][facet]:
            facet_of[type_name, v["value"]] = v["count"]
    ranks = [e["lift_low"] for e in doc["entities"]]
    c.check(ranks == sorted(ranks, reverse=True), "ordered by lift_low")
    for e in doc["entities"]:
        c.equal(e["count"], facet_of.get((e["type"], e["value"])), f"count of {e['value']} (the facet's)")
        c.check(e["count"] >= 5, f"min count: {e}")
        want = (e["count"] / doc["total"]) / (e["archive_count"] / doc["archive"])
        c.check(abs(e["lift"] - want) < 1e-9, f"lift of {e['value']}")
        low = max(0, e["count"] - 1.96 * e["count"] ** 0.5)
        want = (low / doc["total"]) / (e["archive_count"] / doc["archive"])
        c.check(abs(e["lift_low"] - want) < 1e-9, f"lift_low of {e['value']}")
    # GraphML: valid against the schema, and the graph networkx loads is the JSON network.
    schema = etree.XMLSchema(etree.parse(os.path.join(SRC, "tests/fixtures/graphml/graphml.xsd")))
    graphml = etree.parse(os.path.join(WORK, "net.graphml"))
    c.check(schema.validate(graphml), f"GraphML invalid: {schema.error_log}")
    cli(db, ["--cooccur", "tag:crude", "--network", os.path.join(WORK, "net.json"), "--format", "json"])
    cli(db, ["--cooccur", "tag:crude", "--network", os.path.join(WORK, "net.gexf"), "--format", "json"])
    net = json.load(open(os.path.join(WORK, "net.json")))
    g = networkx.read_graphml(os.path.join(WORK, "net.graphml"))
    c.equal(g.number_of_nodes(), len(net["nodes"]), "nodes")
    c.equal(g.number_of_edges(), len(net["edges"]), "edges")
    c.check(0 < len(net["edges"]) <= 100, f"edges kept: {len(net['edges'])}")
    for n in net["nodes"]:
        c.equal((g.nodes[n["id"]]["label"], g.nodes[n["id"]]["type"], g.nodes[n["id"]]["count"]),
                (n["label"], n["type"], n["count"]), f"node {n['id']}")
        c.equal(n["count"], facet_of.get((n["type"], n["value"])), f"node count of {n['value']}")
    for e in net["edges"]:
        c.equal(g.edges[e["source"], e["target"]]["weight"], e["weight"], f"edge {e}")
    weights = [e["weight"] for e in net["edges"]]
    c.check(weights == sorted(weights, reverse=True), "heaviest edges first")
    # The heaviest edges' weights are the matches of both entities (a search of the two fields).
    field = {"person": "person", "organization": "org", "place": "place"}
    nodes = {n["id"]: n for n in net["nodes"]}
    for e in net["edges"][:3]:
        a, b = nodes[e["source"]], nodes[e["target"]]
        q = f'tag:crude {field[a["type"]]}:"{a["value"]}" {field[b["type"]]}:"{b["value"]}"'
        r = cli_json(db, ["--format", "json", "--limit", "0", "--no-entity-aliases", q])
        c.equal(r["total"], e["weight"], f"weight of {a['value']} - {b['value']}")
    # GEXF: well-formed, the same graph.
    gexf = ET.parse(os.path.join(WORK, "net.gexf"))
    c.check(gexf.getroot().tag.endswith("gexf"), "gexf root")
    h = networkx.read_gexf(os.path.join(WORK, "net.gexf"))
    c.equal(h.number_of_edges(), len(net["edges"]), "gexf edges")

with c.case("significant tags and terms show the counts behind the score"):
    doc = cli_json(db, ["--significant", "tags", "--format", "json", "tag:crude"])
    c.equal(doc["items"][0]["value"].lower(), "crude", "top tag")
    tag_facet = {v["value"].lower(): v["count"] for v in cli_json(
        db, ["--format", "json", "--limit", "0", "--facet", "tag", "--facet-limit", "0", "tag:crude"])["facets"]["tag"]}
    for item in doc["items"]:
        c.equal(item["count"], tag_facet.get(item["value"].lower()), f"count of tag {item['value']}")
        c.check(item["share"] > item["archive_share"], f"over-represented: {item}")
    scores = [i["score"] for i in doc["items"]]
    c.check(scores == sorted(scores, reverse=True), "ordered by G²")
    doc = cli_json(db, ["--significant", "terms", "--format", "json", "tag:crude"])
    words = [i["value"] for i in doc["items"]]
    c.check("oil" in words[:3], f"oil among the top words: {words}")
    stop = {"the", "and", "said", "for"} & set(words)
    c.check(not {"the", "and", "for"} & stop, f"stopwords: {stop}")
    c.check(not any(ch.isdigit() for w in words for ch in w), f"numbers: {words}")


def g2(k, n, df, N):  # scores.h: Dunning's G² of the 2x2 table, over-represented items only
    cells = [(k, n * df / N), (n - k, n * (N - df) / N), (df - k, (N - n) * df / N),
             (N - n - df + k, (N - n) * (N - df) / N)]
    return 2 * sum(o * math.log(o / e) for o, e in cells if o > 0) if k / n > df / N else 0.0


with c.case("significant terms: every word of every match, counted exactly"):
    # Every word scored (--facet-limit 0, --min-count 1): the words, their counts among the matches
    # and in the archive are the input's, whether the matches are few (tag:coffee, read from their
    # term lists) or many (tag:acq, tag:usa: the word lists of the whole index).
    for tag in ("coffee", "crude", "acq", "usa"):
        doc = cli_json(db, ["--significant", "terms", "--format", "json", "--facet-limit", "0",
                            "--min-count", "1", f"tag:{tag}"])
        lines = with_tag[tag]
        n, N = len(lines), len(words_of)
        c.equal((doc["total"], doc["sampled"], doc["archive"]), (n, n, N), f"tag:{tag} total, sampled, archive")
        counts = collections.Counter(w for line in lines for w in words_of[line])
        want = {w: (k, archive_words[w]) for w, k in counts.items() if k / n > archive_words[w] / N}
        got = {i["value"]: (i["count"], i["archive_count"]) for i in doc["items"]}
        wrong = sorted((w, got.get(w), want.get(w)) for w in set(got) | set(want) if got.get(w) != want.get(w))
        c.check(not wrong and len(got) == len(doc["items"]),
                f"tag:{tag}: {len(wrong)} of {len(want)} words differ (word, got, input): {wrong[:10]}")
        for i in doc["items"][:50]:
            want_score = g2(i["count"], n, i["archive_count"], N)
            c.check(abs(i["score"] - want_score) <= 1e-9 * max(1, want_score), f"G² of {i}: want {want_score}")
        scores = [(-i["score"], -i["count"], i["value"]) for i in doc["items"]]
        c.check(scores == sorted(scores), f"tag:{tag}: ordered by G², count, word")
    # The default top 10 is the head of the full list.
    full = cli_json(db, ["--significant", "terms", "--format", "json", "--facet-limit", "0", "--min-count", "1",
                         "tag:acq"])
    top = cli_json(db, ["--significant", "terms", "--format", "json", "--min-count", "1", "tag:acq"])
    c.equal(top["items"], full["items"][:10], "the top 10 of tag:acq")

with c.case("trending words: counted exactly in the window and in the baseline"):
    for now, query, tag in (("1987-04-10", [], None), ("1987-04-10", ["tag:usa"], "usa"),
                            ("1987-03-25", [], None)):
        doc = cli_json(db, ["--trending", "--now", now, "--format", "json", "--facet-limit", "0",
                            "--min-count", "1"] + query)
        w, b = doc["window"], doc["baseline"]
        scope = [line for line in words_of if tag is None or line in with_tag[tag]]
        in_w = [line for line in scope if w["start"] <= day_of[line] < w["end"]]
        in_b = [line for line in scope if b["start"] <= day_of[line] < b["end"]]
        nw, nb = len(in_w), len(in_b)
        c.check(nw > 100 and nb > 1000, f"{now} {query}: periods of {nw} and {nb} articles")
        c.equal((w["documents"], w["sampled"], b["documents"], b["sampled"]), (nw, nw, nb, nb),
                f"{now} {query}: documents and sampled")
        cw = collections.Counter(x for line in in_w for x in words_of[line])
        cb = collections.Counter(x for line in in_b for x in words_of[line])
        # Rising words: a higher rate in the window, the pooled rate strictly between 0 and 1.
        want = {x: (k, cb[x]) for x, k in cw.items() if k / nw > cb[x] / nb and k + cb[x] < nw + nb}
        got = {i["value"]: (i["window"], i["baseline"]) for i in doc["items"] if i["kind"] == "word"}
        wrong = sorted((x, got.get(x), want.get(x)) for x in set(got) | set(want) if got.get(x) != want.get(x))
        c.check(not wrong, f"{now} {query}: {len(wrong)} of {len(want)} words differ (word, got, input): {wrong[:10]}")
        for i in doc["items"][:50]:
            p = (i["window"] + i["baseline"]) / (nw + nb)
            z = (i["window"] / nw - i["baseline"] / nb) / math.sqrt(p * (1 - p) * (1 / nw + 1 / nb))
            c.check(abs(i["z"] - z) <= 1e-9 * max(1, abs(z)), f"z of {i}: want {z}")

with c.case("the SVG carries the JSON's numbers"):
    svg_path = os.path.join(WORK, "timeline.svg")
    doc = cli_json(db, ["--timeline", "--normalize", "--bucket", "month", "--format", "json", "--plot", svg_path,
                        "tag:crude"])
    svg = ET.parse(svg_path)
    ns = "{http://www.w3.org/2000/svg}"
    points = [p for p in svg.iter(ns + "circle") if p.get("class") == "point"]
    c.equal([(p.get("data-bucket"), int(p.get("data-count")), int(p.get("data-total")), float(p.get("data-ratio")))
             for p in points],
            [(r["bucket"], r["count"], r["total"], r["ratio"]) for r in doc["timeline"]], "points")
    texts = "".join(t.text or "" for t in svg.iter(ns + "text"))
    c.check("1987-03" in texts, "dated ticks")
    # A comparison: one series of points per query.
    doc = cli_json(db, ["--compare", "tag:crude", "--compare", "tag:ship", "--format", "json",
                        "--plot", svg_path])
    svg = ET.parse(svg_path)
    for k, s in enumerate(doc["series"]):
        pts = [p for p in svg.iter(ns + "circle") if p.get("data-series") == str(k)]
        c.equal([int(p.get("data-count")) for p in pts], [r["count"] for r in s["timeline"]], f"series {k}")
    # Trending: a bar per item.
    doc = cli_json(db, ["--trending", "--now", "1987-04-10", "--format", "json", "--plot", svg_path])
    svg = ET.parse(svg_path)
    bars = [b for b in svg.iter(ns + "rect") if b.get("class") == "bar"]
    c.equal([(b.get("data-label"), int(b.get("data-window")), int(b.get("data-baseline")), float(b.get("data-z")))
             for b in bars],
            [(i["label"], i["window"], i["baseline"], i["z"]) for i in doc["items"]], "bars")
    c.check(len(bars) == 10, f"ten items: {len(bars)}")

with c.case("the server answers the same measurements"):
    server = Server(db)
    for params, args in [
        ({"q": "tag:crude", "timeline": "1", "normalize": "1", "bucket": "month"},
         ["--timeline", "--normalize", "--bucket", "month", "tag:crude"]),
        ({"compare": ["tag:crude", "tag:ship"]}, ["--compare", "tag:crude", "--compare", "tag:ship"]),
        ({"q": "tag:crude", "cooccur": "1"}, ["--cooccur", "tag:crude"]),
        ({"q": "tag:crude", "significant": "tags"}, ["--significant", "tags", "tag:crude"]),
        # The server counts words with the full word lists, the command line with the matches'
        # term lists (few matches) or lists built for the call (many): the same answers.
        ({"q": "tag:crude", "significant": "terms"}, ["--significant", "terms", "tag:crude"]),
        ({"q": "tag:usa", "significant": "terms", "facet_limit": "0"},
         ["--significant", "terms", "--facet-limit", "0", "tag:usa"]),
        ({"trending": "1", "now": "1987-04-10"}, ["--trending", "--now", "1987-04-10"]),
    ]:
        r = server.get("/api/measure?" + urllib.parse.urlencode(params, doseq=True))
        c.equal(r.status, 200, f"status of {params}: {r.body[:300]}")
        c.equal(r.json(), cli_json(db, args + ["--format", "json"]), f"/api/measure {params}")
    r = server.get("/api/timeline?q=tag:crude&normalize=1&bucket=month")
    c.equal(r.json()["analysis"], "timeline", "/api/timeline with normalize")
    r = server.post("/api/measure", json.dumps({"query": "tag:crude", "cooccur": True}))
    c.equal(r.status, 200, "POST /api/measure")
    r = server.get("/api/measure?q=tag:crude")
    c.equal(r.status, 400, "no analysis asked for")
    r = server.get("/api/measure?cooccur=1&trending=1")
    c.equal(r.status, 400, "two analyses")
    r = server.get("/api/plot?q=tag:crude&timeline=1&normalize=1")
    c.check(r.status == 200 and r.headers.get("content-type", "").startswith("image/svg+xml"),
            f"/api/plot: {r.status}")
    ET.fromstring(r.body)
    r = server.get("/api/network?q=tag:crude&format=graphml")
    c.check(schema.validate(etree.fromstring(r.body)), "/api/network GraphML valid")
    r = server.get("/api/network?q=tag:crude")
    c.equal(r.json(), net, "/api/network JSON = --network FILE.json")

c.finish("measure_reuters")
