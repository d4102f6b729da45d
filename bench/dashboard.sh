#!/usr/bin/env bash
# Issue 14's target: the dashboard's main pages and chart endpoints answer in under 100 ms on the
# benchmark's database (one company, 100 sites, 27,800 meters, 18,000 bills, 1,000,800 usage rows;
# the seed of bench/list-throughput.sh). Signs in as the first administrator through the printed
# one-time link (or with the password of an earlier run), then times each page through HTTP:
#   first  the page's first request with the JIT warm but the company's aggregates not yet cached
#          (another period was asked first): what a page costs right after its company's data changed.
#          For the pages with a period, the median of five such first requests (five periods, each
#          new to the cache), so that one scheduling hiccup of a shared machine is not the figure.
#   p50/p99/max  wrk, 2 connections, for the seconds given: the page as people see it most of the time
# Usage: bench/dashboard.sh [seconds-per-page]   (default 10)
# Needs: wrk, psql (apt-get install wrk postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-10}"
PORT="${BENCH_PORT:-18782}"
KEY="nk_test_bench_dashboard_00000001"
EMAIL="bench@example.com"
PASSWORD="bench dashboard password 1"
for tool in wrk psql curl; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
./nectar --version >/dev/null

# BENCH_DATA=<folder> reuses a folder seeded by an earlier run (kept when BENCH_KEEP=1).
DATA="${BENCH_DATA:-$(mktemp -d)}"
OUT="$DATA/dashboard-results"
mkdir -p "$DATA"
NECTAR_DATA_DIR="$DATA" NECTAR_PORT=$PORT NECTAR_BOOTSTRAP_KEY=$KEY ./nectar serve >>"$DATA/log" 2>&1 & PID=$!
if [ -n "${BENCH_KEEP:-}${BENCH_DATA:-}" ]; then
  trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; echo "data kept in $DATA"' EXIT
else
  trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
fi
until curl -fs "http://localhost:$PORT/readyz" >/dev/null 2>&1; do
  kill -0 $PID 2>/dev/null || { echo "the server did not start; see $DATA/log" >&2; exit 1; }
  sleep 0.1
