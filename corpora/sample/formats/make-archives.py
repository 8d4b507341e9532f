#!/usr/bin/env python3
"""Builds the archive and compressed samples of this folder, reproducibly (fixed times, sorted members):

  pages.tar.gz   pages/quay-wall-repairs.html, pages/choir-tour.html, pages/briefs.jsonl (2 records)
  pages.zip      site/market-hall.html, site/storm-warning.html, site/briefs.jsonl (2 records)
  wire.jsonl.zst 3 JSON Lines records, compressed with the zstd command-line tool
  wire.jsonl.bz2 the same records, compressed with bzip2 (Python's bz2 module)

The HTML pages use the page template of make-warc.py. Run from anywhere: outputs go next to this script.
"""
import bz2
import gzip
import importlib.util
import io
import json
import os
import subprocess
import tarfile
import sys
import zipfile

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
MTIME = 1700000000  # 2023-11-14T22:13:20Z

spec = importlib.util.spec_from_file_location("make_warc", os.path.join(HERE, "make-warc.py"))
make_warc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_warc)


def page(slug, section, title, summary, author, published, paragraphs):
    return make_warc.render(dict(
        url="https://harbourledger.example/%s/%s/%s" % (section, published[:10].replace("-", "/"), slug),
        title=title, summary=summary, author=author, published=published, published_text=published[:10],
        paragraphs=paragraphs)).encode("utf-8")


TAR_PAGES = {
    "pages/quay-wall-repairs.html": page(
        "quay-wall-repairs", "local", "Quay wall repairs to start before the spring tides",
        "Divers found gaps in the old stonework during a survey in October.", "Mira Castell",
        "2023-11-06T09:00:00Z", [
            "Repairs to the eastern quay wall will begin next month, after divers found gaps in the old stonework "
            "during a routine survey in October.",
            "The harbour master said the work had to be finished before the spring tides, when the water reaches "
            "its highest levels of the year and puts the most pressure on the wall.",
            "Moorings along the eastern side will be moved to the marina pontoons while the contractors are on site.",
        ]),
    "pages/choir-tour.html": page(
        "choir-tour", "culture", "Fishermen's choir sets off on its first tour abroad",
        "Twenty-four singers will perform in five port cities over ten days.", "Ada Lindqvist",
        "2023-11-07T15:30:00Z", [
            "The Saltmarsh Fishermen's Choir leaves on Thursday for its first tour abroad, with concerts planned in "
            "five port cities over ten days.",
            "The twenty-four singers, the youngest of them nineteen and the oldest eighty-four, will perform sea "
            "shanties and working songs collected along the coast over the past century.",
            "The tour was paid for by a year of bake sales, raffles and a sponsored swim across the harbour mouth.",
        ]),
}
ZIP_PAGES = {
    "site/market-hall.html": page(
        "market-hall", "business", "Covered market hall to stay open on Sundays",
        "Traders voted to trial Sunday opening until Easter.", "Tomas Ekdahl",
        "2023-11-08T11:00:00Z", [
            "The covered market hall will open on Sundays for the first time this winter, after traders voted to "
            "try longer hours until Easter.",
            "Stallholders said visitors from the ferry had been asking for weekend opening for years, and that the "
            "cafes and fish counters would be the first to take part.",
            "The council will review the trial in April, looking at footfall, takings and complaints about parking.",
        ]),
    "site/storm-warning.html": page(
        "storm-warning", "weather", "Amber warning issued as the first winter storm approaches",
        "Gusts of up to 110 km/h are expected on exposed coasts.", "Jonas Wirth",
        "2023-11-09T18:45:00Z", [
            "An amber wind warning has been issued for the coast from Friday evening, with gusts of up to 110 "
            "kilometres an hour expected on exposed headlands.",
            "Ferry crossings are likely to be cancelled, and the coastguard has asked people to stay away from "
            "harbour walls and breakwaters while the storm passes.",
            "The wind is forecast to ease by Saturday afternoon, though heavy swell will continue into Sunday.",
        ]),
}


