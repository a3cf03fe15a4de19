namespace Checkpoint.Bypass.Tests.BuildLevel;

/// <summary>
/// Every real build the build-level rows look at, made once per test run on one consumer
/// repository and one packed package. Each scenario is built on first use, so a filtered run pays
/// only for what it asks for. The package's work area is the process's <see cref="ConsumerWorkArea"/>.
/// </summary>
public sealed class ConsumerBuilds
{
    public const string SuppressionsBranch = "copilot/suppressions";
    public const string OptOutBranch = "copilot/opt-out";
    public const string GateOverriddenBranch = "copilot/override-gate";
    public const string InjectedVerdictBranch = "copilot/injected-verdict";
    public const string PackageRemovedBranch = "copilot/remove-package";

    /// <summary>The projects whose destructive call is hidden from the analyzer, one mechanism each.</summary>
    public static readonly IReadOnlyList<string> SuppressedProjects = ["Pragma", "SuppressMessage", "EditorConfig", "NoWarn"];

    private static readonly string[] OptOutProperties =
    [
        "-p:CheckpointGateEnabled=false",
        "-p:CheckpointSkip=true",
        // What an IDE's design-time build sets; the gate skips those builds locally only.
        "-p:DesignTimeBuild=true",
        "-p:BuildingProject=false",
        // MSBuild properties must not decide whether the build is in CI.
        "-p:CI=false",
        "-p:GITHUB_ACTIONS=false",
        "-p:TF_BUILD=false",
        "-p:GITLAB_CI=false",
    ];

    private static readonly Dictionary<string, string?> OptOutVariables = new()
    {
        ["CheckpointGateEnabled"] = "false",
        ["CheckpointSkip"] = "true",
        ["CHECKPOINT_SKIP"] = "1",
        ["CHECKPOINT_DISABLE"] = "1",
        ["CHECKPOINT_GATE_ENABLED"] = "false",
        ["CHECKPOINT_AGENT"] = "0",
    };

    private readonly object _gate = new();
    private readonly Lazy<GatedConsumer> _consumer = new(GatedConsumer.Create);
    private readonly Lazy<(ProcessResult Local, ProcessResult Ci)> _suppressions;
    private readonly Lazy<OptOutResults> _optOuts;
    private readonly Lazy<(ProcessResult Build, ProcessResult Verify)> _gateOverridden;
    private readonly Lazy<ProcessResult> _packageRemoved;
    private readonly Lazy<ProcessResult> _injectedVerdict;

    public ConsumerBuilds()
    {
        _suppressions = new(() => Serialized(BuildSuppressions));
        _optOuts = new(() => Serialized(BuildOptOuts));
        _gateOverridden = new(() => Serialized(BuildGateOverridden));
        _packageRemoved = new(() => Serialized(VerifyPackageRemoved));
        _injectedVerdict = new(() => Serialized(BuildInjectedVerdict));
    }

    /// <summary>The suppressions branch built locally with the gate skipped: the analyzer's own verdict on each suppression.</summary>
    public ProcessResult SuppressionsLocalWithGateSkipped => _suppressions.Value.Local;

    /// <summary>The suppressions branch built in CI.</summary>
    public ProcessResult SuppressionsInCi => _suppressions.Value.Ci;

    public OptOutResults OptOuts => _optOuts.Value;

    /// <summary>A branch whose Directory.Build.targets replaces the gate target, built in CI.</summary>
    public ProcessResult GateOverriddenBuildInCi => _gateOverridden.Value.Build;

    /// <summary><c>checkpoint verify</c> in CI on the branch that replaced the gate target.</summary>
    public ProcessResult GateOverriddenVerifyInCi => _gateOverridden.Value.Verify;

    /// <summary>A branch whose Directory.Build.props defines the gate's own items (a passing verdict), built in CI.</summary>
    public ProcessResult InjectedVerdictBuildInCi => _injectedVerdict.Value;

    /// <summary><c>checkpoint verify</c> in CI on a branch that removed the package reference.</summary>
    public ProcessResult PackageRemovedVerifyInCi => _packageRemoved.Value;

    private T Serialized<T>(Func<GatedConsumer, T> build)
    {
        // Scenarios share one work tree: one checkout and build at a time.
        lock (_gate)
        {
            return build(_consumer.Value);
        }
    }

    private static (ProcessResult, ProcessResult) BuildSuppressions(GatedConsumer consumer)
    {
        consumer.Repository.Branch(SuppressionsBranch);
        var project = consumer.Project;
        WriteDestructiveProject(project, "Pragma", pragma: true);
        WriteDestructiveProject(project, "SuppressMessage", attribute: "[System.Diagnostics.CodeAnalysis.SuppressMessage(\"Checkpoint\", \"CHK001\", Justification = \"agent\")]");
        WriteDestructiveProject(project, "EditorConfig");
        project.Write("EditorConfig/.editorconfig", "[*.cs]\ndotnet_diagnostic.CHK001.severity = none\n");
        WriteDestructiveProject(project, "NoWarn", extraProperties: "<NoWarn>$(NoWarn);CHK001</NoWarn>");
        WriteDestructiveProject(project, "Unsuppressed");
        project.Write("Suppressions.slnx", "<Solution>\n"
            + string.Concat(SuppressedProjects.Append("Unsuppressed").Select(p => $"  <Project Path=\"{p}/{p}.csproj\" />\n"))
            + "</Solution>\n");
        consumer.Repository.Commit("Quiet the analyzer");
        consumer.Project.Restore("Suppressions.slnx");

        var local = Build(consumer, "Suppressions.slnx", ci: false, extraArguments: "-p:CheckpointSkip=true");
        var ci = Build(consumer, "Suppressions.slnx", ci: true);
        return (local, ci);
    }

