#!/usr/bin/env python3
"""Builds a WARC 1.1 file of HTML news pages, one gzip member per record as CC-NEWS ships them.

  make-warc.py --sample OUT.warc.gz
      the bundled sample: three short news pages written for Dateline (pages.warc.gz), plus a
      warcinfo record, a request record and a non-HTML response that readers must skip.
  make-warc.py --pages DIR --urls GROUND_TRUTH.json OUT.warc.gz
      every DIR/*.html or *.html.gz page as a response record; the URL is the "url" of the
      page's entry in GROUND_TRUTH.json (keyed by the file name without extensions).

The output is reproducible: record ids are derived from the content, dates are fixed.
"""
import argparse
import gzip
import hashlib
import io
import json
import os
import sys

FIXED_DATE = "2023-11-16T09:00:00Z"


def record_id(*parts):
    digest = hashlib.sha1("\n".join(parts).encode()).hexdigest()
    return "<urn:uuid:%s-%s-%s-%s-%s>" % (digest[0:8], digest[8:12], digest[12:16], digest[16:20], digest[20:32])


def warc_record(warc_type, block, uri=None, date=FIXED_DATE, content_type=None, extra=None):
    headers = [("WARC-Type", warc_type), ("WARC-Date", date),
               ("WARC-Record-ID", record_id(warc_type, uri or "", hashlib.sha1(block).hexdigest()))]
    if uri:
        headers.append(("WARC-Target-URI", uri))
    if content_type:
        headers.append(("Content-Type", content_type))
    headers += extra or []
    headers.append(("Content-Length", str(len(block))))
    head = "WARC/1.1\r\n" + "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
    return head.encode() + block + b"\r\n\r\n"


def http_response(body, content_type="text/html; charset=UTF-8", status="200 OK"):
    head = ("HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nServer: nginx\r\n"
            "Cache-Control: max-age=300\r\n\r\n" % (status, content_type, len(body)))
    return head.encode() + body


def gz_member(data):
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as g:
        g.write(data)
    return out.getvalue()