def jsonl(records):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


TAR_BRIEFS = jsonl([
    {"id": "harbourledger-brief-0106", "title": "Lifeboat crew called out twice in one night",
     "body": "The volunteer lifeboat crew was called out twice on Sunday night, first to a yacht with a fouled "
             "propeller and then to a kayaker who had lost a paddle.",
     "published": "2023-11-06T07:00:00Z", "source": "The Harbour Ledger", "language": "en", "tags": ["Lifeboat"]},
    {"id": "harbourledger-brief-0107", "title": "Library extends opening hours for exam season",
     "body": "The town library will stay open until nine in the evening on weekdays during the winter exam season.",
     "published": "2023-11-07T07:00:00Z", "source": "The Harbour Ledger", "language": "en", "tags": ["Education"]},
])
ZIP_BRIEFS = jsonl([
    {"id": "harbourledger-brief-0108", "title": "Harbour cafe wins regional baking prize",
     "body": "A cafe on the harbour front has won the regional prize for its cardamom buns, beating sixty entries.",
     "published": "2023-11-08T07:00:00Z", "source": "The Harbour Ledger", "language": "en", "tags": ["Food"]},
    {"id": "harbourledger-brief-0109", "title": "Street lights to switch to LED by spring",
     "body": "All street lights in the old town will be replaced by LED lamps by the spring, the council said.",
     "published": "2023-11-09T07:00:00Z", "source": "The Harbour Ledger", "language": "en", "tags": ["Energy"]},
])
WIRE = jsonl([
    {"id": "meridian-wire-2023-1101", "title": "Ice breaker reaches the northern supply station",
     "body": "The ice breaker reached the northern supply station on Wednesday after a four-day voyage through "
             "early sea ice, delivering fuel and food for the winter crew.",
     "published": "2023-11-01T12:00:00Z", "source": "Meridian Wire", "language": "en",
     "authors": ["Lena Haugen"], "tags": ["Shipping", "Arctic"]},
    {"id": "meridian-wire-2023-1102", "title": "Salmon farms ordered to report escapes within a day",
     "body": "Fish farms must report any escape of salmon within twenty-four hours under new rules announced on "
             "Thursday by the fisheries directorate.",
     "published": "2023-11-02T12:00:00Z", "source": "Meridian Wire", "language": "en",
     "authors": ["Oskar Frey"], "tags": ["Fisheries"]},
    {"id": "meridian-wire-2023-1103", "title": "Airport tower gets a new radar",
     "body": "The regional airport has installed a new approach radar, replacing equipment that had been in "
             "service for thirty-one years.",
     "published": "2023-11-03T12:00:00Z", "source": "Meridian Wire", "language": "en",
     "authors": ["Lena Haugen"], "tags": ["Aviation"]},
])


def write_tar_gz(path, members):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(members):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(members[name]), MTIME, 0o644
            info.uname = info.gname = "dateline"
            tar.addfile(info, io.BytesIO(members[name]))
    with open(path, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", mtime=MTIME, filename="") as g:
        g.write(raw.getvalue())


def write_zip(path, members):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=(2023, 11, 14, 22, 13, 20))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, members[name])


def main():
    write_tar_gz(os.path.join(HERE, "pages.tar.gz"), dict(TAR_PAGES, **{"pages/briefs.jsonl": TAR_BRIEFS}))
    write_zip(os.path.join(HERE, "pages.zip"), dict(ZIP_PAGES, **{"site/briefs.jsonl": ZIP_BRIEFS}))
    with open(os.path.join(HERE, "wire.jsonl.bz2"), "wb") as f:
        f.write(bz2.compress(WIRE, 9))
    zst = subprocess.run(["zstd", "-q", "-19", "-c"], input=WIRE, stdout=subprocess.PIPE, check=True).stdout
    with open(os.path.join(HERE, "wire.jsonl.zst"), "wb") as f:
        f.write(zst)


if __name__ == "__main__":
    main()
