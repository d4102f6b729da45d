#!/usr/bin/env bash
# Measures what a user waits for and what the server costs when idle:
#   - first start on an empty data folder (initdb + migrations) until /readyz answers 200,
#   - warm start on the same folder,
#   - resident memory (RSS) of the JVM and of the embedded PostgreSQL after 20 s idle.
# Usage: bench/startup.sh [runs]   (default 3 runs of each start; prints medians)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
PORT="${BENCH_PORT:-18581}"
./nectar --version >/dev/null   # builds on first use, outside the measurement

ms() { date +%s%3N; }
wait_ready() {
  local pid=$1
  until curl -fsS "http://localhost:$PORT/readyz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "server died" >&2; exit 1; }
    sleep 0.02
  done
}
stop() { kill -TERM "$1"; while kill -0 "$1" 2>/dev/null; do sleep 0.05; done; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

first=(); warm=()
for _ in $(seq 1 "$RUNS"); do
  DATA="$(mktemp -d)"
  t0=$(ms); NECTAR_DATA_DIR="$DATA" NECTAR_PORT=$PORT ./nectar serve >"$DATA/log" 2>&1 & pid=$!
  wait_ready $pid; first+=($(( $(ms) - t0 ))); stop $pid
  t0=$(ms); NECTAR_DATA_DIR="$DATA" NECTAR_PORT=$PORT ./nectar serve >>"$DATA/log" 2>&1 & pid=$!
  wait_ready $pid; warm+=($(( $(ms) - t0 ))); stop $pid
  LAST="$DATA"
done

NECTAR_DATA_DIR="$LAST" NECTAR_PORT=$PORT ./nectar serve >>"$LAST/log" 2>&1 & pid=$!
wait_ready $pid
sleep 20
jvm_kb=$(ps -o rss= -p $pid)
pg_kb=$(ps -eo rss=,args= | grep "[p]ostgres" | grep -F "$LAST/pg" -A0 | awk '{s+=$1} END {print s+0}')
pg_all_kb=$(pgrep -f "postgres" -P "$(pgrep -f "$LAST/pg" | head -1)" | xargs -r ps -o rss= -p | awk '{s+=$1} END {print s+0}')
stop $pid

echo "first start to ready (ms): ${first[*]}  median $(printf '%s\n' "${first[@]}" | median)"
echo "warm start to ready (ms):  ${warm[*]}  median $(printf '%s\n' "${warm[@]}" | median)"
echo "idle RSS after 20 s: JVM $((jvm_kb / 1024)) MB; PostgreSQL postmaster $((pg_kb / 1024)) MB + children $((pg_all_kb / 1024)) MB"
