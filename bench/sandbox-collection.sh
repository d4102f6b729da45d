#!/usr/bin/env bash
# Time from creating a 3-site sandbox connection to its last generated document, as the server
# itself records them (connection.created_at → max(document.created_at)), plus the wall time the
# client waited until the data was all there, and the bytes of PDFs it left in the blob store.
# Runs on a fresh embedded database. First, the sandbox provider alone (bench/sandbox/ProviderCollect.java):
# collect() for 3 sites x every type x 24 months, without server or database, and its PDF sizes.
# Usage: bench/sandbox-collection.sh [runs]     (default 5; prints each run and the median)
# Needs: curl, psql (PostgreSQL client) to read the timestamps from the embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
PORT="${BENCH_PORT:-18681}"
KEY="nk_test_bench_sandbox_collection_0001"
BASE="http://localhost:$PORT/v2.2"
./nectar --version >/dev/null   # build outside the measurement
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 1; }
java -cp server/target/nectar-server.jar bench/sandbox/ProviderCollect.java 24 4

DATA="$(mktemp -d)"
NECTAR_DATA_DIR="$DATA" NECTAR_PORT=$PORT NECTAR_BOOTSTRAP_KEY=$KEY ./nectar serve >"$DATA/log" 2>&1 & PID=$!
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -fs "http://localhost:$PORT/readyz" >/dev/null 2>&1; do sleep 0.1; done
PGPORT="$(sed -n 4p "$DATA/pg/postmaster.pid")"
sql() { psql -h localhost -p "$PGPORT" -U postgres -d postgres -tAc "$1"; }
post() { curl -fsS -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d "$2" "$BASE$1"; }
id() { sed -E 's/^\{"id":"([0-9a-f-]{36})".*/\1/'; }
ms() { date +%s%3N; }

server_ms=(); client_ms=()
for run in $(seq 1 "$RUNS"); do
  COMPANY=$(post /company '{"name":"Bench '"$run"'"}' | id)
  SITES=""
  for s in 1 2 3; do SITES="$SITES\"$(post /site/company/$COMPANY '{"name":"Site '"$s"'"}' | id)\","; done
  t0=$(ms)
  CONN=$(post /connection/company/$COMPANY '{"url":"https://nectarclimate.com","username":"nectar-sandbox-username","password":"nectar-sandbox-password","country":"US","sites":['"${SITES%,}"']}' | id)
  until [ -n "$(sql "select 1 from connection where id='$CONN' and collected_at is not null")" ]; do sleep 0.05; done
  client_ms+=($(( $(ms) - t0 )))
  server_ms+=($(sql "select round(extract(epoch from (max(d.created_at) - c.created_at)) * 1000)
                     from document d join connection c on c.id = d.connection_id where c.id = '$CONN' group by c.created_at"))
  pdf_bytes=$(find "$DATA/blobs/connections/$CONN" -name '*.pdf' -printf '%s\n' 2>/dev/null | awk '{s += $1} END {print s + 0}')
  echo "run $run: $(sql "select count(*) from document where connection_id='$CONN'") documents, $(sql "select count(*) from usage_data where connection_id='$CONN'") usage rows, $(sql "select count(*) from interval_reading where connection_id='$CONN'") intervals, $pdf_bytes bytes of PDFs; create→last document ${server_ms[-1]} ms (server clock), create→collected ${client_ms[-1]} ms (client)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median create→last document: $(median "${server_ms[@]}") ms; median create→collected: $(median "${client_ms[@]}") ms"
