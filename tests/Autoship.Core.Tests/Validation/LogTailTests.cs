using Autoship.Core;

namespace Autoship.Core.Tests.Validation;

public sealed class LogTailTests
{
    [Fact]
    public void Of_PytestMissing_KeepsTheLineThatSaysWhy()
    {
        var log = "$ sh -c scripts/test.sh\nTraceback (most recent call last):\n  File \"<string>\", line 1\nModuleNotFoundError: No module named pytest\n\n# exited with code 1\n";

        var tail = LogTail.Of(log);

        tail.ShouldContain("ModuleNotFoundError: No module named pytest");
        tail[^1].ShouldBe("# exited with code 1");
    }

    [Fact]
    public void Of_LongLog_KeepsTheLastMeaningfulLinesWithoutBlanksOrRules()
    {
        var lines = Enumerable.Range(1, 100).SelectMany(i => new[] { $"line {i}", string.Empty, "----------", "=====" });

        var tail = LogTail.Of(string.Join('\n', lines));

        tail.Count.ShouldBe(LogTail.MaxLines);
        tail[0].ShouldBe("line 81");
        tail[^1].ShouldBe("line 100");
    }

    [Fact]
    public void Of_EscapesAndControls_AreStrippedSoTheLogCannotPaintATerminal()
    {
        var log = "\u001b[31mFAILED\u001b[0m test_x\r\n\u001b]0;owned\u0007title\u0008\u0000 done\tnow\n\u202eevil\u202c line";

        var tail = LogTail.Of(log);

        tail.ShouldBe(["FAILED test_x", "title done now", "evil line"]);
        tail.ShouldAllBe(l => !l.Any(char.IsControl));
    }

    [Fact]
    public void Of_HugeLines_AreBoundedEachAndInTotal()
    {
        var log = string.Join('\n', Enumerable.Range(0, 50).Select(i => new string((char)('a' + (i % 26)), 10_000)));

        var tail = LogTail.Of(log);

        tail.ShouldAllBe(l => l.Length <= LogTail.MaxLineChars + 1);
        tail.Sum(l => l.Length + 1).ShouldBeLessThanOrEqualTo(LogTail.MaxChars + LogTail.MaxLines);
        tail.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Of_NothingMeaningful_IsEmpty() => LogTail.Of("\n\n----\n   \n").ShouldBeEmpty();
}
