#!/usr/bin/env bash
# Builds the server's container image without a Docker daemon, from what Maven and Debian provide:
#
#   deploy/image/build.sh                         # OCI tarball: server/target/jib-image.tar
#   deploy/image/build.sh --push -Djib.to.image=registry.example.com/nectar-server:0.1.0
#   deploy/image/build.sh --from eclipse-temurin:17-jre    # on a base image you can pull (no OCR inside)
#
# Options:
#   --from IMAGE           build on IMAGE instead of `scratch`; nothing from this machine goes in
#   --without-ocr          leave Tesseract out (the server warns at start; jobs that need OCR then fail)
#   --ocr-languages LANGS  Tesseract languages to include, joined by '+' (default eng; e.g. eng+por)
#   --push                 push to the registry named by -Djib.to.image (jib:build) instead of a tarball
#   anything else          passed to Maven (e.g. -Djib.to.image=..., -o)
#
# On `scratch` the image holds: a JRE made by jlink with only the modules the server needs (found by
# jdeps, plus the ones it loads as services), the host libraries ldd lists for it and for Tesseract,
# the Java CA store, /etc/passwd with the non-root user nectar (65532), /tmp, and /data for
# NECTAR_DATA_DIR. The embedded PostgreSQL is left out: the image runs against DATABASE_URL.
# Run it on Linux x86-64 with a JDK 17 whose jmods are installed (Debian: openjdk-17-jdk-headless).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TARGET="$ROOT/server/target"
IMAGE_ROOT="$TARGET/image-root"
from=""
ocr=include
languages=eng
goal=jib:buildTar
maven_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from="$2"; shift 2 ;;
    --without-ocr) ocr=omit; shift ;;
    --ocr-languages) languages="$2"; shift 2 ;;
    --push) goal=jib:build; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) maven_args+=("$1"); shift ;;
  esac
done

started=$(date +%s)
say() { echo "image: [$(( $(date +%s) - started ))s] $*" >&2; }
fail() { echo "image: $*" >&2; exit 1; }

say "building the server jar"
LOG="$TARGET/image-build.log"
mkdir -p "$TARGET"
# Maven's output goes to a log, shown only when a step fails.
maven() { (cd "$ROOT" && mvn -B -q "$@") >"$LOG" 2>&1 || { tail -40 "$LOG" >&2; fail "Maven failed (all of it: $LOG)"; }; }
maven -DskipTests -pl server -am "${maven_args[@]}" package

rm -rf "$IMAGE_ROOT"
mkdir -p "$IMAGE_ROOT/data"

if [ -n "$from" ]; then
  # The base brings Java, its libraries and its users; only the data folder goes in from here.
  say "base image $from: adding only /data"
  maven_args+=("-Djib.from.image=$from")
