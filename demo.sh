#!/usr/bin/env bash
# Checkpoint demo: the one-round loop. The agent's one build shows where the destructive calls are
# and that a human must sign; the agent attests naming the approver and asks; the approver reviews
# and approves once; the build passes.
# Everything happens in a temp folder that is removed at the end (keep it with KEEP_DEMO=1).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/checkpoint-demo.XXXXXX")"
cleanup() { if [ "${KEEP_DEMO:-0}" = "1" ]; then echo "kept: $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

version="0.0.0-demo.$(date +%s)"
feed="$work/feed"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
# checkpoint review keeps what it derives from a merge-base in $XDG_CACHE_HOME/checkpoint: here, the temp folder.
export XDG_CACHE_HOME="$work/cache"
unset CI GITHUB_ACTIONS TF_BUILD GITLAB_CI CHECKPOINT_AGENT GITHUB_BASE_REF GITHUB_HEAD_REF 2>/dev/null || true
# Fixed identities so the demo never depends on your git config.
export GIT_AUTHOR_NAME="Copilot" GIT_AUTHOR_EMAIL="198982749+Copilot@users.noreply.github.com"
export GIT_COMMITTER_NAME="Copilot" GIT_COMMITTER_EMAIL="198982749+Copilot@users.noreply.github.com"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

step=0
say() { step=$((step + 1)); printf '\n\033[1;36m== %d. %s\033[0m\n' "$step" "$*"; }
note() { printf '   %s\n' "$*"; }
build() {  # prints the Checkpoint diagnostics of a build; returns the build's exit code
  local log="$work/build.log" rc=0
  dotnet build "$repo/Service/Service.csproj" -nologo -v:m -clp:NoSummary -nodeReuse:false >"$log" 2>&1 || rc=$?
  # Checkpoint's diagnostics and the gate's lines, plus any other error, once each.
  grep -E 'CHK[0-9]{3}|error|Checkpoint:' "$log" | grep -v 'NU1603' | sed -E "s#$repo/?##g; s#^ *: ##; s# \[[^]]*\]\$##" | sort -u | sed 's/^/   /' || true
  if [ "$rc" -eq 0 ]; then printf '   \033[32mBuild succeeded.\033[0m\n'; else printf '   \033[31mBuild FAILED.\033[0m\n'; fi
  return "$rc"
}

say "Pack Checkpoint.Analyzers and Checkpoint.Tool $version into a local feed"
for project in "$root/nuget/Checkpoint.Analyzers.Package.csproj" "$root/src/Checkpoint.Tool/Checkpoint.Tool.csproj"; do
  dotnet pack "$project" -c Release -p:Version="$version" -o "$feed" -nologo -v:q -nodeReuse:false >"$work/pack.log" 2>&1 \
    || { cat "$work/pack.log"; exit 1; }
done
# From here on, restores go to a throwaway package folder (reading your cache as a fallback), so the
# demo's packages never land in your global NuGet cache.
global_packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
export NUGET_PACKAGES="$work/nuget-packages"
ls "$feed" | sed 's/^/   /'
dotnet tool install --tool-path "$work/tools" --add-source "$feed" Checkpoint.Tool --version "$version" >/dev/null
checkpoint() { "$work/tools/checkpoint" "$@"; }

say "Create a throwaway repository with a sample service on 'main'"
repo="$work/repo"
git init -q --bare "$work/origin.git"
git init -q -b main "$repo"
cd "$repo"
git remote add origin "$work/origin.git"
cat > nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="checkpoint-demo" value="$feed" />
  </packageSources>
  <fallbackPackageFolders>
    <add key="global-cache" value="$global_packages" />
  </fallbackPackageFolders>
</configuration>
XML
# The demo nuget.config adds the local feed; the machine's own sources still apply.
printf 'bin/\nobj/\n' > .gitignore
mkdir -p Service
cat > Service/Service.csproj <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <!-- The package source on some machines serves only some versions; NuGet then takes the next one. -->
    <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Checkpoint.Analyzers" Version="$version" PrivateAssets="all" />
    <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
    <PackageReference Include="Azure.ResourceManager" Version="1.7.0" />
  </ItemGroup>
</Project>
XML
cat > Service/Cleanup.cs <<'CS'
using System.Threading.Tasks;
using Amazon.S3;
using Azure.ResourceManager.Resources;

public sealed class Cleanup
{
    public Task<int> CountAsync() => Task.FromResult(0);
}
CS
# The human maintainers' trust configuration lives on the protected branch.
ssh-keygen -q -t ed25519 -N "" -C "alice@contoso.com" -f "$work/alice_ed25519"
mkdir -p .checkpoint
echo "alice@contoso.com namespaces=\"checkpoint-approval\" $(cut -d' ' -f1,2 "$work/alice_ed25519.pub")" > .checkpoint/allowed_signers
cat > .checkpoint/policy.json <<'JSON'
{
  "repository": "github.com/contoso/cleanup-service",
  "protectedBranches": [ "main" ],
  "scope": "agent-branches",
  "requiredApprovers": 1
}
JSON
GIT_AUTHOR_NAME="Alice" GIT_AUTHOR_EMAIL="alice@contoso.com" GIT_COMMITTER_NAME="Alice" GIT_COMMITTER_EMAIL="alice@contoso.com" \
  git add -A && GIT_AUTHOR_NAME="Alice" GIT_AUTHOR_EMAIL="alice@contoso.com" GIT_COMMITTER_NAME="Alice" GIT_COMMITTER_EMAIL="alice@contoso.com" \
  git commit -qm "Sample service with Checkpoint"
git push -q -u origin main
note "trusted signer on main: alice@contoso.com ($(ssh-keygen -lf "$work/alice_ed25519.pub" | cut -d' ' -f2))"

say "An agent branch adds destructive calls: one build shows where they are (CHK001) and that a human must sign (CHK100)"
git checkout -q -b copilot/retire-staging
cat > Service/Cleanup.cs <<'CS'
using System.Threading.Tasks;
using Amazon.S3;
using Azure.ResourceManager.Resources;

public sealed class Cleanup
{
    public async Task RetireStagingAsync(IAmazonS3 s3, ResourceGroupResource staging)
    {
        await s3.DeleteBucketAsync("staging-2019");
        await staging.DeleteAsync(Azure.WaitUntil.Completed);
    }
}
CS
git add -A && git commit -qm "Retire the 2019 staging environment" -m "Co-authored-by: Copilot <198982749+Copilot@users.noreply.github.com>"
note "the agent committed; its one build reports both signals, and nothing compiled is copied or run"
build || true

say "The agent attests, naming the approver who will sign (docs/agents.md): a claim the gate checks against her signature"
cat > Service/Cleanup.cs <<'CS'
using System.Threading.Tasks;
using Amazon.S3;
using Azure.ResourceManager.Resources;
using Checkpoint;

public sealed class Cleanup
{
    [ApprovedBy("alice@contoso.com", Reason = "Retire the 2019 staging environment", Ticket = "OPS-1432", Expires = "2099-12-31")]
    public async Task RetireStagingAsync(IAmazonS3 s3, ResourceGroupResource staging)
    {
        await s3.DeleteBucketAsync("staging-2019");
        await staging.DeleteAsync(Azure.WaitUntil.Completed);
    }
}
CS
git add -A && git commit -qm "Attest the staging retirement"
git push -q -u origin copilot/retire-staging
note "pushed copilot/retire-staging"

say "The agent puts the request in the pull request: 'checkpoint status --format markdown'"
checkpoint status --repo "$repo" --no-build --format markdown | sed 's/^/   /'

say "Alice reviews the change with 'checkpoint review' (it ends with whether the branch will build once she signs)"
checkpoint review --repo "$repo" || true

say "Alice approves once, with her own SSH key ('checkpoint approve' runs ssh-keygen -Y sign)"
export GIT_AUTHOR_NAME="Alice" GIT_AUTHOR_EMAIL="alice@contoso.com" GIT_COMMITTER_NAME="Alice" GIT_COMMITTER_EMAIL="alice@contoso.com"
git config user.name "Alice" && git config user.email "alice@contoso.com"   # Alice's clone
checkpoint approve --repo "$repo" --key "$work/alice_ed25519" --principal alice@contoso.com --yes
git -C "$repo" log --oneline -n 3 | sed 's/^/   /'
export GIT_AUTHOR_NAME="Copilot" GIT_AUTHOR_EMAIL="198982749+Copilot@users.noreply.github.com"
export GIT_COMMITTER_NAME="Copilot" GIT_COMMITTER_EMAIL="198982749+Copilot@users.noreply.github.com"
note "ssh-keygen alone can check it:"
sig="$(ls "$repo"/.checkpoint/approvals/*.json.sig | head -n 1)"
ssh-keygen -Y verify -f "$repo/.checkpoint/allowed_signers" -I alice@contoso.com -n checkpoint-approval \
  -s "$sig" < "${sig%.sig}" | sed 's/^/   /'

say "The build passes, and names the approver"
build

say "The agent pushes one more commit: the approval no longer matches"
echo "// one more line" >> Service/Cleanup.cs
git commit -qam "Tweak cleanup"
build && { echo "expected CHK101"; exit 1; } || true

printf '\n\033[1mDone.\033[0m One round: the agent saw both signals in one build and attested for Alice, Alice reviewed and approved once, the build passed; a new commit made the approval stale.\n'
