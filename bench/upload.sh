#!/usr/bin/env bash
# Upload of a pile of bills, end to end through the server: N files (default 100; half text PDFs, half
# scans and photos, over every generated layout and the sandbox's bills) posted to
# POST /job/company/{id} with 10 requests in flight, as Nectar recommends, then polled until every job
# is done. Reports the time from the first upload to the last document (the server's own clock: first
# job created_at -> last document created_at, the moment its document.created.v2 event was written in
# the same transaction), the jobs' outcomes, and the server's peak resident memory (VmHWM).
# Runs on a fresh embedded database. The corpus comes from bench/parse.sh's generator.
# Usage: bench/upload.sh [files]        Needs: curl, psql (postgresql-client), tesseract, java, maven.
set -euo pipefail
cd "$(dirname "$0")/.."
FILES="${1:-100}"
PORT="${BENCH_PORT:-18682}"
KEY="nk_test_bench_upload_0000000000001"
BASE="http://localhost:$PORT/v2.2"
CORPUS="${CORPUS:-bench/target/corpus}"
command -v psql >/dev/null || { echo "psql is needed (apt-get install postgresql-client)" >&2; exit 1; }
./nectar --version >/dev/null   # build outside the measurement
if [ ! -d "$CORPUS/text" ]; then
  mvn -B -q ${MAVEN_ARGS:-} -pl server test-compile
  java -cp server/target/nectar-server.jar:server/target/test-classes io.nectar.corpus.CorpusGenerator "$CORPUS"
fi
LIST="$(mktemp)"
half=$((FILES / 2))
{ find "$CORPUS/text" -name '*.pdf' | sort | awk -v n="$half" 'NR % 4 == 1 && c < n {print; c++}'
  find "$CORPUS/scan" -type f ! -name '*.json' | sort | awk -v n="$((FILES - half))" 'NR % 4 == 3 && c < n {print; c++}'
} > "$LIST"
echo "files: $(wc -l < "$LIST") ($(grep -c '\.pdf$' "$LIST") PDFs, of which text PDFs: $(grep -c '/text/' "$LIST"))"

DATA="$(mktemp -d)"
NECTAR_DATA_DIR="$DATA" NECTAR_PORT=$PORT NECTAR_BOOTSTRAP_KEY=$KEY ./nectar serve >"$DATA/log" 2>&1 & PID=$!
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null || true; rm -rf "$DATA" "$LIST"' EXIT
until curl -fs "http://localhost:$PORT/readyz" >/dev/null 2>&1; do sleep 0.1; done
PGPORT="$(sed -n 4p "$DATA/pg/postmaster.pid")"
sql() { psql -h localhost -p "$PGPORT" -U postgres -d postgres -tAc "$1"; }
post() { curl -fsS -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d "$2" "$BASE$1"; }
id() { sed -E 's/^\{"id":"([0-9a-f-]{36})".*/\1/'; }

COMPANY=$(post /company '{"name":"Upload bench"}' | id)
SITE=$(post "/site/company/$COMPANY" '{"name":"Bench site","address":"1 Bench Street"}' | id)
start=$(date +%s%3N)
export KEY BASE COMPANY SITE
xargs -P 10 -I{} sh -c 'curl -fsS -o /dev/null -H "X-API-Key: $KEY" -F "document=@{}" -F "siteId=$SITE" "$BASE/job/company/$COMPANY" || echo "upload failed: {}" >&2' < "$LIST"
uploaded=$(date +%s%3N)
until [ "$(sql "select count(*) from upload_job where company_id='$COMPANY' and status = 'PENDING'")" = 0 ]; do sleep 0.2; done
done_ms=$(date +%s%3N)
echo "client: uploads sent in $((uploaded - start)) ms, every job done after $((done_ms - start)) ms"
echo "server: first job -> last document: $(sql "select round(extract(epoch from (select max(created_at) from document where company_id='$COMPANY') - (select min(created) from upload_job where company_id='$COMPANY')) * 1000)") ms"
echo "jobs by status: $(sql "select string_agg(status || '=' || n, ', ') from (select status, count(*) n from upload_job where company_id='$COMPANY' group by status) s")"
echo "file outcomes: $(sql "select string_agg(outcome || '=' || n, ', ') from (select outcome, count(*) n from job_upload where company_id='$COMPANY' group by outcome) s")"
echo "documents: $(sql "select count(*) from document where company_id='$COMPANY'"), flagged: $(sql "select count(*) from document where company_id='$COMPANY' and is_flagged"), usage rows: $(sql "select count(*) from usage_data where company_id='$COMPANY'")"
echo "server peak RSS: $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' /proc/$PID/status)"
