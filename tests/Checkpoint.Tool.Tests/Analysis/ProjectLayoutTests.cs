using Checkpoint.Tool.Analysis;

namespace Checkpoint.Tool.Tests.Analysis;

/// <summary>The SDK's default compile glob, re-applied to the branch's file list from git.</summary>
public sealed class ProjectLayoutTests
{
    private static readonly string[] Projects = ["src/Service/", "src/Service/Tools/", "tests/"];

    [Theory]
    [InlineData("src/Service/Cleanup.cs", true)]
    [InlineData("src/Service/Deep/Folder/Cleanup.cs", true)]
    [InlineData("src/Service/obj/Debug/Generated.cs", false)]
    [InlineData("src/Service/bin/Leftover.cs", false)]
    [InlineData("src/Service/.hidden/Sneaky.cs", false)]
    [InlineData("src/Service/Tools/Tool.cs", false)]
    [InlineData("src/Service/Readme.md", false)]
    [InlineData("src/Other/Cleanup.cs", false)]
    public void DefaultGlob_TakesCSharpFilesUnderTheProjectFolderOnly(string path, bool compiled)
    {
        Assert.Equal(compiled, ProjectLayout.IsDefaultCompileItem("src/Service/", path, Projects));
    }

    [Fact]
    public void ProjectAtTheRepositoryRoot_TakesEverythingOutsideNestedProjects()
    {
        Assert.True(ProjectLayout.IsDefaultCompileItem(string.Empty, "Program.cs", Projects.Append(string.Empty).ToArray()));
        Assert.False(ProjectLayout.IsDefaultCompileItem(string.Empty, "tests/Test.cs", Projects.Append(string.Empty).ToArray()));
    }
}