done
PGPORT="$(sed -n 4p "$DATA/pg/postmaster.pid")"
PSQL=(psql -h localhost -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
BASE="http://localhost:$PORT"

COMPANY=$("${PSQL[@]}" -c "select id from company where name = 'Bench portfolio'")
if [ -z "$COMPANY" ]; then
  COMPANY=$(curl -fsS -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{"name":"Bench portfolio"}' \
    "$BASE/v2.2/company" | sed -E 's/^\{"id":"([0-9a-f-]{36})".*/\1/')
  echo "seeding 1,000,800 usage rows for company $COMPANY ..."
  t0=$(date +%s)
  "${PSQL[@]}" -v company="$COMPANY" -f bench/sql/seed-usage.sql
  echo "seeded in $(( $(date +%s) - t0 )) s"
fi
echo "data: $("${PSQL[@]}" -c "select count(*) from usage_data") usage rows, $("${PSQL[@]}" -c "select count(*) from document") documents, $("${PSQL[@]}" -c "select count(*) from meter") meters"

# Signing in: the first start prints a one-time link for the first administrator; later runs sign in.
JAR="$DATA/cookies"
rm -f "$JAR"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }
LINK=$(grep -o 'https\?://[^ ]*/dashboard/welcome/[A-Za-z0-9_-]*' "$DATA/log" | tail -1 || true)
if [ "$("${PSQL[@]}" -c "select count(*) from dashboard_user")" = 0 ] && [ -n "$LINK" ]; then
  path="/dashboard/welcome/${LINK##*/}"
  token=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE$path" | csrf)
  curl -sS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$token" --data-urlencode "email=$EMAIL" \
    --data-urlencode "password=$PASSWORD" "$BASE$path"
else
  token=$(curl -fsS -c "$JAR" -b "$JAR" "$BASE/dashboard/sign-in" | csrf)
  curl -sS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$token" --data-urlencode "email=$EMAIL" \
    --data-urlencode "password=$PASSWORD" "$BASE/dashboard/sign-in"
fi
SESSION=$(awk '$6 == "nectar_session" {print $7}' "$JAR")
[ -n "$SESSION" ] || { echo "could not sign in to the dashboard; see $DATA/log" >&2; exit 1; }
COOKIE="Cookie: nectar_session=$SESSION"

SITE=$("${PSQL[@]}" -c "select id from site where company_id = '$COMPANY' order by name limit 1")
METER=$("${PSQL[@]}" -c "select id from meter where site_id = '$SITE' order by created_at, id limit 1")
DOCUMENT=$("${PSQL[@]}" -c "select id from document where company_id = '$COMPANY' order by bill_date desc, id limit 1")
LAST=$("${PSQL[@]}" -c "select to_char(max(end_date), 'YYYY-MM') from usage_data where company_id = '$COMPANY'")
FIRST=$("${PSQL[@]}" -c "select to_char(max(end_date) - interval '11 months', 'YYYY-MM') from usage_data where company_id = '$COMPANY'")
PERIOD="from=$FIRST&to=$LAST"
WARM="from=2023-01&to=2023-12"
# Four more twelve-month periods, each ending 1-4 months before $LAST: first views of the same page.
EARLIER=()
for k in 1 2 3 4; do
  EARLIER+=("$("${PSQL[@]}" -c "select 'from=' || to_char(max(end_date) - interval '$((11 + k)) months', 'YYYY-MM')
    || '&to=' || to_char(max(end_date) - interval '$k months', 'YYYY-MM') from usage_data where company_id = '$COMPANY'")")
done

# name | path (the "first" request runs after the same path with $WARM instead of $PERIOD)
PAGES=(
  "companies|/dashboard/companies"
  "company overview|/dashboard/companies/$COMPANY?$PERIOD"
  "company chart JSON|/dashboard/companies/$COMPANY/charts/monthly?$PERIOD"
  "site page|/dashboard/sites/$SITE?$PERIOD"
  "site chart JSON|/dashboard/sites/$SITE/charts/monthly?$PERIOD"
  "meter page|/dashboard/meters/$METER?$PERIOD"
  "meter chart JSON|/dashboard/meters/$METER/charts/monthly?$PERIOD"
  "meter hourly JSON|/dashboard/meters/$METER/charts/hourly"
  "documents p1|/dashboard/companies/$COMPANY/documents"
  "documents GAS 2024|/dashboard/companies/$COMPANY/documents?datasourceType=GAS&startDate=2024-01-01&endDate=2024-12-31"
  "document + audit|/dashboard/documents/$DOCUMENT"
  "usage p1|/dashboard/companies/$COMPANY/usage"
  "usage p50|/dashboard/companies/$COMPANY/usage?page=50"
  "connections|/dashboard/companies/$COMPANY/connections"
  "accounts|/dashboard/companies/$COMPANY/accounts"
  "meters|/dashboard/companies/$COMPANY/meters"
)

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)" | tee "$OUT"
printf '%-22s %7s %9s %9s %9s %9s %8s\n' "page" "status" "first" "p50" "p99" "max" "req/s" | tee -a "$OUT"
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name path <<<"$entry"
  curl -s -o /dev/null -H "$COOKIE" "$BASE${path//$PERIOD/$WARM}"
  firsts=()
  if [[ "$path" == *"$PERIOD"* ]]; then
    for other in "${EARLIER[@]}"; do
      firsts+=("$(curl -s -o /dev/null -w '%{time_total}' -H "$COOKIE" "$BASE${path//$PERIOD/$other}")")
    done
  fi
  read -r status t < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "$COOKIE" "$BASE$path")
  firsts+=("$t")
  first=$(printf '%s\n' "${firsts[@]}" | sort -g | awk '{v[NR] = $1} END {printf "%.1fms", v[int((NR + 1) / 2)] * 1000}')
  wrk -t1 -c2 -d2s -H "$COOKIE" "$BASE$path" >/dev/null
  wrk -t1 -c2 -d"${SECS}s" --latency -H "$COOKIE" "$BASE$path" > "$DATA/wrk.txt"
  p50=$(awk '$1=="50%" {print $2}' "$DATA/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$DATA/wrk.txt")
  maxl=$(awk '/Latency/ && !/Distribution/ {print $4; exit}' "$DATA/wrk.txt")
  rps=$(awk '/Requests\/sec/ {print $2}' "$DATA/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $4}' "$DATA/wrk.txt")
  printf '%-22s %7s %9s %9s %9s %9s %8s %s\n' "$name" "$status" "$first" "$p50" "$p99" "$maxl" "$rps" \
    "${non2xx:+NON-2XX:$non2xx}" | tee -a "$OUT"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
echo "server: $(grep -c '' "$DATA/log") log lines; results in $OUT"
