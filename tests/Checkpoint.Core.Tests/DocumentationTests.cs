using System.Reflection;
using Checkpoint.Core.Tests.Digest;

namespace Checkpoint.Core.Tests;

/// <summary>The docs are part of the contract: they must not drift from the code.</summary>
public sealed class DocumentationTests
{
    public static TheoryData<string> GateCodes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(Core.Basics.GateCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GateCodes))]
    public void EveryGateCode_HasARulePageWithAnExampleAndAFix(string code)
    {
        var page = SourceTree.Path("docs", "rules", code + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {code}: ", text);
        Assert.Contains("## When it fires", text);
        Assert.Contains("## How to fix", text);
        Assert.Contains("## Why it cannot be suppressed in CI", text);
        Assert.Contains(code + ":", text.Substring(text.IndexOf("```", StringComparison.Ordinal)));
    }

    [Fact]
    public void DiffDigestSpec_PublishesTheVectorsTheTestsCheck()
    {
        var spec = SourceTree.ReadText("docs/diff-digest.md");

        Assert.Contains(DiffDigestTests.SpecVector1, spec);
        Assert.Contains(DiffDigestTests.SpecVector2, spec);
        Assert.Contains(DiffDigestTests.RepositoryVector, spec);
        Assert.Contains(DiffDigestTests.ApprovalsVector, spec);
        Assert.Contains(Core.Digest.DiffDigest.Version, spec);
    }

    [Fact]
    public void ApprovingGuide_NamesEveryManifestMemberAndTheNamespace()
    {
        var guide = SourceTree.ReadText("docs/approving.md");

        foreach (var member in new[] { "schema", "repository", "digest", "approver", "createdAt", "expiresAt", "base", "files" })
        {
            Assert.Contains($"| `{member}` |", guide);
        }

        Assert.Contains("ssh-keygen -Y sign -f ~/.ssh/id_ed25519 -n " + Core.Approvals.ApprovalManifest.SignatureNamespace, guide);
        Assert.Contains("ssh-keygen -Y verify", guide);
    }
}
