#!/usr/bin/env bash
# Mutation testing of Checkpoint.Core and Checkpoint.Build.Tasks with Stryker.NET (the dotnet-stryker
# local tool), one folder at a time so that a run fits a small machine. Not part of .ci/run: a folder
# takes minutes to hours on 2 cores (docs/testing.md has the times).
#
#   eng/mutation.sh                 every folder listed below, one after the other
#   eng/mutation.sh Gate Digest     only these folders of src/Checkpoint.Core
#   eng/mutation.sh Build.Tasks     src/Checkpoint.Build.Tasks (stryker-config.build-tasks.json), against
#                                   the task's in-process tests in tests/Checkpoint.Bypass.Tests
#
# Environment: MUTATION_CONCURRENCY (default 1) test runners at once; MUTATION_TEST_FILTER, a
# dotnet test --filter expression, runs only those tests against each mutant (a folder's own unit
# tests instead of every test that covers it: faster, and a score that is a lower bound);
# MUTATION_FILES, file names in the folder separated by commas (ApprovalManifest.cs,ApprovalRecord.cs),
# mutates only those files, to split a folder whose files need tests of very different cost.
# Reports: artifacts/mutation/<Folder>/reports/mutation-report.{html,json}; the summary line of
# each folder (score, killed, survived, minutes) is appended to artifacts/mutation/summary.txt.
#
# Stryker runs from the test project's folder (tests/Checkpoint.Core.Tests; Checkpoint.Bypass.Tests for
# Build.Tasks), builds it in place and swaps the mutated assembly into its bin folder: do not build or
# run that test project in this working tree while it runs (a clone elsewhere is fine:
# git clone . /tmp/checkpoint-mutation).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

all_folders=(Signatures Approvals Gate Digest Policy Git Resolution Basics Json Build.Tasks)
if [ "$#" -gt 0 ]; then
  folders=("$@")
else
  folders=("${all_folders[@]}")
fi

for folder in "${folders[@]}"; do
  if [ "$folder" != Build.Tasks ] && [ ! -d "src/Checkpoint.Core/$folder" ]; then
    echo "mutation.sh: no folder src/Checkpoint.Core/$folder (choose from: ${all_folders[*]})" >&2
    exit 2
  fi
done

dotnet tool restore >/dev/null
config="$PWD/stryker-config.json"
out_root="$PWD/artifacts/mutation"
mkdir -p "$out_root"

for folder in "${folders[@]}"; do
  name="$folder${MUTATION_FILES:+-part}"
  out="$out_root/$name"
  rm -rf "$out"
  start=$(date +%s)
  if [ "$folder" = Build.Tasks ]; then
    echo "== mutating src/Checkpoint.Build.Tasks"
    test_project=tests/Checkpoint.Bypass.Tests
    folder_config="$PWD/stryker-config.build-tasks.json"
    pattern="**/*.cs"
  else
    echo "== mutating src/Checkpoint.Core/$folder"
    test_project=tests/Checkpoint.Core.Tests
    folder_config="$config"
    pattern="**/$folder/**/*.cs"
  fi
  mutate=(--mutate "$pattern")
  if [ -n "${MUTATION_FILES:-}" ]; then
    mutate=()
    IFS=, read -r -a files <<<"$MUTATION_FILES"
    for file in "${files[@]}"; do
      mutate+=(--mutate "${pattern%\*\*/*.cs}$file")
    done
  fi
  (cd "$test_project" && MSBUILDDISABLENODEREUSE=1 dotnet stryker \
    --config-file "$folder_config" \
    "${mutate[@]}" \
    --concurrency "${MUTATION_CONCURRENCY:-1}" \
    ${MUTATION_TEST_FILTER:+--test-case-filter "$MUTATION_TEST_FILTER"} \
    --output "$out" \
    --skip-version-check) | tee "$out_root/$name.log"
  minutes=$(( ($(date +%s) - start + 59) / 60 ))
  report="$out/reports/mutation-report.json"
  if [ -f "$report" ] && command -v python3 >/dev/null; then
    summary=$(python3 - "$report" <<'PY'
import json, sys
counts = {}
for f in json.load(open(sys.argv[1]))["files"].values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
detected = counts.get("Killed", 0) + counts.get("Timeout", 0)
undetected = counts.get("Survived", 0) + counts.get("NoCoverage", 0)
score = 100.0 * detected / (detected + undetected) if detected + undetected else 100.0
print(f"score {score:.1f}% killed {counts.get('Killed', 0)} timeout {counts.get('Timeout', 0)} "
      f"survived {counts.get('Survived', 0)} no-coverage {counts.get('NoCoverage', 0)} "
      f"compile-error {counts.get('CompileError', 0)} ignored {counts.get('Ignored', 0)}")
PY
)
  else
    summary=$(grep -o "final mutation score is [0-9.,]* %" "$out_root/$name.log" || echo "no report (see $out_root/$name.log)")
  fi
  line="$(date -u +%Y-%m-%dT%H:%MZ) $folder: $summary, $minutes min, concurrency ${MUTATION_CONCURRENCY:-1}${MUTATION_FILES:+, files: $MUTATION_FILES}${MUTATION_TEST_FILTER:+, tests: $MUTATION_TEST_FILTER}"
  echo "$line" | tee -a "$out_root/summary.txt"
done
