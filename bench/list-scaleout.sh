#!/usr/bin/env bash
# Issue 13's list benchmark: the API list throughput of one server, then of two servers on the same
# database, in one run. Server A owns the data folder (and its embedded PostgreSQL); server B has a
# data folder of its own and reaches A's database through DATABASE_URL, as a second machine would.
# Each query is run for the given seconds with 10 clients against A alone, then with the same 10
# clients split 5 + 5 between A and B (the same offered load; a load balancer would split it so).
# Usage: bench/list-scaleout.sh [seconds-per-query]   (default 10)
#   BENCH_SITES=N   sites to seed (default 10: 100,080 usage rows; 100 gives list-throughput.sh's 1,000,800)
# Needs: wrk, psql (apt-get install wrk postgresql-client).
# On a 2-core machine both servers, PostgreSQL and wrk share the same two cores: two servers cannot
# add capacity there, so the figure measures what sharing costs (caches per process, connections);
# run it where each server has its own cores to see the gain.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-10}"
SITES="${BENCH_SITES:-10}"
PORT_A="${BENCH_PORT:-18791}"
PORT_B=$((PORT_A + 1))
KEY="nk_test_bench_list_scaleout_0001"
# Servers behind one load balancer share the secret: links and sealed credentials are valid on each.
SECRET="bench-list-scaleout-secret-0123456789abcdef"
for tool in wrk psql curl; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
./nectar --version >/dev/null

DATA="$(mktemp -d)"
OUT="$DATA/results"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP:-}" ]; then echo "data kept in $DATA"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT
await_ready() { # port pid log
  until curl -fs "http://localhost:$1/readyz" >/dev/null 2>&1; do
    kill -0 "$2" 2>/dev/null || { echo "a server did not start; see $3" >&2; exit 1; }
    sleep 0.1
  done
}

NECTAR_DATA_DIR="$DATA/a" NECTAR_PORT=$PORT_A NECTAR_SECRET_KEY=$SECRET NECTAR_BOOTSTRAP_KEY=$KEY \
  ./nectar serve >>"$DATA/a.log" 2>&1 & PID_A=$!
PIDS+=("$PID_A")
await_ready $PORT_A $PID_A "$DATA/a.log"
PGPORT="$(sed -n 4p "$DATA/a/pg/postmaster.pid")"
PSQL=(psql -h localhost -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
BASE="http://localhost:$PORT_A/v2.2"
COMPANY=$(curl -fsS -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{"name":"Bench portfolio"}' \
  "$BASE/company" | sed -E 's/^\{"id":"([0-9a-f-]{36})".*/\1/')
echo "seeding $SITES sites for company $COMPANY ..."
t0=$(date +%s)
sed "s/generate_series(1, 100) n/generate_series(1, $SITES) n/" bench/sql/seed-usage.sql \
  | "${PSQL[@]}" -v company="$COMPANY" -f -
echo "seeded in $(( $(date +%s) - t0 )) s: $("${PSQL[@]}" -c "select count(*) from usage_data") usage rows," \
  "$("${PSQL[@]}" -c "select count(*) from document") documents"
SITE=$("${PSQL[@]}" -c "select id from site where company_id = '$COMPANY' order by name limit 1")
DEEP=$(( $("${PSQL[@]}" -c "select count(*) from usage_data") / 200 ))

# name | API path
QUERIES=(
  "usage page 1|/usage/company/$COMPANY"
  "usage deep page $DEEP|/usage/company/$COMPANY?page=$DEEP"
  "usage BILL_DATE 2024|/usage/company/$COMPANY?startDate=2024-01-01&endDate=2024-12-31"
  "usage datasourceType=GAS|/usage/company/$COMPANY?datasourceType=GAS"
  "documents of a site, 2024 H1|/document/site/$SITE?startDate=2024-01-01&endDate=2024-06-30"
)

warm_up() { # port
  for q in "${QUERIES[@]}"; do
    IFS='|' read -r name path <<<"$q"
    wrk -t1 -c5 -d3s -H "X-API-Key: $KEY" "http://localhost:$1/v2.2$path" >/dev/null
  done
}
rps_of() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99_of() { awk '$1=="99%" {print $2}' "$1"; }
errors_of() { awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$1"; }

echo "warming up server A (JIT) ..."
warm_up $PORT_A
declare -A ONE ONE_P99
for q in "${QUERIES[@]}"; do
  IFS='|' read -r name path <<<"$q"
  wrk -t2 -c10 -d"${SECS}s" --latency -H "X-API-Key: $KEY" "http://localhost:$PORT_A/v2.2$path" >"$DATA/one.txt"
  ONE[$name]=$(rps_of "$DATA/one.txt")
  ONE_P99[$name]=$(p99_of "$DATA/one.txt")
  e=$(errors_of "$DATA/one.txt"); [ -z "$e" ] || echo "  $name, one server: $e"
done

echo "starting server B on A's database ..."
DATABASE_URL="postgresql://postgres@localhost:$PGPORT/postgres" NECTAR_DATA_DIR="$DATA/b" NECTAR_PORT=$PORT_B \
  NECTAR_SECRET_KEY=$SECRET ./nectar serve >>"$DATA/b.log" 2>&1 & PID_B=$!
PIDS+=("$PID_B")
await_ready $PORT_B $PID_B "$DATA/b.log"
echo "warming up server B (JIT) ..."
warm_up $PORT_B

printf '%-30s %12s %9s %12s %12s %12s %9s %7s\n' "query" "1 server" "p99" "2: A req/s" "2: B req/s" "2: total" "p99" \
  "ratio" | tee "$OUT"
for q in "${QUERIES[@]}"; do
  IFS='|' read -r name path <<<"$q"
  wrk -t1 -c5 -d"${SECS}s" --latency -H "X-API-Key: $KEY" "http://localhost:$PORT_A/v2.2$path" >"$DATA/a.txt" &
  W1=$!
  wrk -t1 -c5 -d"${SECS}s" --latency -H "X-API-Key: $KEY" "http://localhost:$PORT_B/v2.2$path" >"$DATA/b.txt" &
  W2=$!
  wait $W1 $W2
  a=$(rps_of "$DATA/a.txt"); b=$(rps_of "$DATA/b.txt")
  total=$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a + b}')
  p99=$(printf '%s\n%s\n' "$(p99_of "$DATA/a.txt")" "$(p99_of "$DATA/b.txt")" | awk '
    /us$/ {v = $1 / 1000} /ms$/ {v = $1 + 0} /[0-9]s$/ && !/ms$/ && !/us$/ {v = $1 * 1000}
    {if (v > m) m = v} END {printf "%.2fms", m}')
  ratio=$(awk -v t="$total" -v o="${ONE[$name]}" 'BEGIN {printf "%.2f", (o > 0 ? t / o : 0)}')
  printf '%-30s %12s %9s %12s %12s %12s %9s %7s\n' "$name" "${ONE[$name]}" "${ONE_P99[$name]}" "$a" "$b" "$total" "$p99" \
    "$ratio" | tee -a "$OUT"
  for f in a b; do e=$(errors_of "$DATA/$f.txt"); [ -z "$e" ] || echo "  $name, server $f: $e"; done
done
echo "(1 server: 10 clients on A; 2 servers: 5 clients on A and 5 on B at once; p99 of the slower one;" \
  "$(nproc) cores shared by both servers, PostgreSQL and wrk)"
