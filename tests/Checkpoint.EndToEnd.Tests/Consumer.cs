namespace Checkpoint.EndToEnd.Tests;

/// <summary>A consumer of the packed package: a folder of real project files, restored and built with the real CLI.</summary>
public sealed class Consumer
{
    private readonly PackedPackage _package;

    public Consumer(PackedPackage package, string directory)
    {
        _package = package;
        Directory = directory;
    }

    public string Directory { get; }

    public static Consumer Create(string name) =>
        new(PackedPackage.Instance, PackedPackage.Instance.NewConsumerDirectory(name));

    public string PackageReference => _package.PackageReference;

    public string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    public Consumer Write(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>An SDK-style project that references the package (and whatever else is given).</summary>
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

    /// <summary>The first build of a consumer: restores, then builds, in one invocation.</summary>
    public ProcessResult RestoreAndBuild(string? target = null, bool ci = false, params string[] extraArguments) =>
        DotNet.Run(Directory, _package.Environment(ci), [.. Arguments("build", target), .. extraArguments]);

    /// <summary>Builds without restoring again.</summary>
    public ProcessResult Build(string? target = null, bool ci = false, params string[] extraArguments) =>
        DotNet.Run(Directory, _package.Environment(ci), [.. Arguments("build", target), "--no-restore", .. extraArguments]);

    private static string[] Arguments(string verb, string? target) =>
        target is null ? [verb] : [verb, target];
}
