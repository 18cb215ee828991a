#!/usr/bin/env bash
# Hackagou's flag storm (a benchmark, not a test): a release build on a fresh database filled at
# ten times Hackagou (1 630 players, 620 teams, 40 challenges: ctf-bench-fill), then
# ../shared/bench/ctf/storm.sh — the load client run against CTFd 3.8.7 on this kind of machine —
# pointed at Grappe: flag submissions through POST /api/v1/challenges/attempt (80 % wrong, from
# every player in turn) while readers poll GET /api/v1/scoreboard and /scoreboard/top/10.
# Each connection count plays on a freshly filled database with a new server. In one run it
# measures the framework's ceiling (a static asset) and prints, per connection count,
# attempts/s and the flags actually checked per second, p50, p99, the scoreboard's p50 and p99
# during the storm, errors, the server's memory and CPU, and the ratios to the ceiling and to
# CTFd's ~100 attempts/s. BENCH_EXTRA_PIDFILES="postgres:/var/run/postgresql/15-main.pid" adds
# the database server's memory and CPU.
#
# Usage: Benchmarks/ctf.sh [--database sqlite|postgres] [--connections "16 64"] [--seconds 30] [--binary PATH]
#   --database     sqlite (a fresh file, default) or postgres: DATABASE_URL must point to a
#                  database the benchmark may empty (its public schema is dropped)
#   --binary       a release grappe already built (default: builds .build/release/grappe)
# Needs wrk, curl, python3; STORM (default ../shared/bench/ctf/storm.sh) is the load client.
set -euo pipefail
cd "$(dirname "$0")/.."
database=sqlite connection_counts="16 64" seconds=30 binary=
while [ $# -gt 0 ]; do
  case "$1" in
    --database) database=$2; shift 2 ;;
    --connections) connection_counts=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    *) echo "option inconnue : $1 (voir l'en-tête du script)" >&2; exit 2 ;;
  esac
done
storm=${STORM:-../shared/bench/ctf/storm.sh}
[ -x "$storm" ] || { echo "client de charge introuvable : $storm (STORM=…)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk manquant : apt-get install -y wrk" >&2; exit 1; }
if [ -z "$binary" ]; then
  echo "Compilation en mode release…" >&2
  swift build -c release --product grappe >&2
  binary=.build/release/grappe
fi
port=${BENCH_PORT:-8098}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export GRAPPE_BASE_URL="$base" LOG_LEVEL=warning GRAPPE_UPLOAD_DIR="$work/uploads"
case "$database" in
  sqlite|postgres) ;;
  *) echo "--database : sqlite ou postgres" >&2; exit 2 ;;
esac
[ "$database" = sqlite ] || [ -n "${DATABASE_URL:-}" ] || { echo "--database postgres demande DATABASE_URL (base que le banc peut vider)" >&2; exit 2; }

# Each connection count plays a fresh competition: an empty database filled again and a new
# server, so that the second run does not start on a board the first one already solved.
start_fresh() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
  if [ "$database" = sqlite ]; then
    export GRAPPE_SQLITE_PATH="$work/bench-$1.sqlite"; unset DATABASE_URL
  else
    psql "${DATABASE_URL%%\?*}" -q -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null 2>&1
  fi
  echo "Remplissage : 1 630 joueurs, 620 équipes, 40 défis…" >&2
  "$binary" ctf-bench-fill --players 1630 --teams 620 --challenges 40 --out "$work/tokens.json" >&2
  "$binary" serve --hostname 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
  server=$!
  echo "$server" > "$work/server.pid"
  for _ in $(seq 1 240); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$base/healthz" >/dev/null || { cat "$work/server.log" >&2; exit 1; }
}

echo "== Grappe $(git rev-parse --short HEAD), $database, $(nproc) cœurs, $(date -u +%FT%TZ)"
for conc in $connection_counts; do
  start_fresh "$conc"
  ceiling=$(wrk -t2 -c"$conc" -d5s "$base/assets/grappe.css" | awk '/Requests\/sec/ {print $2}')
  out=$(CONC=$conc DURATION=$seconds WARMUP=5 RSS_PIDFILES="server:$work/server.pid${BENCH_EXTRA_PIDFILES:+ $BENCH_EXTRA_PIDFILES}" OUTDIR="$work/results" "$storm" "$base" "$work/tokens.json" "grappe-$database-$conc")
  echo "$out"
  result=$(ls -t "$work/results"/*"grappe-$database-$conc.json" | head -1)
  python3 - "$result" "$ceiling" <<'PY'
import json, sys
attempt, ceiling = json.load(open(sys.argv[1]))["attempt"], float(sys.argv[2])
rps, status = attempt["rps"], attempt["status"]
checks = (status.get("correct", 0) + status.get("incorrect", 0)) / attempt["seconds"]
print(f"  flags checked (correct + incorrect; « already solved » and rate-limit refusals left out): {checks:.0f}/s")
print(f"  framework ceiling (static asset, same connections): {ceiling:.0f} req/s; attempts / ceiling = {rps / ceiling:.2f} (target 0.30)")
print(f"  attempts / CTFd's ~100 per second on this machine = {rps / 100:.0f}×, flags checked = {checks / 100:.0f}× (target 30×)")
PY
done
