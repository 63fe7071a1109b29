#!/usr/bin/env bash
# Does the build run on its own? Builds dist/ into a temporary folder (the project's own dist/ is
# left alone), copies ONLY that dist/ somewhere else, gives it its packages, starts the bot there
# and asks GET /healthz. Settings come from a .env file in that folder, except DATABASE_URL, which
# the environment sets too and which must win.
#
#   scripts/check-dist.sh             packages: a link to this project's node_modules (offline, quick)
#   scripts/check-dist.sh --install   packages: npm ci --omit=dev inside the copy, as the Dockerfile
#                                     and Azure App Service do (needs the npm registry)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

install=false
case "${1:-}" in
  --install) install=true ;;
  "") ;;
  *) echo "Unknown option $1: use --install or nothing." >&2; exit 2 ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/check-dist.XXXXXX")
bot_pid=
cleanup() {
  if [ -n "$bot_pid" ] && kill -0 "$bot_pid" 2>/dev/null; then kill "$bot_pid"; wait "$bot_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

started=$(date +%s)
echo "check-dist: building into $work/build/dist"
node_modules/.bin/tsc -p tsconfig.build.json --outDir "$work/build/dist"
node_modules/.bin/tsx scripts/build-dist.ts --out "$work/build/dist"

# Only dist/ travels: nothing of the project around it.
cp -R "$work/build/dist" "$work/alone"
cd "$work/alone"
for unwanted in test scripts bench node_modules; do
  if [ -e "$unwanted" ]; then echo "check-dist: dist/ holds $unwanted/, which is not part of what runs" >&2; exit 1; fi
done
if $install; then
  echo "check-dist: npm ci --omit=dev in the copy"
  npm ci --omit=dev --no-audit --no-fund --loglevel=error
  if [ -e node_modules/typescript ] || [ -e node_modules/jest ]; then echo "check-dist: dev packages were installed" >&2; exit 1; fi
else
  ln -s "$root/node_modules" node_modules
fi

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
cat > .env <<EOF
PORT=$port
DATABASE_URL=sqlite:$work/from-dotenv.db
EOF
ALLOW_UNAUTHENTICATED=true DATABASE_URL="sqlite:$work/x.db" NODE_ENV=development node src/index.js >"$work/bot.log" 2>&1 &
bot_pid=$!

answer=
for _ in $(seq 1 120); do
  if ! kill -0 "$bot_pid" 2>/dev/null; then echo "check-dist: the bot stopped:" >&2; tail -n 20 "$work/bot.log" >&2; exit 1; fi
  if answer=$(node -e "fetch('http://127.0.0.1:$port/healthz').then(async (r) => { if (!r.ok) process.exit(1); console.log(await r.text()); }, () => process.exit(1))" 2>/dev/null); then break; fi
  answer=
  sleep 0.5
done
if [ -z "$answer" ]; then echo "check-dist: no answer from /healthz on port $port" >&2; tail -n 20 "$work/bot.log" >&2; exit 1; fi
case "$answer" in
  *'"status":"ok"'*) ;;
  *) echo "check-dist: /healthz answered $answer" >&2; exit 1 ;;
esac
[ -f "$work/x.db" ] || { echo "check-dist: DATABASE_URL from the environment was not used" >&2; exit 1; }
[ ! -e "$work/from-dotenv.db" ] || { echo "check-dist: .env won over the environment" >&2; exit 1; }
echo "check-dist: dist/ alone ($($install && echo 'npm ci --omit=dev' || echo 'linked node_modules')) answered /healthz on port $port (from .env) with $answer in $(($(date +%s) - started)) s"
