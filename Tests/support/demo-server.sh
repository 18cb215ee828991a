# Sourced by the scripts that test a live Grappe (Tests/ctf/ctfcli.sh, Tests/html/nu-check.sh):
#   port=8097; . Tests/support/demo-server.sh path/to/grappe-binary
# sets `grappe` (the binary's absolute path), `base`, a temporary `work` folder removed on exit
# with the server, the environment of a fresh SQLite database there, and `start`, which serves it
# on `port` and waits for /healthz (the server's log is printed if it never answers).
grappe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
export GRAPPE_SQLITE_PATH="$work/grappe.sqlite" GRAPPE_BASE_URL="$base" GRAPPE_UPLOAD_DIR="$work/uploads" LOG_LEVEL=warning
unset DATABASE_URL

start() {
  "$grappe" serve --hostname 127.0.0.1 --port "$port" >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fs "$base/healthz" >/dev/null || { cat "$work/server.log" >&2; exit 1; }
}
