#!/usr/bin/env bash
# Mutation testing with PIT over the pure logic at the security and parsing core (webhook signing,
# signed links, credential sealing, the webhook target guard, body and query parsing, pagination,
# identifier normalisation), run by their unit tests only: no server, no database, a few minutes.
#
# Prints, per class and overall, line coverage, mutation score (mutants killed / all mutants) and
# test strength (killed / mutants some test reaches), then every surviving mutant and where the
# HTML report is. The classes and tests are the `mutation` profile's defaults in server/pom.xml.
#
# Usage: bench/mutation.sh [filter]
#   filter   comma-separated parts of class names: only the default classes whose name contains
#            one of them are mutated, e.g. `bench/mutation.sh Signer,SignedLinks` or `... io.nectar.http`
# Environment: MUTATION_THREADS (default 2, the machine's cores); MAVEN_ARGS (e.g. -o offline);
#   MUTATORS, a PIT mutator group or list. Unset, PIT's own default set runs (it negates conditions);
#   in PIT 1.30 the group named DEFAULTS removes conditions instead, and STRONGER does both and more.
set -euo pipefail
cd "$(dirname "$0")/.."

POM=server/pom.xml
REPORT=server/target/pit-reports
LOG=server/target/mutation.log
THREADS="${MUTATION_THREADS:-2}"
MUTATORS="${MUTATORS:-}"

# The default classes, read from the profile so that the list lives in one place.
defaults=$(sed -n 's:.*<targetClasses>\(.*\)</targetClasses>.*:\1:p' "$POM")
[ -n "$defaults" ] || { echo "mutation.sh: no <targetClasses> in $POM" >&2; exit 1; }

args=()
[ -z "$MUTATORS" ] || args+=("-Dmutators=$MUTATORS")
if [ $# -gt 0 ] && [ -n "$1" ]; then
  IFS=',' read -r -a wanted <<<"$1"
  IFS=',' read -r -a all <<<"$defaults"
  chosen=()
  for class in "${all[@]}"; do
    for part in "${wanted[@]}"; do
      if [[ "$class" == *"$part"* ]]; then chosen+=("$class"); break; fi
    done
  done
  if [ ${#chosen[@]} -eq 0 ]; then
    echo "mutation.sh: no class matches '$1'; the classes are:" >&2
    tr ',' '\n' <<<"$defaults" | sed 's/^/  /' >&2
    exit 1
  fi
  args+=("-DtargetClasses=$(IFS=','; echo "${chosen[*]}")")
fi

# PIT leaves the packages of an earlier run in place: start clean so the table shows this run only.
rm -rf "$REPORT"
mkdir -p server/target
echo "Building and running PIT (${MUTATORS:-default} mutators, $THREADS threads; full log: $LOG)..."
# test-compile, not test: the unit tests run inside PIT, and the integration suite does not run at all.
# shellcheck disable=SC2086
if ! mvn -B ${MAVEN_ARGS:-} -pl server -Pmutation -Dthreads="$THREADS" ${args[@]+"${args[@]}"} \
    test-compile org.pitest:pitest-maven:mutationCoverage >"$LOG" 2>&1; then
  tail -40 "$LOG" >&2
  echo "mutation.sh: the build or PIT failed; see $LOG" >&2
  exit 1
fi

# "a/b" legends of the HTML report: line coverage, mutation coverage, test strength, in that order.
ratio() { awk -F/ '{ printf "%4d/%-4d %5.1f%%", $1, $2, ($2 == 0 ? 100 : 100 * $1 / $2) }' <<<"$1"; }

printf '\n%-34s %-17s %-17s %-17s\n' "class" "line coverage" "mutation score" "test strength"
for index in "$REPORT"/*/index.html; do
  package=$(basename "$(dirname "$index")")
  # Each class row: its file name, then the three legends.
  awk -v package="$package" '
    /<a href="\.\/[^"]*\.java\.html">/ { match($0, />[^<]*\.java</); name = substr($0, RSTART + 1, RLENGTH - 7); n = 0; next }
    name != "" && /coverage_legend/ {
      match($0, /coverage_legend">[0-9]+\/[0-9]+/); v[++n] = substr($0, RSTART + 17, RLENGTH - 17)
      if (n == 3) { print package "." name, v[1], v[2], v[3]; name = "" }
    }' "$index"
done | while read -r class lines mutants strength; do
  printf '%-34s %s %s %s\n' "${class#io.nectar.}" "$(ratio "$lines")" "$(ratio "$mutants")" "$(ratio "$strength")"
done

# The project summary is the first row of legends in the top index.
read -r lines mutants strength < <(grep -o 'coverage_legend">[0-9]*/[0-9]*' "$REPORT/index.html" | head -3 \
  | sed 's/.*">//' | paste -sd' ')
printf '%-34s %s %s %s\n' "OVERALL" "$(ratio "$lines")" "$(ratio "$mutants")" "$(ratio "$strength")"

echo
survivors=$(grep -E "status='(SURVIVED|NO_COVERAGE)'" "$REPORT/mutations.xml" \
  | sed -E "s/.*status='([A-Z_]+)'.*<sourceFile>([^<]*)<.*<mutatedMethod>([^<]*)<.*<lineNumber>([0-9]+)<.*<description>([^<]*)<.*/\2:\4 \3: \5 (\1)/" \
  | sort -t: -k1,1 -k2,2n || true)
if [ -n "$survivors" ]; then
  echo "Surviving mutants ($(wc -l <<<"$survivors")):"
  sed "s/^/  /; s/&lt;/</g; s/&gt;/>/g; s/&quot;/\"/g; s/&#39;/'/g; s/&apos;/'/g; s/&amp;/\&/g" <<<"$survivors"
else
  echo "No surviving mutant."
fi
echo
echo "HTML report: $(pwd)/$REPORT/index.html"
