namespace Checkpoint.Testing;

/// <summary>A consumer of the packed packages: a folder of real project files under the <see cref="ConsumerWorkArea"/>, restored and built with the real CLI.</summary>
public sealed class Consumer
{
    public Consumer(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string PackageReference => WorkArea.Feed.AnalyzersPackageReference;

    /// <summary>A consumer in a new folder of the work area.</summary>
    public static Consumer Create(string name) => new(WorkArea.NewFolder(name));

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public Consumer Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>An SDK-style project that references the analyzers package (and whatever else is given).</summary>
    public Consumer WriteProject(string relativePath, string targetFrameworks = "net10.0", string extraItems = "", string extraProperties = "")
    {
        var frameworkProperty = targetFrameworks.Contains(';', StringComparison.Ordinal)
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        return Write(relativePath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworkProperty}
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                {PackageReference}
                {extraItems}
              </ItemGroup>
            </Project>
            """);
    }

    /// <summary>Restores <paramref name="target"/> (the folder's project or solution when null); throws with the output when it fails.</summary>
    public ProcessResult Restore(string? target = null) =>
        DotNet.RunChecked(Directory, WorkArea.Environment(ci: false), Arguments("restore", target));

    /// <summary>The first build of a consumer: restores, then builds, in one invocation.</summary>
    public ProcessResult RestoreAndBuild(string? target = null, bool ci = false, params string[] extraArguments) =>
        DotNet.Run(Directory, WorkArea.Environment(ci), [.. Arguments("build", target), .. extraArguments]);

    /// <summary>Builds without restoring again.</summary>
    public ProcessResult Build(string? target = null, bool ci = false, params string[] extraArguments) =>
        Build(target, ci, variables: null, extraArguments);

    /// <summary>Builds without restoring again; <paramref name="variables"/> are added to the build's environment.</summary>
    public ProcessResult Build(string? target, bool ci, IReadOnlyDictionary<string, string?>? variables, params string[] extraArguments)
    {
        var environment = WorkArea.Environment(ci);
        foreach ((var name, var value) in variables ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return DotNet.Run(Directory, environment, [.. Arguments("build", target), "--no-restore", .. extraArguments]);
    }

    private static ConsumerWorkArea WorkArea => ConsumerWorkArea.Instance;

    private static string[] Arguments(string verb, string? target) =>
        target is null ? [verb] : [verb, target];
}
