#!/usr/bin/env bash
# Runs every test project in the solution and prints one closing line: "N passed, N failed".
# Usage: ./test.sh [extra dotnet test arguments]
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
results="$(mktemp -d "${TMPDIR:-/tmp}/checkpoint-tests.XXXXXX")"
trap 'rm -rf "$results"' EXIT

# Build once, in parallel. Then run the test projects one at a time (-m:1): the suites that build
# consumers of the packed packages are CPU-bound on two cores. The packages are packed once per state
# of the sources, by the first suite that needs them, into a shared temp feed under a file lock and
# with their own artifacts folder (tests/Checkpoint.Testing/PackageFeed.cs); the others reuse it.
status=0
dotnet build "$root/Checkpoint.Analyzers.sln" -c Release -nologo || status=$?
if [ "$status" -eq 0 ]; then
  dotnet test "$root/Checkpoint.Analyzers.sln" -c Release --no-build -m:1 \
    --logger "trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" "$@"
  status=$?
fi

passed=0; failed=0; files=0
shopt -s nullglob globstar
for trx in "$results"/**/*.trx; do
  files=$((files + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")"
  t="$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$counters")"
  a="$(sed -n 's/.* aborted="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
done

# A test project that crashed or never ran leaves no passing record: count the run as failed.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
