#!/usr/bin/env bash
# CTest browser/serve_page: the web page of dateline-serve in Chromium (serve_page.test.mjs).
# Env: BIN (dateline-index, dateline-serve), SRC (source tree), BUILD_DIR (screenshots go to
# $BUILD_DIR/screenshots). Exit 77 (skipped) without node or /usr/bin/chromium.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export SRC=${SRC:-$(cd "$here/../.." && pwd)}
export BIN=${BIN:-$SRC/build/bin}
export BUILD_DIR=${BUILD_DIR:-$SRC/build}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "browser/serve_page: skipped: node and npm are not installed" >&2
  exit 77
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "browser/serve_page: skipped: no Chromium at $CHROMIUM" >&2
  exit 77
fi
if [ ! -x "$BIN/dateline-serve" ]; then
  echo "browser/serve_page: $BIN/dateline-serve is missing" >&2
  exit 1
fi

cd "$here"
if [ ! -d node_modules/playwright-core ]; then
  if ! PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund; then
    echo "browser/serve_page: npm ci failed (no registry?)" >&2
    [ "${CI:-}" = true ] && exit 1 # CI reaches the registry: a failure there is a failure
    exit 77
  fi
fi
exec node --test serve_page.test.mjs
