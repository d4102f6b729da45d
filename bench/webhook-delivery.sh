#!/usr/bin/env bash
# Issue 5's benchmark: 10,000 webhook events fanned out to 3 local endpoints (30,000 deliveries)
# while the API keeps serving reads. Events are committed at a steady rate by pgbench with the
# same SQL the server's outbox runs (message, one delivery per subscribed endpoint, NOTIFY, in one
# transaction), so the figures are the delivery side's: deliveries per second, and the delay from
# a message's commit to its arrival at the receiver (p50/p99, from the receivers' clocks and the
# message's commit-time timestamp). wrk reads GET /v2.2/company meanwhile and its figures are shown.
# A warm-up of 2,000 events (BENCH_WARMUP) goes first and is not measured, as a running server is warm.
# Usage: bench/webhook-delivery.sh [events-per-second]   (default 250, i.e. 750 deliveries/s offered)
# Needs: wrk, pgbench and psql (apt-get install wrk postgresql-client postgresql-contrib).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-250}"
EVENTS="${BENCH_EVENTS:-10000}"
WARMUP="${BENCH_WARMUP:-2000}"   # events sent first, not measured: the JIT compiles the delivery path
PORT="${BENCH_PORT:-18791}"
RECEIVERS=(18801 18802 18803)
KEY="nk_test_bench_webhook_delivery_01"
for tool in wrk pgbench psql java; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
./nectar --version >/dev/null

DATA="$(mktemp -d)"
NECTAR_DATA_DIR="$DATA" NECTAR_PORT=$PORT NECTAR_BOOTSTRAP_KEY=$KEY NECTAR_ALLOW_PRIVATE_TARGETS=true \
  ./nectar serve >"$DATA/log" 2>&1 & PID=$!
