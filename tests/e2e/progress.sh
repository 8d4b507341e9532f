# Progress on a terminal: inputs, articles, articles/s and an ETA, which moves within one large
# input (by the bytes read of it), also within one .tar or .zip (libarchive's bytes); nothing of
# it when stderr is not a terminal.
source "$(dirname "$0")/lib.bash"
command -v script >/dev/null || skip "needs script(1) for a pseudo-terminal"
python3 - "$WORK/big.jsonl" <<'PY'
import json, sys
words = "grain wheat harvest shipping tariff currency bond yield steel coffee sugar rubber".split()
with open(sys.argv[1], "w") as out:
    for i in range(60000):
        body = " ".join(words[(i * 7 + k * 5) % len(words)] + str((i + k) % 97) for k in range(40))
        out.write(json.dumps({"id": f"n{i}", "title": f"Report {i}", "body": body,
                              "published": "2021-03-01"}) + "\n")
PY
run="$BIN/dateline-index --dry-run --jobs 1 $WORK/big.jsonl"
script -qec "$run" /dev/null > "$WORK/tty.txt" || fail "run on a terminal: $(tail -c 300 "$WORK/tty.txt")"
grep -Eq 'inputs 0/1, articles [0-9]+, [0-9]+ articles/s, ETA [0-9]+ s' "$WORK/tty.txt" ||
  fail "no progress line with an ETA within the one input: $(tail -c 300 "$WORK/tty.txt" | cat -v)"
grep -q "read 60000" "$WORK/tty.txt" || fail "no summary: $(tail -c 300 "$WORK/tty.txt" | cat -v)"
# Within one archive: the bytes libarchive has read count, so the ETA is the time left (a few
# seconds here), not one measured by the first bytes sniffed (which grows with every redraw).
python3 - "$WORK" <<'PY'
import sys, tarfile, zipfile
work = sys.argv[1]
lines = open(f"{work}/big.jsonl", "rb").read().splitlines(keepends=True)
parts = [b"".join(lines[i::3]) for i in range(3)]
with tarfile.open(f"{work}/big.tar", "w") as tar, zipfile.ZipFile(f"{work}/big.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for i, part in enumerate(parts):
        with open(f"{work}/part{i}.jsonl", "wb") as f:
            f.write(part)
        tar.add(f"{work}/part{i}.jsonl", arcname=f"part{i}.jsonl")
        z.write(f"{work}/part{i}.jsonl", arcname=f"part{i}.jsonl")
PY
for archive in big.tar big.zip; do
  script -qec "$BIN/dateline-index --dry-run --jobs 1 $WORK/$archive" /dev/null > "$WORK/tty.txt" ||
    fail "$archive on a terminal: $(tail -c 300 "$WORK/tty.txt")"
  grep -q "read 60000" "$WORK/tty.txt" || fail "$archive: no summary: $(tail -c 300 "$WORK/tty.txt" | cat -v)"
  etas=$(grep -aoE 'inputs 0/1, articles [0-9]+, [0-9]+ articles/s, ETA [0-9]+ s' "$WORK/tty.txt" |
    sed -E 's/.*ETA ([0-9]+) s/\1/')
  [[ -n $etas ]] || fail "$archive: no progress line with an ETA: $(tail -c 300 "$WORK/tty.txt" | cat -v)"
  for eta in $etas; do
    [[ $eta -le 30 ]] || fail "$archive: ETA $eta s for a run of a few seconds (bytes not counted?): $etas"
  done
done
# Piped: the summary only, no carriage returns or escape sequences.
expect_exit 0 $run
! grep -q $'\r\|\033' "$WORK/err" || fail "progress drawn into a pipe: $(cat -v "$WORK/err")"
grep -q "read 60000" "$WORK/err" || fail "no summary when piped: $(cat "$WORK/err")"
echo ok
