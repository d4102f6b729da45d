#!/usr/bin/env bash
# Issue 13's download benchmark: one bill file fetched by its document's `url`, 10 clients at once,
#   1. served by the server itself (files in the data folder, the signed /files/ link), then
#   2. presigned from an S3-compatible store (S3Proxy standalone, files on disk, signatures checked),
# reporting requests/s, MB/s, latency and the CPU seconds the server and the store each spent.
# Usage: bench/download.sh [seconds]   (default 10)
#   BENCH_BILL=<pdf>   the bill to upload (default ../shared/data/bills/pacificpower-2017-08-multi.pdf,
#                      414 KB; without it, a bill the sandbox utility generates)
# Needs: wrk, curl, jq, Maven (fetches S3Proxy 4.1.0 once: mvn dependency:copy
#   -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${1:-10}"
PORT="${BENCH_PORT:-18795}"
S3PORT=$((PORT + 1))
KEY="nk_test_bench_download_0000001"
BILL="${BENCH_BILL:-../shared/data/bills/pacificpower-2017-08-multi.pdf}"
for tool in wrk curl jq mvn; do command -v $tool >/dev/null || { echo "needs $tool" >&2; exit 1; }; done
./nectar --version >/dev/null

DATA="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${BENCH_KEEP:-}" ]; then echo "data kept in $DATA"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT

JAR="$HOME/.m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar"
if [ ! -f "$JAR" ]; then
  echo "fetching S3Proxy 4.1.0 ..."
  mvn -B -q dependency:copy -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies -DoutputDirectory="$DATA" >/dev/null
fi
mkdir -p "$DATA/s3/bench"  # the filesystem provider's bucket is a folder
cat >"$DATA/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=bench-access-key
s3proxy.credential=bench-secret-key-0123456789
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA/s3
EOF
java -Xmx256m -XX:+UseSerialGC -jar "$JAR" --properties "$DATA/s3proxy.conf" >"$DATA/s3proxy.log" 2>&1 & S3PID=$!
PIDS+=("$S3PID")
until curl -s -o /dev/null "http://127.0.0.1:$S3PORT/"; do
  kill -0 $S3PID 2>/dev/null || { echo "S3Proxy did not start; see $DATA/s3proxy.log" >&2; exit 1; }
  sleep 0.1
done

cpu_seconds() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; } # utime + stime, in clock ticks

# Starts a server with extra environment ($@) as SERVER, makes a document of the bill, sets URL to its url.
document_url() {
  local name=$1; shift
  env "$@" NECTAR_DATA_DIR="$DATA/$name" NECTAR_PORT=$PORT NECTAR_BOOTSTRAP_KEY=$KEY \
    ./nectar serve >>"$DATA/$name.log" 2>&1 &
  SERVER=$!
  PIDS+=("$SERVER")
  until curl -fs "http://localhost:$PORT/readyz" >/dev/null 2>&1; do
    kill -0 $SERVER 2>/dev/null || { echo "the server did not start; see $DATA/$name.log" >&2; exit 1; }
    sleep 0.1
  done
  local base="http://localhost:$PORT/v2.2" company document
  company=$(curl -fsS -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{"name":"Bench downloads"}' \
    "$base/company" | jq -r .id)
  if [ -f "$BILL" ]; then
    local job status
    job=$(curl -fsS -H "X-API-Key: $KEY" -F "document=@$BILL;type=application/pdf" "$base/job/company/$company" | jq -r .id)
    for _ in $(seq 600); do
      status=$(curl -fsS -H "X-API-Key: $KEY" "$base/job/$job")
      [ "$(jq -r .status <<<"$status")" = PENDING ] || break
      sleep 0.1
    done
    document=$(jq -r '.parsedDocumentIds[0] // empty' <<<"$status")
    [ -n "$document" ] || { echo "the bill did not become a document: $status" >&2; exit 1; }
  else
    local site connection
    site=$(curl -fsS -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d '{"name":"HQ"}' \
      "$base/site/company/$company" | jq -r .id)
    connection=$(curl -fsS -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d "{\"url\":
      \"https://nectarclimate.com\", \"username\": \"nectar-sandbox-username\", \"password\":
      \"nectar-sandbox-password\", \"sites\": [\"$site\"], \"country\": \"US\"}" "$base/connection/company/$company" \
      | jq -r .id)
    for _ in $(seq 600); do
      document=$(curl -fsS -H "X-API-Key: $KEY" "$base/document/connection/$connection" | jq -r '.documents[0].id // empty')
      [ -z "$document" ] || break
      sleep 0.1
    done
  fi
  URL=$(curl -fsS -H "X-API-Key: $KEY" "$base/document/$document" | jq -r .url)
}

run() { # label url
  local label=$1 url=$2 size before_server before_s3 after_server after_s3
  size=$(curl -fsS "$url" | wc -c)
  wrk -t2 -c10 -d3s "$url" >/dev/null # warm-up (JIT)
  before_server=$(cpu_seconds $SERVER); before_s3=$(cpu_seconds $S3PID)
  wrk -t2 -c10 -d"${SECS}s" --latency "$url" >"$DATA/wrk.txt"
  after_server=$(cpu_seconds $SERVER); after_s3=$(cpu_seconds $S3PID)
  printf '%-34s %9s %10s %9s %9s %9s %11s %11s %s\n' "$label" "$size" "$(awk '/Requests\/sec/ {print $2}' "$DATA/wrk.txt")" \
    "$(awk '/Transfer\/sec/ {print $2}' "$DATA/wrk.txt")" "$(awk '$1=="50%" {print $2}' "$DATA/wrk.txt")" \
    "$(awk '$1=="99%" {print $2}' "$DATA/wrk.txt")" \
    "$(awk -v a="$before_server" -v b="$after_server" 'BEGIN {printf "%.1f s", b - a}')" \
    "$(awk -v a="$before_s3" -v b="$after_s3" 'BEGIN {printf "%.1f s", b - a}')" \
    "$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$DATA/wrk.txt")"
}

echo "bill: $( [ -f "$BILL" ] && echo "$BILL" || echo "a generated sandbox bill" ); ${SECS} s per run, 10 clients"
printf '%-34s %9s %10s %9s %9s %9s %11s %11s\n' "how the file is served" "bytes" "req/s" "per s" "p50" "p99" \
  "server CPU" "store CPU"
document_url local
run "server (/files/, data folder)" "$URL"
kill -TERM $SERVER; wait $SERVER 2>/dev/null || true
document_url s3 NECTAR_BLOB_URL=s3://bench/files AWS_REGION=us-east-1 \
  AWS_ENDPOINT_URL_S3="http://127.0.0.1:$S3PORT" AWS_ACCESS_KEY_ID=bench-access-key \
  AWS_SECRET_ACCESS_KEY=bench-secret-key-0123456789 NECTAR_S3_PATH_STYLE=true
case "$URL" in http://127.0.0.1:$S3PORT/*) ;; *) echo "expected a presigned URL of the store, got $URL" >&2; exit 1 ;; esac
run "presigned (S3Proxy, files on disk)" "$URL"
echo "(the CPU columns are seconds spent during the measured run by the server and by S3Proxy; $(nproc) cores" \
  "shared by the server, S3Proxy and wrk)"
