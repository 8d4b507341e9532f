#!/usr/bin/env python3
"""Writes compression bombs for the hostile-input tests, in seconds and a few megabytes.

usage: make_bombs.py DIR

A deflate stream of one full-flushed megabyte repeated N times costs ~1 kB per copy on disk and
nothing to build; the gzip trailer's CRC is left wrong where no reader should get that far (the
expansion limit stops it after 64 MiB), right for the 64 MiB members. Files written in DIR:
  lines.jsonl.gz    4 GiB of newlines (blank JSON Lines) in one gzip member
  line.jsonl.gz     4 GiB of one JSON line that never ends
  members.jsonl.gz  64 gzip members of 64 MiB of newlines each
  bomb.zip          one member: 4 GiB of newlines (deflate)
  many.zip          200 members of 100 MiB of newlines each (20 GiB in all)
  bomb.tar.gz       a tar whose one member is 4 GiB of newlines
  lines.jsonl.bz2   128 MiB of newlines in 113 bytes
  lines.jsonl.xz    128 MiB of newlines
  nested.zip        a zip in a zip in a zip, a JSON Lines file at the bottom
"""
import bz2
import gzip
import io
import lzma
import struct
import sys
import zipfile
import zlib

MB = 1 << 20
NEWLINES = b"\n" * MB


def deflate_repeat(chunk, copies):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    return first + again * (copies - 1) + c.flush(zlib.Z_FINISH)


def gzip_member(chunk, copies, crc=False):
    size = len(chunk) * copies
    check = 0
    for _ in range(copies if crc else 0):
        check = zlib.crc32(chunk, check)
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + deflate_repeat(chunk, copies)
            + struct.pack("<II", check, size & 0xFFFFFFFF))


def zip_bytes(members):
    """members: (name, deflate body, uncompressed size); CRCs left 0."""
    out, central = bytearray(), bytearray()
    for name, body, size in members:
        n, off = name.encode(), len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, len(body), size, len(n), 0) + n + body
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, 0, len(body), size,
                               len(n), 0, 0, 0, 0, 0, off) + n
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)


def tar_header(name, size):
    h = bytearray(512)
    for off, data in ((0, name.encode()), (100, b"0000644\0"), (108, b"0000000\0"), (116, b"0000000\0"),
                      (124, b"%011o\0" % size), (136, b"00000000000\0"), (156, b"0"), (257, b"ustar\x0000"),
                      (148, b" " * 8)):
        h[off:off + len(data)] = data
    h[148:156] = b"%06o\0 " % sum(h)
    return bytes(h)


def main():
    d = sys.argv[1]
    w = lambda name, data: open(f"{d}/{name}", "wb").write(data)
    w("lines.jsonl.gz", gzip_member(NEWLINES, 4096))
    w("line.jsonl.gz", gzip.compress(b'{"title": "') + gzip_member(b"a" * MB, 4096))
    w("members.jsonl.gz", gzip_member(NEWLINES, 64, crc=True) * 64)
    body = deflate_repeat(NEWLINES, 4095)
    w("bomb.zip", zip_bytes([("news.jsonl", body, 4095 * MB)]))
    body = deflate_repeat(NEWLINES, 100)
    w("many.zip", zip_bytes([(f"news{i:03}.jsonl", body, 100 * MB) for i in range(200)]))
    w("bomb.tar.gz", gzip.compress(tar_header("news.jsonl", 4096 * MB)) + gzip_member(NEWLINES, 4096)
      + gzip.compress(b"\0" * 1024))
    w("lines.jsonl.bz2", bz2.compress(NEWLINES * 128, 9))
    xz = lzma.LZMACompressor(preset=1)
    w("lines.jsonl.xz", b"".join(xz.compress(NEWLINES) for _ in range(128)) + xz.flush())
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deep.jsonl", '{"id": "deep-1", "title": "Too deep", "body": "Three archives down."}\n')
    for level in ("middle.zip", "outer.zip"):
        wrapped = io.BytesIO()
        with zipfile.ZipFile(wrapped, "w") as z:
            z.writestr(level, inner.getvalue())
        inner = wrapped
    w("nested.zip", inner.getvalue())


if __name__ == "__main__":
    main()
