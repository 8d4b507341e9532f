# Hostile compressed inputs: gzip, bzip2 and xz bombs (4 GiB of newlines in 4 MB, or 128 MiB in
# 113 bytes), a gzip of many members, zip and tar.gz bombs, a zip of 200 bomb members (20 GiB),
# archives nested three deep, a truncated gzip and an empty one. Each is stopped with its file
# (and archive member) named and the reason, within the memory and time targets (peak RSS and CPU
# measured), while the good files of the same run are indexed. The limits are options:
# --max-expansion, --max-expanded-size.
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/hostile_lib.bash"
in=$WORK/in
mkdir -p "$in"
"$py" "$(dirname "$0")/make_bombs.py" "$in"

# A truncated gzip: the records before the cut are read (from the data: the complete lines of the
# part that inflates), the file is named with the reason.
"$py" - "$in" <<'PY'
import gzip, json, zlib
d = f"{__import__('sys').argv[1]}"
records = [json.dumps({"id": f"cut-{i}", "title": f"Harbour note {i}",
                       "body": f"Note {i} about the harbour, the ferries and the quay. " * 20}) for i in range(400)]
data = gzip.compress(("\n".join(records) + "\n").encode(), 9)
cut = data[: len(data) // 2]
open(f"{d}/truncated.jsonl.gz", "wb").write(cut)
inflated = zlib.decompressobj(16 + 15).decompress(cut)
whole = inflated.count(b"\n")
open(f"{d}/../truncated.count", "w").write(str(whole))
PY
gzip -c </dev/null >"$in/empty.jsonl.gz"
echo '{"id":"good-1","title":"Harbour dredging","body":"Dredging of the harbour starts in May."}' >"$in/good.jsonl"
sed 's/good-1/good-2/' "$in/good.jsonl" | gzip -c >"$in/zz-good.jsonl.gz"

db=$WORK/db
# (Many items in one run: the 10 s target is per item, checked on the worst ones alone below.)
max_cpu_s=60 measured "compression bombs, truncated and empty gzip (all files)" 4 "$BIN/dateline-index" --db "$db" "$in"
for f in lines.jsonl.gz line.jsonl.gz members.jsonl.gz lines.jsonl.bz2 lines.jsonl.xz; do
  reported "$in/$f:" "compression bomb"
done
reported "$in/bomb.zip:news.jsonl:" "compression bomb"
reported "$in/bomb.tar.gz:news.jsonl:" "compression bomb"
reported "$in/many.zip:news000.jsonl:" "the rest of the archive is skipped"
! grep -q "many.zip:news001" "$WORK/err" || fail "many.zip: read on after the first bomb"
reported "$in/nested.zip:outer.zip:middle.zip:" "archive nested too deep"
reported "$in/truncated.jsonl.gz:" "truncated gzip"
reported "$in/empty.jsonl.gz:" "empty"
ids_are dredging good-1 good-2
cut=$(cat "$WORK/truncated.count")
json_check 'note' "r['total'] == $cut"
echo "truncated gzip: the $cut complete records before the cut indexed"

# One bomb at a time, for its own figures (the worst: the one-line gzip keeps a record's bytes).
for f in line.jsonl.gz many.zip; do
  measured "$f alone" 4 "$BIN/dateline-index" --db "$WORK/db-$f" "$in/$f"
done

# The limits are options.
expect_exit 4 "$BIN/dateline-index" --db "$WORK/db2" --max-expanded-size 50 "$in/zz-good.jsonl.gz"
reported "$in/zz-good.jsonl.gz:" "decompresses to more than 50 bytes (--max-expanded-size)"
expect_exit 4 "$BIN/dateline-index" --db "$WORK/db3" --max-expansion 10000000 --max-expanded-size 200M "$in/lines.jsonl.bz2"
reported "$in/lines.jsonl.bz2:" "no records: only white space" # read to the end this time
expect_exit 4 "$BIN/dateline-index" --db "$WORK/db4" --max-expansion 10000000 --max-expanded-size 100M "$in/lines.jsonl.bz2"
reported "$in/lines.jsonl.bz2:" "decompresses to more than 104857600 bytes"
echo ok
