namespace Checkpoint.Testing.Tests;

public sealed class PackageFeedTests
{
    [Fact]
    public void InputsKey_ChangesWithWhatPackingReads_AndNotWithBuildOutput()
    {
        var tree = ScratchFolder.Create("checkpoint-feed-key-");
        try
        {
            Write(tree, "Directory.Build.props", "<Project />");
            Write(tree, "src/Checkpoint.Core/Gate.cs", "class Gate { }");
            Write(tree, "src/Checkpoint.Core/obj/Gate.g.cs", "// generated");
            Write(tree, "docs/readme.md", "docs");
            var key = PackageFeed.InputsKey(tree);

            Write(tree, "src/Checkpoint.Core/obj/Gate.g.cs", "// generated again");
            Write(tree, "src/Checkpoint.Core/bin/Release/Core.dll", "binary");
            Write(tree, "docs/readme.md", "other docs");
            Assert.Equal(key, PackageFeed.InputsKey(tree));

            Write(tree, "src/Checkpoint.Core/Gate.cs", "class Gate { int X; }");
            var changedSource = PackageFeed.InputsKey(tree);
            Write(tree, "Directory.Packages.props", "<Project />");
            var addedProps = PackageFeed.InputsKey(tree);
            Write(tree, "build/Checkpoint.targets", "<Project />");
            Assert.Equal(4, new[] { key, changedSource, addedProps, PackageFeed.InputsKey(tree) }.Distinct().Count());
        }
        finally
        {
            ScratchFolder.Delete(tree);
        }
    }

    private static void Write(string root, string path, string content)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}