    private static OptOutResults BuildOptOuts(GatedConsumer consumer)
    {
        consumer.Repository.Checkout("main").Branch(OptOutBranch);
        WriteHarmlessProject(consumer.Project);
        consumer.Repository.Commit("Add a service");
        consumer.Project.Restore("OptOut/OptOut.csproj");

        const string target = "OptOut/OptOut.csproj";
        var pullRequest = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_BASE_REF"] = "main", ["GITHUB_HEAD_REF"] = OptOutBranch };
        return new OptOutResults(
            LocalWithPropertyOptOuts: Build(consumer, target, ci: false, extraArguments: OptOutProperties),
            CiWithPropertyOptOuts: Build(consumer, target, ci: true, extraArguments: OptOutProperties),
            CiWithVariableOptOuts: Build(consumer, target, ci: true, OptOutVariables),
            CiPullRequestWithBaseRefOverride: Build(consumer, target, ci: true, pullRequest, "-p:CheckpointBaseRef=HEAD"),
            EnforcedMachineWithPropertyOptOuts: Build(consumer, target, ci: false, new Dictionary<string, string?> { ["CHECKPOINT_ENFORCE"] = "1" }, OptOutProperties),
            JenkinsWithPropertyOptOuts: Build(consumer, target, ci: false, new Dictionary<string, string?> { ["JENKINS_URL"] = "https://jenkins.example.com/" }, OptOutProperties));
    }

    private (ProcessResult, ProcessResult) BuildGateOverridden(GatedConsumer consumer)
    {
        _ = OptOuts;
        consumer.Repository.Checkout(OptOutBranch).Branch(GateOverriddenBranch, from: OptOutBranch);
        consumer.Project.Write("Directory.Build.targets", """
            <Project>
              <!-- Defined after the package's targets, so these empty targets replace the gate. -->
              <Target Name="CheckpointGate" />
              <Target Name="CheckpointGateEnforce" />
            </Project>
            """);
        consumer.Repository.Commit("Speed up the build");

        var build = Build(consumer, "OptOut/OptOut.csproj", ci: true);
        return (build, Verify(consumer));
    }

    private ProcessResult BuildInjectedVerdict(GatedConsumer consumer)
    {
        _ = OptOuts;
        consumer.Repository.Checkout(OptOutBranch).Branch(InjectedVerdictBranch, from: OptOutBranch);
        consumer.Project.Write("Directory.Build.props", """
            <Project>
              <!-- The items the gate target passes between its tasks, filled in before it runs. -->
              <ItemGroup>
                <_CheckpointGateVerdict Include="Approved" Passed="true" Code="" />
                <_CheckpointGateProperties Include="CheckpointSkipReason=CheckpointSkip=true" />
              </ItemGroup>
            </Project>
            """);
        consumer.Repository.Commit("Cache the gate's verdict");
        return Build(consumer, "OptOut/OptOut.csproj", ci: true);
    }

    private ProcessResult VerifyPackageRemoved(GatedConsumer consumer)
    {
        _ = OptOuts;
        consumer.Repository.Checkout(OptOutBranch).Branch(PackageRemovedBranch, from: OptOutBranch);
        consumer.Project.Write("OptOut/OptOut.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        consumer.Repository.Commit("Drop an unused package");
        return Verify(consumer);
    }

    /// <summary>Builds at normal verbosity without restoring again; <paramref name="variables"/> are added to the build's environment.</summary>
    private static ProcessResult Build(GatedConsumer consumer, string target, bool ci, IReadOnlyDictionary<string, string?>? variables = null, params string[] extraArguments) =>
        consumer.Project.Build(target, ci, variables, ["-v:n", .. extraArguments]);

    /// <summary>What the required check runs: `checkpoint verify` over the branch's git data, in CI.</summary>
    private static ProcessResult Verify(GatedConsumer consumer) =>
        Infrastructure.CheckpointTool.Run(consumer.WorkTree, new Dictionary<string, string?> { ["CI"] = "true" }, "verify");

    private static void WriteDestructiveProject(Consumer project, string name, bool pragma = false, string attribute = "", string extraProperties = "")
    {
        project.WriteProject($"{name}/{name}.csproj", extraProperties: extraProperties);
        project.Write($"{name}/Tenants.cs", $$"""
            using Checkpoint;

            namespace {{name}};

            public static class Tenants
            {
                [Destructive("Drops every tenant table")]
                public static void DropTenant(string tenant) => _ = tenant;

            {{(pragma ? "#pragma warning disable CHK001" : string.Empty)}}
                {{attribute}}
                public static void Offboard(string tenant) => DropTenant(tenant);
            {{(pragma ? "#pragma warning restore CHK001" : string.Empty)}}
            }
            """);
    }

    private static void WriteHarmlessProject(Consumer project)
    {
        project.WriteProject("OptOut/OptOut.csproj");
        project.Write("OptOut/Greeter.cs", """
            namespace OptOut;

            public static class Greeter
            {
                public static string Greet(string name) => "Hello, " + name;
            }
            """);
    }
}
