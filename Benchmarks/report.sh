#!/usr/bin/env bash
# Annual report benchmark (not a test): fills a fresh SQLite database (or the PostgreSQL one in
# DATABASE_URL, which must be empty) with 100 times OPEN NC's size — 10 000 member companies,
# their dues over two years, 3 500 commission meetings and a million attendance rows — then
# prints how long the 2025 report takes to compute and render (median of 3, per section), and
# the process's peak memory. Add --pdf to time the PDF engine too.
#
# Usage: Benchmarks/report.sh [--scale N] [--runs N] [--pdf] [--debug]
set -euo pipefail
cd "$(dirname "$0")/.."
config=release
args=()
for a in "$@"; do
  if [ "$a" = "--debug" ]; then config=debug; else args+=("$a"); fi
done
echo "Compilation ($config)…" >&2
swift build -c "$config" --product grappe >&2
workdir=$(mktemp -d)
trap '[ -n "${BENCH_KEEP:-}" ] || rm -rf "$workdir"' EXIT
GRAPPE_SQLITE_PATH="$workdir/bench.sqlite" GRAPPE_DEMO=0 LOG_LEVEL=warning \
  ".build/$config/grappe" bench-report "${args[@]}"
