using Checkpoint.Tool.Analysis;

namespace Checkpoint.Tool.Tests.Analysis;

/// <summary>Package references read from XML as text, never evaluated.</summary>
public sealed class DeclaredPackagesTests
{
    private static (IReadOnlyList<DeclaredPackage> Packages, IReadOnlyList<string> Unreadable) Read(Dictionary<string, string> files) =>
        DeclaredPackages.Read("src/Service/Service.csproj", path => files.TryGetValue(path, out var text) ? text : null);

    [Fact]
    public void VersionOnTheReference_IsRead()
    {
        var (packages, unreadable) = Read(new() { ["src/Service/Service.csproj"] = """<Project><ItemGroup><PackageReference Include="AWSSDK.S3" Version="4.1.0" /></ItemGroup></Project>""" });
        Assert.Equal([new DeclaredPackage("AWSSDK.S3", "4.1.0")], packages);
        Assert.Empty(unreadable);
    }

    [Fact]
    public void CentralVersionsAndGlobalReferences_ComeFromTheNearestDirectoryPackagesProps()
    {
        var (packages, _) = Read(new()
        {
            ["src/Service/Service.csproj"] = """<Project><ItemGroup><PackageReference Include="AWSSDK.S3" /><PackageReference Include="AWSSDK.EC2" VersionOverride="4.0.1" /></ItemGroup></Project>""",
            ["Directory.Packages.props"] = """
                <Project>
                  <PropertyGroup><AwsVersion>4.1.0</AwsVersion></PropertyGroup>
                  <ItemGroup>
                    <PackageVersion Include="AWSSDK.S3" Version="$(AwsVersion)" />
                    <PackageVersion Include="AWSSDK.EC2" Version="4.0.0" />
                    <GlobalPackageReference Include="Meziantou.Analyzer" Version="3.0.1" />
                  </ItemGroup>
                </Project>
                """,
        });
        Assert.Equal(
            [new DeclaredPackage("AWSSDK.EC2", "4.0.1"), new DeclaredPackage("AWSSDK.S3", "4.1.0"), new DeclaredPackage("Meziantou.Analyzer", "3.0.1")],
            packages);
    }

    [Fact]
    public void VersionThatNeedsEvaluation_IsReportedNotGuessed()
    {
        var (packages, unreadable) = Read(new() { ["src/Service/Service.csproj"] = """<Project><ItemGroup><PackageReference Include="AWSSDK.S3" Version="$([System.IO.File]::ReadAllText('v'))" /></ItemGroup></Project>""" });
        Assert.Empty(packages);
        Assert.Contains("AWSSDK.S3", Assert.Single(unreadable), StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentTypeDefinition_IsRefused()
    {
        var (packages, unreadable) = Read(new() { ["src/Service/Service.csproj"] = """<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project><ItemGroup><PackageReference Include="A" Version="&x;" /></ItemGroup></Project>""" });
        Assert.Empty(packages);
        Assert.Single(unreadable);
    }
}
