#!/usr/bin/env bash
# Issue 4's benchmark: paging through 1,000,800 usage rows (one company, 100 sites, 3 years of
# monthly bills across five utilities) with 10 concurrent clients, through the API (wrk) and as
# the equivalent plain SQL (pgbench) in the same run, plus server memory and query plans. The SQL of
# each query reads everything its API page contains (see below), the floor the API stands on.
# Usage: bench/list-throughput.sh [seconds-per-query]   (default 15)
# Needs: wrk, pgbench and psql (apt-get install wrk postgresql-client postgresql-contrib).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-15}"
PORT="${BENCH_PORT:-18781}"
KEY="nk_test_bench_list_throughput_0001"
for tool in wrk pgbench psql; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
./nectar --version >/dev/null

# BENCH_DATA=<folder> reuses a folder seeded by an earlier run (kept when BENCH_KEEP=1).
DATA="${BENCH_DATA:-$(mktemp -d)}"
OUT="$DATA/results"
mkdir -p "$DATA"
start_server() {
  NECTAR_DATA_DIR="$DATA" NECTAR_PORT=$PORT NECTAR_BOOTSTRAP_KEY=$KEY ./nectar serve >>"$DATA/log" 2>&1 & PID=$!
  until curl -fs "http://localhost:$PORT/readyz" >/dev/null 2>&1; do
    kill -0 $PID 2>/dev/null || { echo "the server did not start; see $DATA/log" >&2; exit 1; }
    sleep 0.1
  done
  PGPORT="$(sed -n 4p "$DATA/pg/postmaster.pid")"
  PSQL=(psql -h localhost -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
}
if [ -n "${BENCH_KEEP:-}${BENCH_DATA:-}" ]; then
  trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; echo "data kept in $DATA"' EXIT
else
  trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
fi
start_server
# The plans shown at the end are the server's own, logged by auto_explain in the server's sessions
# (off until then): the database needs the module preloaded and a log file, so it restarts once.
if [ "$("${PSQL[@]}" -c "show session_preload_libraries")" != auto_explain ]; then
  "${PSQL[@]}" -c "alter system set session_preload_libraries = 'auto_explain'" \
    -c "alter system set auto_explain.log_min_duration = -1" -c "alter system set logging_collector = on" \
    -c "alter system set log_directory = 'log'" -c "alter system set log_filename = 'postgresql.log'"
  kill -TERM $PID; wait $PID 2>/dev/null || true
  start_server
fi
BASE="http://localhost:$PORT/v2.2"
COMPANY=$("${PSQL[@]}" -c "select id from company where name = 'Bench portfolio'")
if [ -z "$COMPANY" ]; then
  COMPANY=$(curl -fsS -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{"name":"Bench portfolio"}' \
    "$BASE/company" | sed -E 's/^\{"id":"([0-9a-f-]{36})".*/\1/')
  echo "seeding 1,000,800 usage rows for company $COMPANY ..."
  t0=$(date +%s)
  "${PSQL[@]}" -v company="$COMPANY" -f bench/sql/seed-usage.sql
  echo "seeded in $(( $(date +%s) - t0 )) s"
fi
echo "data: $("${PSQL[@]}" -c "select count(*) from usage_data") usage rows, $("${PSQL[@]}" -c "select count(*) from document") documents"
SITE=$("${PSQL[@]}" -c "select id from site where company_id = '$COMPANY' order by name limit 1")
IDENT=$("${PSQL[@]}" -c "select value from meter_identifier order by meter_id limit 1 offset 777")

# name | API path | SQL of one request (count + page), with :company / :site bound below
QUERIES=(
  "usage page 1|/usage/company/$COMPANY|usage|company_id = '$COMPANY'||order by bill_date, id limit 100"
  "usage deep page 5000|/usage/company/$COMPANY?page=5000|usage|company_id = '$COMPANY'||order by bill_date, id limit 100 offset 499900"
  "usage BILL_DATE 2024|/usage/company/$COMPANY?startDate=2024-01-01&endDate=2024-12-31|usage|company_id = '$COMPANY'|and bill_date >= '2024-01-01' and bill_date <= '2024-12-31'|order by bill_date, id limit 100"
  "usage USAGE_PERIOD 2024-06|/usage/company/$COMPANY?dateType=USAGE_PERIOD&startDate=2024-06-10&endDate=2024-06-20|usage|company_id = '$COMPANY'|and end_date >= '2024-06-10' and start_date <= '2024-06-20'|order by bill_date, id limit 100"
  "usage CREATED_DATE|/usage/company/$COMPANY?dateType=CREATED_DATE&startDate=2020-01-01&endDate=2100-01-01|usage|company_id = '$COMPANY'|and created_at >= '2020-01-01' and created_at < '2100-01-02'|order by bill_date, id limit 100"
  "usage datasourceType=GAS|/usage/company/$COMPANY?datasourceType=GAS|usage|company_id = '$COMPANY'|and datasource_type = any('{GAS}')|order by bill_date, id limit 100"
  "usage identifier|/usage/company/$COMPANY?identifier=$IDENT|usage|company_id = '$COMPANY'|and meter_id in (select meter_id from meter_identifier where normalized = ltrim('$IDENT', '0'))|order by bill_date, id limit 100"
  "documents of a site, 2024 H1|/document/site/$SITE?startDate=2024-01-01&endDate=2024-06-30|document|site_id = '$SITE'|and bill_date >= '2024-01-01' and bill_date <= '2024-06-30'|order by bill_date, id limit 100"
)

echo "warming up (JIT) ..."
for q in "${QUERIES[@]}"; do
  IFS='|' read -r name path rest <<<"$q"
  wrk -t2 -c10 -d3s -H "X-API-Key: $KEY" "http://localhost:$PORT/v2.2$path" >/dev/null
done
max_rss=0
sample_rss() { local r; r=$(ps -o rss= -p $PID | tr -d ' '); [ "$r" -gt "$max_rss" ] && max_rss=$r; true; }
printf '%-28s %10s %9s %9s %9s %9s %9s %9s %7s\n' "query" "api req/s" "p50" "p99" "max" "sql tps" "sql p50" "sql p99" \
  "ratio" | tee "$OUT"
for q in "${QUERIES[@]}"; do
  IFS='|' read -r name path table scope filter order <<<"$q"
  # The SQL of one request fetches what the API page holds, so the comparison is like for like:
  # the total (a count, as the server runs when its cached total is stale), then the page rows
  # with every object they embed. A usage row embeds its meter (with identifiers), its site and a
  # summary of its document: one statement reads the page once and joins them in. A document embeds
  # all its usage rows (each with meter, identifiers and site), its line items and demand readings:
  # these are read as the server reads them, one statement each for the page's documents. The API
  # caches totals and page anchors (ListCache) where this SQL recounts and walks the offset each time.
  IDENTIFIERS="(select coalesce(json_agg(json_build_object('rawName', i.raw_name, 'value', i.value, 'name', i.name) order by i.position), '[]') from meter_identifier i where i.meter_id = m.id)::text as identifiers"
  if [ "$table" = usage ]; then
    where="$scope and not is_deleted $filter"
    page="select * from usage_data where $where $order"
    sql="select count(*) from usage_data where $where;
with page as materialized ($page) select p.*, m.*, $IDENTIFIERS, s.*, d.* from page p left join meter m on m.id = p.meter_id left join site s on s.id = p.site_id left join document d on d.id = p.document_id order by p.bill_date, p.id;"
  else
    where="$scope and deleted_at is null $filter"
    page="select * from document where $where $order"
    ids="select id from document where $where $order"
    sql="select count(*) from document where $where;
$page;
select * from usage_data where document_id in ($ids) order by document_id, position;
select m.*, $IDENTIFIERS from meter m where m.id in (select meter_id from usage_data where document_id in ($ids));
select * from site where id in (select site_id from usage_data where document_id in ($ids));
select * from line_item where document_id in ($ids) order by document_id, position;
select * from demand_reading where document_id in ($ids) order by document_id, position;"
  fi
  echo "$sql" > "$DATA/q.sql"
  "${PSQL[@]}" -c "explain (analyze, buffers off, costs off, timing off, summary off) $page" > "$DATA/plan-${name// /_}.txt"
  wrk -t2 -c10 -d"${SECS}s" --latency -H "X-API-Key: $KEY" "http://localhost:$PORT/v2.2$path" > "$DATA/wrk.txt" &
  WRK=$!
  while kill -0 $WRK 2>/dev/null; do sample_rss; sleep 1; done
  rps=$(awk '/Requests\/sec/ {print $2}' "$DATA/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$DATA/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$DATA/wrk.txt")
  maxl=$(awk '/Latency/ && !/Distribution/ {print $4; exit}' "$DATA/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $4}' "$DATA/wrk.txt")
  rm -f "$DATA"/pgbench-log.*
  tps=$(pgbench -n -h localhost -p "$PGPORT" -U postgres -c 10 -j 2 -T "$SECS" -f "$DATA/q.sql" \
          -l --log-prefix="$DATA/pgbench-log" postgres 2>/dev/null | awk '/^tps/ {printf "%.1f", $3; exit}')
  # The floor's latency, from pgbench's log of every transaction (its third field, in microseconds).
  read -r sql50 sql99 < <(cat "$DATA"/pgbench-log.* | awk '{print $3}' | sort -n \
    | awk '{v[NR] = $1} END {printf "%.1fms %.1fms\n", v[int(NR * 0.5) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000}')
  ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
  printf '%-28s %10s %9s %9s %9s %9s %9s %9s %7s %s\n' "$name" "$rps" "$p50" "$p99" "$maxl" "$tps" "$sql50" "$sql99" \
    "$ratio" "${non2xx:+NON-2XX:$non2xx}" | tee -a "$OUT"
done
echo "peak server RSS during the run: $((max_rss / 1024)) MB" | tee -a "$OUT"
echo
echo "query plans of the plain SQL (EXPLAIN ANALYZE of each page query):"
for f in "$DATA"/plan-*.txt; do echo "--- $(basename "$f" .txt | sed 's/^plan-//; s/_/ /g')"; cat "$f"; done
echo
echo "the server's own plans (auto_explain), for one request of each query after the runs:"
PGLOG="$DATA/pg/log/postgresql.log"
"${PSQL[@]}" -c "alter system set auto_explain.log_min_duration = 0" -c "alter system set auto_explain.log_analyze = on" \
  -c "alter system set auto_explain.log_timing = off" -c "select pg_reload_conf()" >/dev/null
sleep 1
for q in "${QUERIES[@]}"; do
  IFS='|' read -r name path rest <<<"$q"
  echo "=== $name"
  from=$(($(stat -c %s "$PGLOG") + 1))
  curl -fsS -o /dev/null -H "X-API-Key: $KEY" "http://localhost:$PORT/v2.2$path"
  sleep 0.5
  # Each logged plan starts at a "duration: ... plan:" line; print those that read usage or documents
  # (not the key and ownership lookups), without their parameters.
  tail -c +"$from" "$PGLOG" | awk '/duration: .* plan:/ {if (block ~ /usage_data|from document/) printf "%s", block; block = ""}
    !/Query Parameters:/ {block = block substr($0, 1, 220) "\n"}
    END {if (block ~ /usage_data|from document/) printf "%s", block}' | sed 's/^\t//; s/^[0-9-]* [0-9:.]* UTC \[[0-9]*\] LOG:  //'
done
"${PSQL[@]}" -c "alter system set auto_explain.log_min_duration = -1" -c "select pg_reload_conf()" >/dev/null
