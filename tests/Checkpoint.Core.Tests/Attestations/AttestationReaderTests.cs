using Checkpoint.Core.Attestations;

namespace Checkpoint.Core.Tests.Attestations;

public sealed class AttestationReaderTests
{
    private static IReadOnlyList<SourceAttestation> Read(string text) => AttestationReader.Read("src/Jobs.cs", text);

    private static SourceAttestation Single(string text) => Assert.Single(Read(text));

    [Theory]
    [InlineData("[ApprovedBy(\"alice@contoso.com\", Reason = \"Retire\")]")]
    [InlineData("[ApprovedByAttribute(\"alice@contoso.com\")]")]
    [InlineData("[Checkpoint.ApprovedBy(\"alice@contoso.com\")]")]
    [InlineData("[global::Checkpoint.ApprovedBy(\"alice@contoso.com\")]")]
    [InlineData("[ApprovedBy(@\"alice@contoso.com\", Reason = \"x\")]")]
    [InlineData("[method: ApprovedBy(\"alice@contoso.com\")]")]
    [InlineData("[Obsolete, ApprovedBy(\"alice@contoso.com\", Reason = \"x\")]")]
    [InlineData("[  ApprovedBy  (  \"alice@contoso.com\"  )  ]")]
    public void ReadableForms_NameTheApprover(string attribute)
    {
        var attestation = Single($"class Jobs\n{{\n    {attribute}\n    void Run() {{ }}\n}}\n");

        Assert.True(attestation.IsReadable, attestation.Problem);
        Assert.Equal("alice@contoso.com", attestation.Approver);
        Assert.Equal(3, attestation.Line);
    }

    [Fact]
    public void NamedArgumentsOnLaterLines_AreReadable()
    {
        var attestation = Single("[ApprovedBy(\"alice@contoso.com\",\n    Reason = \"Retire\",\n    Ticket = \"OPS-1\")]\nvoid Run() { }\n");

        Assert.Equal("alice@contoso.com", attestation.Approver);
    }

