# The Debian package: `cpack -G DEB` from the build as it is (nothing rebuilt), its file list, its
# dependencies found by dpkg-shlibdeps from the libraries the binaries link, and the binaries
# unpacked into a temporary root: --version, and an index and a search of the sample corpus.
source "$(dirname "$0")/lib.bash"
build=$(cd "$BIN/.." && pwd)
for tool in cpack dpkg-deb dpkg-shlibdeps file; do
  command -v $tool >/dev/null || skip "needs $tool (scripts/install-deps installs dpkg-dev and file)"
done
[[ -f $build/CPackConfig.cmake ]] || fail "no CPackConfig.cmake in $build"
version=$(sed -n 's/^project(dateline VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
(cd "$WORK" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$WORK/pkg") > "$WORK/cpack.log" 2>&1 ||
  fail "cpack: $(tail -20 "$WORK/cpack.log")"
deb=$WORK/pkg/dateline_${version}_$(dpkg --print-architecture).deb
[[ -f $deb ]] || fail "no $deb: $(ls "$WORK/pkg")"

dpkg-deb -c "$deb" | awk '{print $6}' | grep -v '/$' | sort > "$WORK/files"
cat > "$WORK/want" <<FILES
./usr/bin/dateline-index
./usr/bin/dateline-query
./usr/bin/dateline-serve
./usr/share/bash-completion/completions/dateline-index
./usr/share/bash-completion/completions/dateline-query
./usr/share/bash-completion/completions/dateline-serve
./usr/share/man/man1/dateline-index.1.gz
./usr/share/man/man1/dateline-query.1.gz
./usr/share/man/man1/dateline-serve.1.gz
./usr/share/zsh/vendor-completions/_dateline
FILES
diff "$WORK/want" "$WORK/files" > "$WORK/diff" || fail "package files differ (< expected, > packed): $(cat "$WORK/diff")"

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libxapian30 libxml2 libstemmer0d libarchive13 libc6 libstdc++6; do
  [[ $depends == *"$lib "* || $depends == *"$lib," || $depends == *"$lib" ]] ||
    fail "Depends lacks $lib: $depends"
done
[[ $(dpkg-deb -f "$deb" Package) == dateline && $(dpkg-deb -f "$deb" Version) == "$version" ]] ||
  fail "package name or version: $(dpkg-deb -f "$deb" Package Version)"

dpkg-deb -x "$deb" "$WORK/root"
expect_exit 0 "$WORK/root/usr/bin/dateline-query" --version
grep -q "^dateline-query $version " "$WORK/out" || fail "unpacked --version: $(cat "$WORK/out")"
expect_exit 0 "$WORK/root/usr/bin/dateline-index" -q --db "$WORK/db" "$SRC/corpora/sample/articles.jsonl"
expect_exit 0 "$WORK/root/usr/bin/dateline-query" --db "$WORK/db" --format json 'tag:grain'
python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1]))["total"] > 0 else 1)' "$WORK/out" ||
  fail "the unpacked binaries found nothing: $(cat "$WORK/out")"
zcat "$WORK/root/usr/share/man/man1/dateline-query.1.gz" | grep -q '^\.SH' || fail "packed man page is not roff"
echo ok
