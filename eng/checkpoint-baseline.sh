#!/usr/bin/env bash
# Writes CheckpointBaseline.txt for a project from the CHK001/CHK002 sites its build reports.
#
#   eng/checkpoint-baseline.sh path/to/Project.csproj [more projects or a .sln ...]
#
# For each project it builds once with a SARIF 2.1 error log, reads the CheckpointBaselineKey
# property of every unsuppressed CHK001/CHK002 result, and appends the keys the project's
# CheckpointBaseline.txt (beside the .csproj) does not list yet. Existing lines are kept as written.
# Needs dotnet and python3. See docs/baseline.md; the IDE route is the "Add to Checkpoint baseline"
# code fix with Fix All in solution.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <project.csproj|solution.sln> ..." >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "checkpoint-baseline: python3 is required" >&2; exit 2; }

projects=()
for argument in "$@"; do
  case "$argument" in
    *.sln|*.slnx)
      solution_dir=$(cd "$(dirname "$argument")" && pwd)
      while IFS= read -r project; do
        projects+=("$solution_dir/$project")
      done < <(dotnet sln "$argument" list | grep -E '\.csproj$' | tr '\\' '/')
      ;;
    *.csproj) projects+=("$argument") ;;
    *) echo "checkpoint-baseline: not a .csproj or .sln: $argument" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for project in "${projects[@]}"; do
  [ -f "$project" ] || { echo "checkpoint-baseline: no such project: $project" >&2; exit 2; }
  sarif="$work/$(basename "$project" .csproj).sarif"
  # The build is expected to fail on the very errors being baselined; only the log matters.
  # --no-incremental makes the compiler run, so the log is complete.
  dotnet build "$project" --no-incremental -nologo -v:q \
    "-p:ErrorLog=$sarif%2Cversion=2.1" -p:TreatWarningsAsErrors=false >/dev/null 2>&1 || true
  if [ ! -s "$sarif" ]; then
    echo "checkpoint-baseline: $project produced no SARIF log (does it build as far as the compiler?)" >&2
    exit 1
  fi

  baseline="$(dirname "$project")/CheckpointBaseline.txt"
  python3 - "$sarif" "$baseline" <<'PY'
import json, os, sys

sarif_path, baseline_path = sys.argv[1], sys.argv[2]
with open(sarif_path, encoding="utf-8-sig") as f:
    log = json.load(f)

keys = []
for run in log.get("runs", []):
    for result in run.get("results", []):
        if result.get("ruleId") not in ("CHK001", "CHK002") or result.get("suppressions"):
            continue
        # Roslyn writes diagnostic properties under properties.customProperties.
        properties = result.get("properties") or {}
        key = (properties.get("customProperties") or {}).get("CheckpointBaselineKey") or properties.get("CheckpointBaselineKey")
        if key and key not in keys:
            keys.append(key)

existing = ""
if os.path.exists(baseline_path):
    with open(baseline_path, encoding="utf-8-sig") as f:
        existing = f.read()
listed = {line.strip() for line in existing.splitlines()}
new = [k for k in keys if k not in listed]

if not existing:
    existing = ("// Checkpoint baseline: call sites that existed when Checkpoint was adopted (docs/baseline.md).\n"
                "// Listed sites are reported as suppressed; remove an entry when its site is gone or attested.\n")
elif not existing.endswith("\n"):
    existing += "\n"

if new or not os.path.exists(baseline_path):
    with open(baseline_path, "w", encoding="utf-8", newline="") as f:
        f.write(existing + "".join(k + "\n" for k in new))
print(f"{baseline_path}: {len(new)} new, {len(keys) - len(new)} already listed")
PY
done