    [Theory]
    [InlineData("[ApprovedBy(Alice, Reason = \"x\")]", "not a string literal")]
    [InlineData("[ApprovedBy(\"alice@\" + Domain)]", "expression")]
    [InlineData("[ApprovedBy($\"alice@{Domain}\")]", "interpolated or raw")]
    [InlineData("[ApprovedBy(\"\"\"alice@contoso.com\"\"\")]", "interpolated or raw")]
    [InlineData("[ApprovedBy(approver: \"alice@contoso.com\")]", "passed by name")]
    [InlineData("[ApprovedBy(nameof(Alice))]", "not a string literal")]
    [InlineData("[ApprovedBy(\"alice\\u0040contoso.com\")]", "escape sequence")]
    [InlineData("[ApprovedBy(@\"alice\"\"@contoso.com\")]", "escape sequence")]
    [InlineData("[ApprovedBy(\n    \"alice@contoso.com\")]", "not on the line")]
    [InlineData("[ApprovedBy(@\"alice@contoso.com\n\")]", "not on the line")]
    [InlineData("[Cp.ApprovedBy(\"alice@contoso.com\")]", "only Checkpoint.")]
    [InlineData("[@ApprovedBy(\"alice@contoso.com\")]", "without '@'")]
    [InlineData("[\\u0041pprovedBy(\"alice@contoso.com\")]", "without '@'")]
    [InlineData("[ApprovedBy()]", "no approver")]
    [InlineData("using Approve = Checkpoint.ApprovedByAttribute;", "outside an attribute")]
    [InlineData("global using Approve = global::Checkpoint.ApprovedByAttribute;", "outside an attribute")]
    public void OtherForms_AreFoundButNotRead(string text, string problem)
    {
        var attestation = Single(text + "\nclass Jobs { }\n");

        Assert.False(attestation.IsReadable);
        Assert.Null(attestation.Approver);
        Assert.Contains(problem, attestation.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("// [ApprovedBy(\"bob@contoso.com\")]\n")]
    [InlineData("/* [ApprovedBy(\"bob@contoso.com\")]\n   still a comment */\n")]
    [InlineData("const string S = \"[ApprovedBy(\\\"bob@contoso.com\\\")]\";\n")]
    [InlineData("const string S = @\"\n[ApprovedBy(\"\"bob@contoso.com\"\")]\n\";\n")]
    [InlineData("const string S = \"\"\"\n[ApprovedBy(\"bob@contoso.com\")]\n\"\"\";\n")]
    [InlineData("const string S = $\"{Name} [ApprovedBy(\\\"bob\\\")]\";\n")]
    [InlineData("const string S = $$\"\"\"\n{{Name}} [ApprovedBy(\"bob@contoso.com\")]\n\"\"\";\n")]
    [InlineData("const char C = '\"'; // [ApprovedBy(\"bob@contoso.com\")]\n")]
    [InlineData("#error [ApprovedBy(\"bob@contoso.com\")]\n")]
    [InlineData("/// <example>[ApprovedBy(\"bob@contoso.com\")]</example>\n")]
    public void TextInCommentsStringsAndDirectives_IsNotAnAttestation(string text)
    {
        Assert.Empty(Read(text + "class Jobs { }\n"));
    }

    [Fact]
    public void CodeAfterATrickyString_IsStillRead()
    {
        var text = "var a = \"\\\"[\"; var b = @\"\"\"\"; var c = '\\''; var d = $\"{(x ? \"}\" : \"{\")}\";\n" +
                   "var e = \"\"\"\n  \"\" \"\n  \"\"\";\n" +
                   "[ApprovedBy(\"bob@contoso.com\")] void Run() { }\n";

        var attestation = Single(text);

        Assert.Equal("bob@contoso.com", attestation.Approver);
        Assert.Equal(5, attestation.Line);
    }

    [Fact]
    public void AttestationsUnderIfDirectives_AreReadWhateverTheSymbols()
    {
        var text = "#if DEBUG\n[ApprovedBy(\"bob@contoso.com\")]\n#else\n[ApprovedBy(\"carol@contoso.com\")]\n#endif\nvoid Run() { }\n";

        Assert.Equal(new[] { "bob@contoso.com", "carol@contoso.com" }, Read(text).Select(a => a.Approver));
    }

    [Theory]
    [InlineData("order.ApprovedBy = \"alice\";")]
    [InlineData("public string ApprovedBy { get; set; }")]
    [InlineData("var o = new Order { ApprovedBy = \"alice\" };")]
    [InlineData("string ApprovedBy(string who) => who;")]
    [InlineData("var x = row[ApprovedBy];")]
    [InlineData("[MyApprovedBy(\"alice\")] void M() { }")]
    [InlineData("var who = policy.ApprovedBy(\"alice\");")]
    public void TheSameNameOutsideAnAttestation_IsNotRead(string text)
    {
        Assert.Empty(Read("class Jobs\n{\n    " + text + "\n}\n"));
    }

    [Fact]
    public void ChangedAttestation_IsAdded_UnchangedOneIsNot()
    {
        var before = "[ApprovedBy(\"alice@contoso.com\", Reason = \"a\")]\nvoid A() { }\n[ApprovedBy(\"alice@contoso.com\", Reason = \"b\")]\nvoid B() { }\n";
        var after = "// moved down\n[ApprovedBy(\"alice@contoso.com\",   Reason = \"a\")]\nvoid A() { }\n[ApprovedBy(\"bob@contoso.com\", Reason = \"b\")]\nvoid B() { }\n";

        var added = AttestationChanges.Compare("src/Jobs.cs", before, after);

        var only = Assert.Single(added);
        Assert.Equal("bob@contoso.com", only.Approver);
        Assert.Equal(4, only.Line);
    }

    [Fact]
    public void SameAttestationWrittenTwice_WhereItWasOnce_AddsOne()
    {
        var one = "[ApprovedBy(\"alice@contoso.com\")]\nvoid A() { }\n";

        Assert.Single(AttestationChanges.Compare("src/Jobs.cs", one, one + one));
        Assert.Empty(AttestationChanges.Compare("src/Jobs.cs", one + one, one));
    }

    [Fact]
    public void Utf16FileWithByteOrderMark_IsDecoded_NulBytesAreNotText()
    {
        var text = "[ApprovedBy(\"bob@contoso.com\")]\nvoid A() { }\n";
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(System.Text.Encoding.Unicode.GetBytes(text)).ToArray();

        Assert.Equal(text, AttestationChanges.Decode(utf16));
        Assert.Null(AttestationChanges.Decode(System.Text.Encoding.Unicode.GetBytes(text)));
    }
}
