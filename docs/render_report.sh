#!/bin/sh
# Regenerates docs/report-screenshot.png: the HTML report of `screen redact samples`, as a laptop
# screen shows it (1366x900), rendered by headless Chromium (Debian: apt-get install chromium).
# With --print it also prints the page to PDF and renders the first pages to PNG (poppler-utils),
# to check the print layout: docs/report-print-1.png, docs/report-print-2.png (not committed).
#
#   sh docs/render_report.sh [--lang en|nb] [--print]
set -eu
cd "$(dirname "$0")/.."
lang=en
print=no
while [ $# -gt 0 ]; do
    case "$1" in
        --lang) lang="$2"; shift 2 ;;
        --print) print=yes; shift ;;
        *) echo "usage: $0 [--lang en|nb] [--print]" >&2; exit 4 ;;
    esac
done
screen="${SCREEN:-.venv/bin/screen}"
out="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$out" "$profile"' EXIT
# Exit status 1/2 means "personal data found" (what the samples are for), 3 a file failed: the
# report is written all the same. Without a report, something else went wrong.
"$screen" redact samples --out "$out" --report-lang "$lang" --quiet || true
if [ ! -s "$out/screening-report.html" ]; then
    echo "$0: screen redact samples wrote no report" >&2
    exit 1
fi
chromium_flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
 --disable-component-update --disable-sync --hide-scrollbars --user-data-dir=$profile"
# shellcheck disable=SC2086
chromium $chromium_flags --window-size=1366,900 --screenshot=docs/report-screenshot.png \
    "file://$out/screening-report.html" 2>/dev/null
echo "docs/report-screenshot.png"
if [ "$print" = yes ]; then
    # shellcheck disable=SC2086
    chromium $chromium_flags --no-pdf-header-footer --print-to-pdf="$out/report.pdf" \
        "file://$out/screening-report.html" 2>/dev/null
    pdftoppm -r 60 -png -f 1 -l 2 "$out/report.pdf" docs/report-print
    ls docs/report-print-*.png
fi
