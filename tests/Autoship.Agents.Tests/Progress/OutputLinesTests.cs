using System.Text;

namespace Autoship.Agents.Tests.Progress;

/// <summary>What live progress receives of a process's output: whole lines, cleaned, redacted, never a key.</summary>
public sealed class OutputLinesTests
{
    private const string Secret = "hunter2-secret-value";
    private readonly List<string> lines = [];
    private readonly OutputLines split;

    public OutputLinesTests()
    {
        split = new OutputLines(new SecretRedactor(new Dictionary<string, string> { ["DB_PASSWORD"] = Secret }), lines.Add);
    }

    private void Write(string text) => split.Write(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Write_SplitsOnNewlinesAndCarriageReturns_AcrossChunks()
    {
        Write("first li");
        Write("ne\nsecond\r\n\n  \n40%\r80%\rdone");
        lines.ShouldBe(["first line", "second", "40%", "80%"]);

        split.Flush();
        lines[^1].ShouldBe("done");
    }

    [Fact]
    public void Write_MultiByteCharacterSplitAcrossChunks_DecodesWhole()
    {
        var bytes = Encoding.UTF8.GetBytes("naïve ✓\n");
        split.Write(bytes.AsSpan(0, 3));
        split.Write(bytes.AsSpan(3, 5));
        split.Write(bytes.AsSpan(8));

        lines.ShouldBe(["naïve ✓"]);
    }

    [Fact]
    public void Write_EscapesAndSecrets_NeverReachTheReport()
    {
        Write($"\u001b[2J\u001b]0;owned\u0007password is {Secret}\n");
        // A token split by an escape sequence is whole again once the escape is gone, and then redacted.
        Write("token ghp_abcdefghij\u001b[0mklmnopqrstuvwxyz0123\n");
        Write("key sk-abcdefghijklmnopqrstu here\n");

        lines.ShouldBe([$"password is {SecretRedactor.Mask}", $"token {SecretRedactor.Mask}", $"key {SecretRedactor.Mask} here"]);
        lines.ShouldAllBe(l => !l.Contains('\u001b'));
    }

    [Fact]
    public void Write_PrivateKeyBlock_NoLineOfItIsReported()
    {
        Write("before\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAMwAAAAtzc2gtZWQyNTUxOQ\n-----END OPENSSH PRIVATE KEY-----\nafter\n");

        lines.ShouldBe(["before", SecretRedactor.Mask, "after"]);
    }

    [Fact]
    public void Write_VeryLongLine_IsShortenedAndItsCutWordDropped()
    {
        Write(new string('a', 10) + " " + new string('b', OutputLines.MaxLine * 2) + "\nnext\n");

        lines.Count.ShouldBe(2);
        lines[0].ShouldBe(new string('a', 10), "the word cut at the line limit may be the start of a secret");
        lines[1].ShouldBe("next");
    }

    [Fact]
    public void Write_LongLine_ReportedWithAtMostMaxShownCharacters()
    {
        Write(string.Join(' ', Enumerable.Repeat("word", 200)) + "\n");

        lines.Single().Length.ShouldBe(OutputLines.MaxShown);
        lines.Single().ShouldEndWith("…");
    }
}
