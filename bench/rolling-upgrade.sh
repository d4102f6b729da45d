#!/usr/bin/env bash
# Issue 13's rolling upgrade: servers of the previous release and of this checkout side by side on one
# database while a steady mix of writes and reads runs through them, as during a roll-out behind a
# load balancer. Counts the requests that failed (the goal: none).
#
# The roll: old server A (its embedded PostgreSQL is the shared database) and old server B serve; new
# server C starts on the same database and migrates it while A and B keep serving; B is taken out of
# rotation, drained and stopped; new server D starts. A stays up to the end because it holds the
# database (in production the database is its own service); what matters is that old servers serve
# on the new schema and new servers on data the old ones write.
#
# Usage: bench/rolling-upgrade.sh [OLD_REF] [SECONDS_PER_PHASE]
#   OLD_REF: the previous release as a git ref (the last commit that landed before this work)
# Needs: curl, git, mvn (to build the old release once into a temporary worktree).
set -euo pipefail
cd "$(dirname "$0")/.."
OLD_REF="${1:?give the previous release as a git ref, e.g. bench/rolling-upgrade.sh 93ef081}"
PHASE="${2:-10}"
PORT=18891
KEY="nk_test_bench_rolling_upgrade_0001"
SECRET="bench-rolling-upgrade-secret-0123456789abcdef"
for tool in curl git mvn; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
./nectar --version >/dev/null   # builds this checkout if needed
NEW_JAR="$PWD/server/target/nectar-server.jar"

WORK="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  git worktree remove --force "$WORK/old" 2>/dev/null || true
  if [ -n "${BENCH_KEEP:-}" ]; then echo "kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

echo "building the previous release ($OLD_REF) ..."
git worktree add -q --detach "$WORK/old" "$OLD_REF"
(cd "$WORK/old" && mvn -B -q -DskipTests -pl server -am package >"$WORK/old-build.log" 2>&1) \
  || { echo "the old release did not build; see $WORK/old-build.log" >&2; exit 1; }
OLD_JAR="$WORK/old/server/target/nectar-server.jar"
JAVA_OPTS=(-Xmx300m -XX:+UseSerialGC)

start() { # name jar port [DATABASE_URL]
  local name=$1 jar=$2 port=$3 db=${4:-}
  env ${db:+DATABASE_URL=$db} NECTAR_DATA_DIR="$WORK/$name" NECTAR_PORT="$port" NECTAR_SECRET_KEY=$SECRET \
    NECTAR_BOOTSTRAP_KEY=$KEY java "${JAVA_OPTS[@]}" -jar "$jar" serve >>"$WORK/$name.log" 2>&1 &
  local pid=$!
  PIDS+=("$pid")
  LAST_PID=$pid
  until curl -fs "http://localhost:$port/readyz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "server $name did not start; see $WORK/$name.log" >&2; exit 1; }
    sleep 0.2
  done
}
in_rotation() { printf '%s\n' "$@" >"$WORK/rotation.tmp"; mv "$WORK/rotation.tmp" "$WORK/rotation"; }

# The load: each round creates a company through one server, reads it back through another and lists
# through a third, round-robin over the servers in rotation. A request that is not 2xx is a failure.
load() {
  local ok=0 failed=0 i=0
  while [ ! -f "$WORK/stop" ]; do
    mapfile -t ports <"$WORK/rotation"
    local n=${#ports[@]}
    local p1=${ports[$((i % n))]} p2=${ports[$(((i + 1) % n))]} p3=${ports[$(((i + 2) % n))]}
    i=$((i + 1))
    local body code id
    body=$(curl -s -w '\n%{http_code}' -H "X-API-Key: $KEY" -H 'Content-Type: application/json' \
      -d "{\"name\": \"Roll $i\"}" "http://localhost:$p1/v2.2/company" || true)
    code=${body##*$'\n'}
    if [ "$code" != 201 ]; then failed=$((failed + 1)); echo "POST via $p1: $code ${body%$'\n'*}" >>"$WORK/failures"; continue; fi
    ok=$((ok + 1))
    id=$(sed -E 's/^\{"id":"([0-9a-f-]{36})".*/\1/' <<<"${body%$'\n'*}")
    for url in "http://localhost:$p2/v2.2/company/$id" "http://localhost:$p3/v2.2/company?page=1"; do
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $KEY" "$url" || true)
      if [ "$code" = 200 ]; then ok=$((ok + 1)); else failed=$((failed + 1)); echo "GET $url: $code" >>"$WORK/failures"; fi
    done
  done
  echo "$ok $failed" >"$WORK/load-result"
}

echo "old servers A and B ..."
start a "$OLD_JAR" $PORT
PGPORT="$(sed -n 4p "$WORK/a/pg/postmaster.pid")"
DB="postgresql://postgres@localhost:$PGPORT/postgres"
start b "$OLD_JAR" $((PORT + 1)) "$DB"; PID_B=$LAST_PID
in_rotation $PORT $((PORT + 1))
load & LOAD=$!
sleep "$PHASE"
echo "new server C starts (and migrates) beside them ..."
start c "$NEW_JAR" $((PORT + 2)) "$DB"
grep -h "database migration" "$WORK/c.log" | sed 's/^/  C: /' || true
in_rotation $PORT $((PORT + 1)) $((PORT + 2))
sleep "$PHASE"
echo "old server B leaves the rotation, drains and stops ..."
in_rotation $PORT $((PORT + 2))
sleep 2
kill -TERM "$PID_B"; wait "$PID_B" 2>/dev/null || true
echo "new server D starts ..."
start d "$NEW_JAR" $((PORT + 3)) "$DB"
in_rotation $PORT $((PORT + 2)) $((PORT + 3))
sleep "$PHASE"
touch "$WORK/stop"; wait $LOAD
read -r OK FAILED <"$WORK/load-result"
echo "requests: $OK succeeded, $FAILED failed (old: $OLD_REF, new: $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes'))"
[ "$FAILED" = 0 ] || { head -20 "$WORK/failures"; exit 1; }
