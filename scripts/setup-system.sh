#!/bin/sh
# Installs the system packages boardpack's PDF output and tests use, when they
# are missing: Debian's Chromium (driven by puppeteer-core; no browser is ever
# downloaded) and poppler-utils (pdftotext and pdfinfo, used by the tests).
# With --tests, also what only the test suite uses: qpdf (a PDF's objects as
# JSON) and python3 (for ../shared/real/score.py, the real-papers score).
set -eu
need=""
if [ "${1:-}" = "--tests" ]; then
  command -v qpdf >/dev/null 2>&1 || need="$need qpdf"
  command -v python3 >/dev/null 2>&1 || need="$need python3"
fi
if [ -z "${BOARDPACK_CHROMIUM:-}" ] && ! [ -x /usr/bin/chromium ] && ! [ -x /usr/bin/chromium-headless-shell ]; then need="$need chromium"; fi
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "boardpack: installing$need" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
else
  echo "boardpack: missing$need; install with: sudo apt-get install$need (or set BOARDPACK_CHROMIUM to a Chromium or Chrome executable)" >&2
fi
