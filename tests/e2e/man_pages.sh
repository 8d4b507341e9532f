# Man pages: generated at build time (scdoc) from the sources next to each binary's code, every
# option of --help documented and every documented option in --help, the sections a reader
# expects, rendered by man(1) without errors, and installed under share/man/man1.
source "$(dirname "$0")/lib.bash"
build=$(cd "$BIN/.." && pwd)
command -v scdoc >/dev/null || fail "scdoc is missing (scripts/install-deps installs it)"
declare -A source_of=([dateline-index]=indexer/dateline-index.1.scd
  [dateline-query]=query/dateline-query.1.scd [dateline-serve]=query/serve/dateline-serve.1.scd)
# The long and short options of --help's "Options:" lines: "  -j,--jobs UINT  ...".
help_options() {
  "$BIN/$1" --help | grep -E '^  -' | sed -E 's/^  ([^ ]+).*/\1/' | tr ',' '\n' | sort -u
}
# The options the man page documents: the entries of its OPTIONS section ("*-j*, *--jobs* _N_").
man_options() {
  sed -n '/^# OPTIONS/,/^# /p' "$SRC/$1" | grep -E '^\*-' |
    grep -oE '^(\*-[a-zA-Z]\*, )?\*--?[a-z][a-z0-9-]*\*' | tr -d '*' | tr ',' '\n' | tr -d ' ' | sort -u
}
for b in dateline-index dateline-query dateline-serve; do
  page=$build/man/$b.1
  [[ -s $page && -s $page.gz ]] || fail "$page(.gz) not generated"
  [[ $page -nt $SRC/${source_of[$b]} || ! $SRC/${source_of[$b]} -nt $page ]] || fail "$page is older than its source"
  diff <(help_options "$b") <(man_options "${source_of[$b]}") > "$WORK/diff" ||
    fail "$b: options of --help (<) and of the man page (>) differ: $(cat "$WORK/diff")"
  MANWIDTH=100 man -l "$page" > "$WORK/man.txt" 2> "$WORK/man.err" || fail "man -l $page: $(cat "$WORK/man.err")"
  [[ ! -s $WORK/man.err ]] || fail "man -l $page warns: $(cat "$WORK/man.err")"
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT EXAMPLES "SEE ALSO"; do
    grep -q "^$section" "$WORK/man.txt" || fail "$b(1) has no $section section"
  done
  grep -q "DATELINE_DB" "$WORK/man.txt" || fail "$b(1) does not document DATELINE_DB"
done
MANWIDTH=100 man -l "$build/man/dateline-query.1" > "$WORK/man.txt"
grep -q "^QUERY LANGUAGE" "$WORK/man.txt" || fail "dateline-query(1) has no QUERY LANGUAGE section"
for word in "date:1987-03-01..1987-03-31" "person:" "NEAR" "newest first"; do
  grep -qF -- "$word" "$WORK/man.txt" || fail "dateline-query(1) does not mention $word"
done
# cmake --install (into a staging root; nothing is built) puts them under share/man/man1.
DESTDIR=$WORK/root cmake --install "$build" --prefix /usr >/dev/null || fail "cmake --install failed"
for b in dateline-index dateline-query dateline-serve; do
  [[ -s $WORK/root/usr/share/man/man1/$b.1.gz ]] || fail "$b.1.gz not installed under share/man/man1"
done
MANPATH=$WORK/root/usr/share/man man -w dateline-query | grep -q "$WORK/root/usr/share/man/man1/dateline-query.1.gz" ||
  fail "man does not find the installed page"
echo ok
