# Measurements on Reuters-21578 against counts straight from the input file: the monthly share of
# tag:crude, a scope set by --filter, compared queries and their overlaps, co-occurrence counts and
# lift, the GraphML (validated against tests/fixtures/graphml/graphml.xsd, loaded by networkx) and
# GEXF networks, significant tags and terms, the SVG's numbers, and the server's same answers.
# See measure_reuters.py. Needs ../shared, and Debian's python3-lxml and python3-networkx.
source "$(dirname "$0")/lib.bash"
need_shared
[[ -x $BIN/dateline-serve ]] || skip "dateline-serve is not built"
py=/usr/bin/python3
"$py" -c 'import lxml, networkx' 2>/dev/null || skip "needs python3-lxml and python3-networkx (scripts/install-deps)"
export BIN SRC SHARED
"$py" -B "$SRC/tests/e2e/measure_reuters.py" "$WORK"