java bench/webhooks/Receiver.java "${RECEIVERS[@]}" >"$DATA/receiver.log" 2>&1 & RPID=$!
trap 'kill -TERM $PID $RPID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -fs "http://localhost:$PORT/readyz" >/dev/null 2>&1; do sleep 0.1; done
until curl -fs "http://127.0.0.1:${RECEIVERS[0]}/count" >/dev/null 2>&1; do sleep 0.1; done
PGPORT="$(sed -n 4p "$DATA/pg/postmaster.pid")"
PSQL=(psql -h localhost -p "$PGPORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
BASE="http://localhost:$PORT/v2.2"
api() { curl -fsS -H "X-API-Key: $KEY" -H 'Content-Type: application/json' "$@"; }
COMPANY=$(api -d '{"name":"Webhook bench"}' "$BASE/company" | sed -E 's/^\{"id":"([0-9a-f-]{36})".*/\1/')
for port in "${RECEIVERS[@]}"; do
  api -d "{\"url\":\"http://127.0.0.1:$port/hook\",\"eventTypes\":[\"connection.created.v2\"]}" \
    "$BASE/webhook/endpoint" >/dev/null
done

# One event: exactly the statement of io.nectar.webhooks.Outbox#publish, with a 1.5 KB body.
BODY=$(printf '{"id":"bench","status":"CONNECTED","padding":"%s","eventType":"connection.created.v2"}' \
  "$(head -c 1400 /dev/zero | tr '\0' 'x')")
cat >"$DATA/event.sql" <<SQL
begin;
with message as (
  insert into webhook_message (id, organization_id, environment, event_type, payload, created_at)
  select gen_random_uuid(), c.organization_id, c.environment, 'connection.created.v2', '$BODY', clock_timestamp()
  from company c where c.id = '$COMPANY'
  returning id, organization_id, environment, created_at)
insert into webhook_delivery (message_id, endpoint_id, status, attempts, next_attempt_at, created_at)
select m.id, e.id, 'PENDING', 0, m.created_at, m.created_at
from message m join webhook_endpoint e on e.organization_id = m.organization_id and e.environment = m.environment
where cardinality(e.event_types) = 0 or 'connection.created.v2' = any(e.event_types);
notify webhook_outbox;
commit;
SQL

CLIENTS=4
count() { curl -fs "http://127.0.0.1:${RECEIVERS[0]}/count"; }
commit_events() {  # commit_events N: N events at $RATE/s
  pgbench -h localhost -p "$PGPORT" -U postgres -n -f "$DATA/event.sql" -c $CLIENTS -j 2 -R "$RATE" \
    -t $(( $1 / CLIENTS )) postgres >"$DATA/pgbench.txt" 2>&1
}
await_count() {  # await_count N: until the receivers have N deliveries (10 minutes at most)
  local t0; t0=$(date +%s)
  while [ "$(count)" -lt "$1" ]; do
    r=$(ps -o rss= -p $PID | tr -d ' '); [ "$r" -gt "$max_rss" ] && max_rss=$r
    [ $(( $(date +%s) - t0 )) -gt 600 ] && { echo "not all deliveries arrived within 10 minutes" >&2; return; }
    sleep 0.2
  done
}
max_rss=0
if [ "$WARMUP" -gt 0 ]; then
  echo "warming up with $WARMUP events (not measured) ..."
  commit_events "$WARMUP"; await_count $(( WARMUP * 3 ))
fi
MEASURED_FROM=$("${PSQL[@]}" -c "select clock_timestamp()")
echo "committing $EVENTS events at $RATE/s to 3 endpoints, with wrk reading GET /v2.2/company meanwhile ..."
SECS=$(( EVENTS / RATE + 5 ))
wrk -t1 -c2 -d${SECS}s --latency -H "X-API-Key: $KEY" "$BASE/company" >"$DATA/wrk.txt" & WRK=$!
commit_events "$EVENTS" & PGB=$!
while kill -0 $PGB 2>/dev/null; do r=$(ps -o rss= -p $PID | tr -d ' '); [ "$r" -gt "$max_rss" ] && max_rss=$r; sleep 0.5; done
wait $PGB
await_count $(( (WARMUP + EVENTS) * 3 ))
wait $WRK || true

curl -fs "http://127.0.0.1:${RECEIVERS[0]}/dump" | grep -v '^$' >"$DATA/arrivals.tsv"
"${PSQL[@]}" -c "create temp table arrival (id uuid, port int, micros bigint)" \
  -c "\\copy arrival from '$DATA/arrivals.tsv'" -c "
  with d as (
    select a.id, a.port, to_timestamp(a.micros / 1e6) as arrived, m.created_at,
           extract(epoch from to_timestamp(a.micros / 1e6) - m.created_at) * 1000 as delay_ms
    from arrival a join webhook_message m on m.id = a.id where m.created_at >= '$MEASURED_FROM')
  select format(E'deliveries: %s (%s distinct message-endpoint pairs, %s messages)\n'
      || E'deliveries per second: %s (first commit to last arrival %s s)\n'
      || E'delay commit to arrival: p50 %s ms, p99 %s ms, max %s ms',
    count(*), count(distinct (id, port)), count(distinct id),
    round(count(*) / extract(epoch from max(arrived) - min(created_at))::numeric, 0),
    round(extract(epoch from max(arrived) - min(created_at))::numeric, 1),
    round(percentile_cont(0.5) within group (order by delay_ms)::numeric, 1),
    round(percentile_cont(0.99) within group (order by delay_ms)::numeric, 1),
    round(max(delay_ms)::numeric, 1))
  from d" -c "
  select format('  committed in seconds %s-%s: %s deliveries, delay p50 %s ms, p99 %s ms', w * 5, w * 5 + 5, count(*),
    round(percentile_cont(0.5) within group (order by delay_ms)::numeric, 1),
    round(percentile_cont(0.99) within group (order by delay_ms)::numeric, 1))
  from (select floor(extract(epoch from m.created_at - min(m.created_at) over ()) / 5)::int as w,
               extract(epoch from to_timestamp(a.micros / 1e6) - m.created_at) * 1000 as delay_ms
        from arrival a join webhook_message m on m.id = a.id where m.created_at >= '$MEASURED_FROM') d
  group by w order by w"
echo "events committed: $(grep -E '^number of transactions actually processed' "$DATA/pgbench.txt" | sed 's/.*: //')"
grep -E 'Requests/sec|^\s+(50|99)%' "$DATA/wrk.txt" | sed 's/^/API reads meanwhile: /'
echo "server peak RSS: $(( max_rss / 1024 )) MB"