else
  mkdir -p "$IMAGE_ROOT/tmp"
  [ "$(uname -sm)" = "Linux x86_64" ] || fail "a scratch image is built from this machine's files: Linux x86-64 only (or use --from)"
  JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
  [ -d "$JAVA_HOME/jmods" ] || fail "$JAVA_HOME has no jmods (Debian: apt-get install openjdk-17-jdk-headless)"

  # The JDK modules the server uses, and those jdeps cannot see because they are reached by reflection
  # or as services (found by logging the classes a server loads while it works): jdk.unsupported
  # (sun.misc.Unsafe: PDFBox frees its buffers with it, Jetty and others use it), jdk.crypto.ec (TLS to
  # webhooks, S3 and SMTP with elliptic-curve ciphers), jdk.charsets (files and mail in legacy
  # encodings), jdk.zipfs and jdk.net (socket options).
  classpath="$(find "$TARGET/lib" -name '*.jar' ! -name 'embedded-postgres-binaries-*' | sort | tr '\n' :)"
  modules="$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
    --class-path "$classpath" "$TARGET/nectar-server.jar")"
  modules="$modules,jdk.unsupported,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.net"
  say "jlink: $modules"
  JRE="$IMAGE_ROOT/opt/java/openjdk"
  "$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --compress=2 --output "$JRE"
  # No display, no sound: the server draws bill pages into memory only (headless), so the X11,
  # splash-screen and sound libraries (and what they would pull in) stay out.
  rm -f "$JRE"/lib/{libawt_xawt,libjawt,libsplashscreen,libjsound}.so
  # Debian's CA store is kept current by ca-certificates; the JDK's own copy is older.
  if [ -f /etc/ssl/certs/java/cacerts ]; then cp -L /etc/ssl/certs/java/cacerts "$JRE/lib/security/cacerts"; fi
  # jlink links repeated licence files; Jib follows links, so make them plain files once.
  find "$JRE" -type l -exec sh -c 'cp --remove-destination "$(readlink -f "$1")" "$1"' _ {} \;

  elves=("$JRE/bin/java" "$JRE"/lib/*.so "$JRE/lib/server/libjvm.so" "$JRE/lib/jspawnhelper")
  if [ "$ocr" = include ]; then
    tesseract="$(command -v tesseract || true)"
    [ -n "$tesseract" ] || fail "tesseract is not installed here (apt-get install tesseract-ocr tesseract-ocr-eng), or pass --without-ocr"
    # Tesseract looks for its data where Debian put it (compiled in), so it goes to the same place.
    tessdata="$("$tesseract" --list-langs 2>&1 | sed -n 's/^List of available languages in "\(.*\)".*/\1/p')"
    [ -n "$tessdata" ] || fail "cannot find Tesseract's data folder"
    mkdir -p "$IMAGE_ROOT/usr/bin" "$IMAGE_ROOT$tessdata/configs"
    cp -L "$tesseract" "$IMAGE_ROOT/usr/bin/tesseract"
    cp -L "$tessdata/configs/tsv" "$IMAGE_ROOT$tessdata/configs/"
    IFS=+ read -r -a langs <<<"$languages"
    for lang in "${langs[@]}"; do
      [ -f "$tessdata/$lang.traineddata" ] || fail "Tesseract has no '$lang' here (Debian: apt-get install tesseract-ocr-$lang)"
      cp -L "$tessdata/$lang.traineddata" "$IMAGE_ROOT$tessdata/"
    done
    elves+=("$IMAGE_ROOT/usr/bin/tesseract")
    say "Tesseract $("$tesseract" --version 2>&1 | head -1 | awk '{print $2}') with $languages"
  fi

  # Every shared library those programs load, copied from this machine to the same path (the loader's
  # default folders; the image has no ld.so.cache). The loader itself is at the path the programs name.
  # (The JRE's libraries name libjvm.so, which the java launcher has loaded before them.)
  missing="$(ldd "${elves[@]}" 2>/dev/null | grep 'not found' | grep -v 'libjvm.so' | sort -u || true)"
  [ -z "$missing" ] || fail "libraries not found on this machine: $missing"
  ldd "${elves[@]}" 2>/dev/null \
    | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' \
    | grep -v "^$IMAGE_ROOT" | sort -u \
    | while read -r lib; do
        mkdir -p "$IMAGE_ROOT$(dirname "$lib")"
        cp -L "$lib" "$IMAGE_ROOT$lib"
      done

  # LANG=C.UTF-8 (the image's setting) needs this locale: glibc does not build it in, and without it
  # Java falls back to ASCII for file names and console output.
  [ -d /usr/lib/locale/C.utf8 ] || fail "this machine has no C.UTF-8 locale (/usr/lib/locale/C.utf8)"
  mkdir -p "$IMAGE_ROOT/usr/lib/locale"
  cp -rL /usr/lib/locale/C.utf8 "$IMAGE_ROOT/usr/lib/locale/"

  mkdir -p "$IMAGE_ROOT/etc"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnectar:x:65532:65532:nectar:/data:/sbin/nologin\n' >"$IMAGE_ROOT/etc/passwd"
  printf 'root:x:0:\nnectar:x:65532:\n' >"$IMAGE_ROOT/etc/group"
  printf 'hosts: files dns\n' >"$IMAGE_ROOT/etc/nsswitch.conf"
fi

say "building the image ($goal)"
maven -pl server -Pimage "-Dnectar.image.root=$IMAGE_ROOT" "${maven_args[@]}" "$goal"

seconds=$(( $(date +%s) - started ))
if [ "$goal" = jib:buildTar ]; then
  size="$(du -m "$TARGET/jib-image.tar" | cut -f1)"
  say "done in ${seconds}s: $TARGET/jib-image.tar (${size} MB)"
  echo "$TARGET/jib-image.tar"
  # An OCI archive: Docker loads those from version 25 on (older ones: add -Djib.container.format=Docker).
  say "load it with: podman load -i $TARGET/jib-image.tar   (or docker load -i …)"
else
  say "pushed in ${seconds}s"
fi
