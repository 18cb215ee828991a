#!/usr/bin/env bash
# HTTP benchmark (not a test): builds Grappe in release mode, starts it on a fresh SQLite
# database with the demo data, and measures with wrk, in one run:
#   /healthz, the logged-in member list with a search, a member's detail page, the public
#   directory search and the job offers.
# Prints requests per second, p50 and p99 latency, each page's ratio to /healthz, and the
# server's peak memory (VmHWM). Needs wrk and curl (apt-get install -y wrk curl).
#
# Usage: Benchmarks/http.sh [seconds per URL, default 10] [connections, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-16}
port=${BENCH_PORT:-8099}
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { echo "wrk manquant : apt-get install -y wrk" >&2; exit 1; }
echo "Compilation en mode release…" >&2
swift build -c release --product grappe >&2

workdir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$workdir"' EXIT
GRAPPE_SQLITE_PATH="$workdir/bench.sqlite" GRAPPE_BASE_URL="$base" LOG_LEVEL=warning \
  .build/release/grappe serve --hostname 127.0.0.1 --port "$port" >"$workdir/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/healthz" >/dev/null || { cat "$workdir/server.log" >&2; exit 1; }

# Log in as the demo manager and keep the session cookie.
jar="$workdir/cookies"
csrf=$(curl -fs -c "$jar" -b "$jar" "$base/connexion" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "email=m.loche@open.nc" \
  --data-urlencode "password=demo-grappe-2025" "$base/connexion"
cookie="grappe_session=$(awk '$6 == "grappe_session" { print $7 }' "$jar")"
skazy=$(curl -fs -H "Cookie: $cookie" "$base/adherents?q=skazy" | grep -o 'href="/adherents/[0-9A-F-]\{36\}"' | head -1 | sed 's/href="//; s/"$//')
[ -n "$skazy" ] || { echo "Connexion ou recherche impossible" >&2; exit 1; }

run() { # name path [nocookie]
  local out rps p50 p99
  local header="Cookie: $cookie"
  [ "${3:-}" = nocookie ] && header="X-Bench: 1"
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "$header" "$base$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  echo "$1|$rps|$p50|$p99"
}

results=("$(run "/healthz" "/healthz" nocookie)" "$(run "liste des adhérents (recherche « sk »)" "/adherents?q=sk")" "$(run "fiche SKAZY" "$skazy")"
         "$(run "annuaire public (« securite »)" "/annuaire?q=securite" nocookie)" "$(run "offres d'emploi" "/emplois" nocookie)")
health_rps=$(echo "${results[0]}" | cut -d'|' -f2)
printf '\n%-40s %10s %10s %10s %12s\n' "page" "req/s" "p50" "p99" "ratio/healthz"
for line in "${results[@]}"; do
  IFS='|' read -r name rps p50 p99 <<<"$line"
  ratio=$(awk -v a="$rps" -v b="$health_rps" 'BEGIN { printf "%.2f", a / b }')
  printf '%-40s %10s %10s %10s %12s\n' "$name" "$rps" "$p50" "$p99" "$ratio"
done
peak=$(awk '/VmHWM/ { print $2 " " $3 }' "/proc/$server/status")
echo
echo "Mémoire maximale du serveur (VmHWM) : $peak"
echo "($duration s par page, $connections connexions, wrk -t2, $(nproc) cœurs)"
