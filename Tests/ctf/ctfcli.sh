#!/usr/bin/env bash
# Hackagou against the tools written for CTFd: ctfcli installs this directory's challenge.yml
# files into a Grappe loaded with the demo, a player's script written for CTFd plays them, and
# schemathesis checks /api/v1 against its OpenAPI document (with a player's and a staff token:
# no server error, no response outside the schema). Last, an answer survives a kill -9.
#   Tests/ctf/ctfcli.sh path/to/grappe-binary
# Needs ctfcli, requests and schemathesis (pip install ctfcli requests schemathesis) and curl.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${CTF_PORT:-8097}
. "$here/../support/demo-server.sh" "$1"

"$grappe" seed-demo >/dev/null
staff=$("$grappe" create-token m.loche@open.nc --name ctfcli | tail -n 1)
player=$("$grappe" create-token joueur@hackagou.example --name script | tail -n 1)
start

project="$work/project"
mkdir -p "$project/.ctf"
cp -r "$here/challenges/." "$project/"
cat >"$project/.ctf/config" <<CONFIG
[config]
url = $base
access_token = $staff

[challenges]
bouteille = bouteille
abysses = abysses
CONFIG
(cd "$project" && ctf challenge install) | tee "$work/install.log"
grep -q "Success! All challenges installed!" "$work/install.log"
# Installing again is refused (same names), as CTFd's ctfcli expects.
if (cd "$project" && ctf challenge install >/dev/null 2>&1); then echo "a second install should fail" >&2; exit 1; fi
python3 "$here/player.py" "$base" "$player"
for token in "$player" "$staff"; do
  (cd "$work" && schemathesis run "$base/api/v1/openapi.json" -H "Authorization: Token $token" \
    --checks not_a_server_error,response_schema_conformance,content_type_conformance -n 20 --seed 2026 >"$work/schemathesis.log" 2>&1) ||
    { cat "$work/schemathesis.log" >&2; exit 1; }
  grep -E "generated|passed" "$work/schemathesis.log" | tail -n 1
done

# An answered attempt is on disk: the server killed (-9) right after the answer, then restarted,
# still has the solve.
welcome=$(curl -fs -H "Authorization: Token $player" "$base/api/v1/challenges" |
  python3 -c 'import json, sys; print(next(c["id"] for c in json.load(sys.stdin)["data"] if c["name"] == "Bienvenue à bord"))')
attempt() {
  curl -s -H "Authorization: Token $player" -H "Content-Type: application/json" \
    -d "{\"challenge_id\": $welcome, \"submission\": \"HACKAGOU{bienvenue_a_bord}\"}" "$base/api/v1/challenges/attempt"
}
answer=$(attempt)
kill -9 "$server"; wait "$server" 2>/dev/null || true
echo "$answer" | grep -q '"status":"correct"' || { echo "expected correct: $answer" >&2; exit 1; }
start
again=$(attempt)
echo "$again" | grep -q '"status":"already_solved"' || { echo "the solve was lost by kill -9: $again" >&2; exit 1; }
echo "ctfcli and the CTFd player script: OK"