def write_warc(path, records):
    with open(path, "wb") as f:
        for r in records:
            f.write(gz_member(r) if path.endswith(".gz") else r)


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | The Harbour Ledger</title>
<meta name="description" content="{summary}">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Harbour Ledger">
<meta property="article:published_time" content="{published}">
<meta name="author" content="{author}">
<link rel="canonical" href="{url}">
</head>
<body>
<header class="site-header">
<a class="logo" href="https://harbourledger.example/">The Harbour Ledger</a>
<nav><ul><li><a href="/local">Local</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
</header>
<main>
<article>
<h1>{title}</h1>
<p class="byline">By <span class="author">{author}</span> &middot; <time datetime="{published}">{published_text}</time></p>
{paragraphs}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Tide tables for the week</a></li><li><a href="/b">Letters to the editor</a></li></ul></aside>
</main>
<footer><p>&copy; 2023 The Harbour Ledger. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/contact">Contact us</a></footer>
</body>
</html>
"""

SAMPLE_PAGES = [
    dict(url="https://harbourledger.example/local/2023/11/14/lighthouse-keepers-cottage-reopens",
         title="Lighthouse keeper's cottage reopens as a small museum",
         summary="The restored cottage at Gullrock Point opens its doors to visitors this weekend.",
         author="Mira Castell", published="2023-11-14T10:00:00Z", published_text="14 November 2023",
         paragraphs=[
             "The stone cottage that housed three generations of keepers at Gullrock Point will open as a small "
             "museum on Saturday, after two years of restoration work funded largely by local donations.",
             "Volunteers have rebuilt the slate roof, repaired the original oak floors and collected logbooks, "
             "oil lamps and weather charts that had been scattered among families along the coast.",
             "The curator, Helle Brandt, said the aim was to show daily life at the light rather than the "
             "machinery alone. Visitors will be able to read entries describing storms, shipwrecks and the "
             "long winter nights spent trimming wicks.",
             "The museum will be open on weekends until March, and entry is free for children under twelve.",
         ]),
    dict(url="https://harbourledger.example/business/2023/11/15/shipyard-wins-ferry-contract",
         title="Eastport shipyard wins contract for two electric ferries",
         summary="The order secures around 140 jobs at the yard for the next three years.",
         author="Tomas Ekdahl", published="2023-11-15T07:45:00Z", published_text="15 November 2023",
         paragraphs=[
             "The Eastport shipyard has won a contract to build two battery-powered ferries for the island "
             "routes, the regional transport authority announced on Wednesday.",
             "The vessels will each carry up to 300 passengers and 60 cars, and will charge at the quayside "
             "during the twenty-minute turnaround at each end of the crossing.",
             "Union representatives welcomed the order, which they said would secure around 140 jobs at the "
             "yard for the next three years. The first ferry is due to enter service in the spring of 2026.",
         ]),
    dict(url="https://harbourledger.example/sport/2023/11/16/rowing-club-celebrates-centenary",
         title="Rowing club celebrates its centenary with a harbour regatta",
         summary="More than forty crews took part in the anniversary races on Sunday.",
         author="Ada Lindqvist", published="2023-11-16T08:15:00Z", published_text="16 November 2023",
         paragraphs=[
             "More than forty crews raced across the inner harbour on Sunday as the Saltmarsh Rowing Club "
             "marked one hundred years since its founding by a group of dock workers.",
             "The oldest competitor, a retired pilot of eighty-one, rowed in a mixed veterans' four and "
             "finished a respectable third in the final of the short course.",
             "Club chair Jonas Wirth said membership had doubled in the past decade, helped by a junior "
             "programme that lends boats to schools free of charge.",
         ]),
]


def render(page):
    paragraphs = "\n".join("<p>%s</p>" % p for p in page["paragraphs"])
    return PAGE.format(paragraphs=paragraphs, **{k: v for k, v in page.items() if k != "paragraphs"})


def sample_records():
    info = b"software: make-warc.py (Dateline)\r\nformat: WARC File Format 1.1\r\ndescription: Dateline sample pages\r\n"
    records = [warc_record("warcinfo", info, content_type="application/warc-fields")]
    for i, page in enumerate(SAMPLE_PAGES):
        uri = page["url"]
        request = ("GET %s HTTP/1.1\r\nHost: harbourledger.example\r\nUser-Agent: dateline-sample\r\n\r\n"
                   % uri[len("https://harbourledger.example"):]).encode()
        records.append(warc_record("request", request, uri, content_type="application/http; msgtype=request"))
        body = render(page).encode("utf-8")
        date = "2023-11-%02dT12:00:00Z" % (14 + i)
        records.append(warc_record("response", http_response(body), uri, date=date,
                                   content_type="application/http; msgtype=response"))
        if i == 0:
            # A non-HTML response (an image) that readers skip.
            png = b"\x89PNG\r\n\x1a\n" + bytes(range(32))
            records.append(warc_record("response", http_response(png, "image/png"),
                                       "https://harbourledger.example/img/lighthouse.png", date=date,
                                       content_type="application/http; msgtype=response"))
    return records


def page_records(folder, urls_path):
    truth = json.load(open(urls_path, encoding="utf-8"))
    records = []
    for name in sorted(os.listdir(folder)):
        if not (name.endswith(".html") or name.endswith(".html.gz")):
            continue
        key = name.split(".")[0]
        url = truth.get(key, {}).get("url") or "https://unknown.example/%s" % key
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        records.append(warc_record("response", http_response(data), url,
                                   content_type="application/http; msgtype=response"))
    return records


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("output")
    ap.add_argument("--sample", action="store_true", help="the bundled sample pages")
    ap.add_argument("--pages", help="folder of .html / .html.gz pages")
    ap.add_argument("--urls", help="ground-truth.json with a url per page")
    args = ap.parse_args()
    if args.sample == bool(args.pages):
        ap.error("give either --sample or --pages DIR --urls FILE")
    records = sample_records() if args.sample else page_records(args.pages, args.urls)
    write_warc(args.output, records)
    print("%s: %d records" % (args.output, len(records)), file=sys.stderr)


if __name__ == "__main__":
    main()
