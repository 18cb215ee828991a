#!/usr/bin/env bash
# HTTP benchmark (not a test): builds Grappe in release mode, starts it on a fresh database with
# the demo data (optionally N times OPEN's size beside it) and measures with wrk, in one run:
#   the framework's ceiling (/assets/grappe.css without a cookie: no session, no database),
#   /healthz, then as the logged-in manager the member list with a search, SKAZY's page, a
#   commission's page and the dashboard, and without a cookie the public directory search, the
#   job offers, the home page and a public event's page.
# Prints, per page and per number of connections, requests per second, p50 and p99 latency, the
# ratio to the ceiling with the issue's target, and the server's peak memory (VmHWM).
# Needs wrk and curl (apt-get install -y wrk curl); PostgreSQL for --database postgres.
#
# Usage: Benchmarks/http.sh [--seconds S] [--connections "16 64"] [--scale N] [--database sqlite|postgres] [--page-cache on|off]
#   --seconds      seconds per page and connection count (default 5)
#   --connections  wrk connection counts, each measured in turn (default "16 64")
#   --scale        add N times OPEN's size to the demo (100: 10 000 companies); default 0
#   --database     sqlite (a fresh file, default) or postgres: DATABASE_URL must point to a
#                  database the benchmark may empty (its public schema is dropped)
#   --page-cache   on (default) or off: off measures what the pages cost to build (PageCache)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=5 connection_counts="16 64" scale=0 database=sqlite page_cache=on
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) duration=$2; shift 2 ;;
    --connections) connection_counts=$2; shift 2 ;;
    --scale) scale=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --page-cache) page_cache=$2; shift 2 ;;
    *) echo "option inconnue : $1 (voir l'en-tête du script)" >&2; exit 2 ;;
  esac
done
port=${BENCH_PORT:-8099}
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { echo "wrk manquant : apt-get install -y wrk" >&2; exit 1; }
echo "Compilation en mode release…" >&2
swift build -c release --product grappe >&2

workdir=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$workdir"' EXIT
export GRAPPE_BASE_URL="$base" LOG_LEVEL=warning GRAPPE_UPLOAD_DIR="$workdir/uploads" GRAPPE_PAGE_CACHE="$page_cache"
case "$database" in
  sqlite) export GRAPPE_SQLITE_PATH="$workdir/bench.sqlite"; unset DATABASE_URL ;;
  postgres)
    [ -n "${DATABASE_URL:-}" ] || { echo "--database postgres demande DATABASE_URL (base que le banc peut vider)" >&2; exit 2; }
    psql "${DATABASE_URL%%\?*}" -q -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >&2 ;;
  *) echo "--database : sqlite ou postgres" >&2; exit 2 ;;
esac
if [ "$scale" -gt 0 ]; then
  echo "Remplissage : démonstration + $scale fois la taille d'OPEN…" >&2
  .build/release/grappe bench-fill --scale "$scale" >&2
fi
.build/release/grappe serve --hostname 127.0.0.1 --port "$port" >"$workdir/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/healthz" >/dev/null || { cat "$workdir/server.log" >&2; exit 1; }

# Log in as the demo manager and keep the session cookie.
jar="$workdir/cookies"
csrf=$(curl -fs -c "$jar" -b "$jar" "$base/connexion" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "email=m.loche@open.nc" \
  --data-urlencode "password=demo-grappe-2025" "$base/connexion"
cookie="grappe_session=$(awk '$6 == "grappe_session" { print $7 }' "$jar")"
first_link() { curl -fs -H "Cookie: $cookie" "$base$1" | grep -o "href=\"$2[^\"]*\"" | head -1 | sed 's/href="//; s/"$//'; }
skazy=$(first_link "/adherents?q=skazy" "/adherents/[0-9A-F-]\{36\}")
commission=$(first_link "/groupes" "/groupes/[a-z0-9-]*cyber[a-z0-9-]*")
event=$(curl -fs "$base/evenements" | grep -o 'href="/evenements/[0-9A-F-]\{36\}"' | head -1 | sed 's/href="//; s/"$//')
[ -n "$skazy" ] && [ -n "$commission" ] || { echo "Connexion ou recherche impossible" >&2; exit 1; }
curl -fs -o /dev/null -H "Cookie: $cookie" "$base/tableau-de-bord" # consumes the login's flash message

# name|path|cookie or not|target ratio to the ceiling
pages=(
  "plafond (feuille de style, sans cookie)|/assets/grappe.css|no|"
  "/healthz|/healthz|no|"
  "liste des adhérents (« sk »)|/adherents?q=sk|yes|0.30"
  "fiche SKAZY|$skazy|yes|0.30"
  "annuaire public (« securite »)|/annuaire?q=securite|no|0.30"
  "commission Cybersécurité|$commission|yes|0.30"
  "tableau de bord|/tableau-de-bord|yes|0.30"
  "offres d'emploi|/emplois|no|0.50"
  "accueil|/|no|0.50"
)
[ -n "$event" ] && pages+=("page d'un événement|$event|no|0.50")

measure() { # connections path cookie -> rps|p50|p99
  local header="X-Bench: 1" out
  [ "$3" = yes ] && header="Cookie: $cookie"
  out=$(wrk -t2 -c"$1" -d"${duration}s" --latency -H "$header" "$base$2")
  echo "$(echo "$out" | awk '/Requests\/sec/ { print $2 }')|$(echo "$out" | awk '$1 == "50%" { print $2 }')|$(echo "$out" | awk '$1 == "99%" { print $2 }')|$(echo "$out" | awk '/Non-2xx/ { print $NF }')"
}

echo
echo "Base : $database, démonstration$([ "$scale" -gt 0 ] && echo " + $scale × OPEN"), pages gardées : $page_cache, $duration s par page, wrk -t2, $(nproc) cœurs"
for connections in $connection_counts; do
  printf '\n%s connexions\n%-40s %10s %9s %9s %8s %7s %s\n' "$connections" "page" "req/s" "p50" "p99" "ratio" "cible" "non-2xx"
  ceiling=
  for entry in "${pages[@]}"; do
    IFS='|' read -r name path with_cookie target <<<"$entry"
    IFS='|' read -r rps p50 p99 non2xx <<<"$(measure "$connections" "$path" "$with_cookie")"
    [ -z "$ceiling" ] && ceiling=$rps
    ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN { printf "%.2f", a / b }')
    verdict=""
    [ -n "$target" ] && verdict=$(awk -v r="$ratio" -v t="$target" 'BEGIN { print (r >= t ? "≥ " t " ok" : "< " t) }')
    printf '%-40s %10s %9s %9s %8s %7s %s\n' "$name" "$rps" "$p50" "$p99" "$ratio" "$verdict" "${non2xx:-0}"
  done
done
echo
echo "Mémoire maximale du serveur (VmHWM) : $(awk '/VmHWM/ { print $2 " " $3 }' "/proc/$server/status")"
