#!/usr/bin/env bash
# One command to start a local CouchDB-protocol server for trying Daftar's sync:
# pouchdb-server (npm, pinned in package.json) in memory on 127.0.0.1:5984, with
#   - CORS open to any origin, credentials allowed (a Daftar page on another port can sync),
#   - a server admin, and a rep user with the role `daftar`,
#   - database `daftar` (members: role daftar) and `daftar-inbox` (survey inbox rules,
#     see scripts/survey-inbox.mjs).
# Stays in the foreground printing the server's request log; Ctrl-C stops it, and every
# document is gone (in memory). Running it again starts the same setup afresh.
#
# Usage: scripts/couch.sh
# Environment: PORT (5984), ADMIN_USER / ADMIN_PASSWORD (admin / admin),
#              REP_USER / REP_PASSWORD (rep / rep)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PORT:-5984}"
ADMIN_USER="${ADMIN_USER:-admin}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin}"
REP_USER="${REP_USER:-rep}"
REP_PASSWORD="${REP_PASSWORD:-rep}"
URL="http://127.0.0.1:$PORT"

say() { printf '[couch] %s\n' "$*"; }
die() { printf '[couch] %s\n' "$*" >&2; exit 1; }
command -v curl >/dev/null || die "needs curl"

if [ ! -x node_modules/.bin/pouchdb-server ] || [ package-lock.json -nt node_modules/.install-stamp ]; then
  scripts/install.sh
fi

if curl -s -o /dev/null --max-time 2 "$URL/"; then
  die "something already answers on $URL: stop it, or choose another port (PORT=5985 scripts/couch.sh)"
fi

# pouchdb-server writes config.json and log.txt into its working directory even in
# memory: give it a scratch one, removed on exit.
work="$(mktemp -d "${TMPDIR:-/tmp}/daftar-couch.XXXXXX")"
server=""
tailer=""
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$tailer" ]; then kill "$tailer" 2>/dev/null || true; fi
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo; say "stopping"; exit 0' INT TERM

root="$PWD"
# -n: no log on stdout (spelled out, --no-stdout-logs is misread by its option parser);
# its log file is shown once setup is done, below.
(cd "$work" && exec "$root/node_modules/.bin/pouchdb-server" --in-memory -n \
  --host 127.0.0.1 --port "$PORT") &
server=$!

for _ in $(seq 100); do
  curl -s -o /dev/null "$URL/" && break
  kill -0 "$server" 2>/dev/null || die "pouchdb-server exited (see above; is port $PORT free?)"
  sleep 0.1
done
curl -s -o /dev/null "$URL/" || die "pouchdb-server did not answer on $URL"

# A request that must succeed; prints the server's answer on failure.
call() { # method path [json-body] — as the admin once it exists
  local method="$1" path="$2" body="${3-}" out code
  local args=(-s -X "$method" -H 'Accept: application/json' -H 'Content-Type: application/json' -w '\n%{http_code}')
  [ -n "$admin_auth" ] && args+=(-u "$admin_auth")
  [ -n "$body" ] && args+=(--data-binary "$body")
  out="$(curl "${args[@]}" "$URL$path")" || die "$method $path: no answer from $URL"
  code="${out##*$'\n'}"
  case "$code" in
    2??|412) ;;  # 412: database exists
    *) die "$method $path failed: HTTP $code ${out%$'\n'*}" ;;
  esac
}
json_string() { node -e 'process.stdout.write(JSON.stringify(process.argv[1]))' "$1"; }

admin_auth=""
# CORS (pouchdb-server's /_config, as CouchDB's /_node/_local/_config). origins "*" echoes
# the page's origin back, which credentials require.
call PUT /_config/httpd/enable_cors '"true"'
call PUT /_config/cors/origins '"*"'
call PUT /_config/cors/credentials '"true"'
call PUT /_config/cors/methods '"GET, HEAD, POST, PUT, DELETE, COPY"'
call PUT /_config/cors/headers '"accept, authorization, content-type, origin, referer, if-match, if-none-match, x-requested-with"'
# A server admin ends the "admin party" (everyone is admin until then).
call PUT "/_config/admins/$ADMIN_USER" "$(json_string "$ADMIN_PASSWORD")"
admin_auth="$ADMIN_USER:$ADMIN_PASSWORD"

call PUT /daftar
call PUT /daftar/_security '{"admins":{"names":[],"roles":["_admin"]},"members":{"names":[],"roles":["daftar"]}}'
call PUT "/_users/org.couchdb.user:$REP_USER" \
  "{\"name\":$(json_string "$REP_USER"),\"password\":$(json_string "$REP_PASSWORD"),\"roles\":[\"daftar\"],\"type\":\"user\"}"
node scripts/survey-inbox.mjs "$URL" daftar-inbox --user "$ADMIN_USER" --password "$ADMIN_PASSWORD" | sed 's/^/[couch] /'

cat <<EOF

  pouchdb-server (in memory) is ready on $URL
  Fauxton (web admin):  $URL/_utils   sign in as $ADMIN_USER / $ADMIN_PASSWORD

  In Daftar's sync settings (serve Daftar from http://127.0.0.1:..., not localhost,
  so the session cookie stays same-site):
    Server URL:  $URL
    Database:    daftar
    User:        $REP_USER
    Password:    $REP_PASSWORD
  Survey inbox:  $URL/daftar-inbox   (anyone may post a response code)

  Ctrl-C stops the server; all data is in memory and goes with it. Requests follow:

EOF
# In the background so that `wait` (unlike a foreground command) lets the traps run
# as soon as a signal comes.
tail -n 0 -F "$work/log.txt" --pid="$server" 2>/dev/null &
tailer=$!
wait "$tailer" || true
die "pouchdb-server stopped"
