using Autoship.Core.Progress;

namespace Autoship.Core.Tests.Progress;

/// <summary>Untrusted text shown on a terminal keeps its visible characters and loses everything that could steer the terminal.</summary>
public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("\u001b[31mred\u001b[0m text", "red text")]
    [InlineData("\u001b[2J\u001b[1;1Hcleared", "cleared")]
    [InlineData("\u001b[?25lhidden cursor", "hidden cursor")]
    [InlineData("\u001b]0;pwned title\u0007after", "after")]
    [InlineData("\u001b]8;;https://evil.invalid\u001b\\link\u001b]8;;\u001b\\", "link")]
    [InlineData("\u001bPdevice control\u001b\\x", "x")]
    [InlineData("\u009b31mc1 csi", "c1 csi")]
    [InlineData("\u009d0;title\u009cok", "ok")]
    [InlineData("\u001bcreset", "reset")]
    [InlineData("\u001b(Bcharset", "charset")]
    [InlineData("bell\u0007 back\bspace", "bell backspace")]
    [InlineData("tab\there", "tab here")]
    [InlineData("  many   spaces  ", "many spaces")]
    [InlineData("bidi \u202Eevil\u202C ok", "bidi evil ok")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("cr\rinside", "cr inside")]
    [InlineData("unterminated \u001b]0;title", "unterminated")]
    [InlineData("dangling \u001b", "dangling")]
    [InlineData("csi without final \u001b[12", "csi without final")]
    [InlineData("ünïcödé ✓ 日本", "ünïcödé ✓ 日本")]
    public void Clean_RemovesEscapesAndControls_KeepsVisibleText(string raw, string expected)
    {
        TerminalText.Clean(raw).ShouldBe(expected);
    }

    [Fact]
    public void Clean_NoEscapeOrControlCharacterSurvives()
    {
        var hostile = string.Concat(Enumerable.Range(0, 0xA0).Select(c => $"{(char)c}x"));

        var clean = TerminalText.Clean(hostile);

        clean.ShouldAllBe(c => !char.IsControl(c));
        clean.ShouldNotContain("\u001b");
    }

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("a longer line", 8, "a longe…")]
    [InlineData("ab😀cd", 4, "ab…")]
    public void Truncate_CutsWithAnEllipsis_NeverInsideASurrogatePair(string text, int max, string expected)
    {
        TerminalText.Truncate(text, max).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, "0.0s")]
    [InlineData(59.9, "59s")]
    [InlineData(60, "1m 00s")]
    [InlineData(65, "1m 05s")]
    [InlineData(3599, "59m 59s")]
    [InlineData(3600, "1h 00m")]
    [InlineData(7380, "2h 03m")]
    [InlineData(-5, "0.0s")]
    public void ElapsedText_Format(double seconds, string expected)
    {
        ElapsedText.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, "0.0s")]
    [InlineData(0.46, "0.4s")]
    [InlineData(9.99, "9.9s")]
    [InlineData(42.7, "42s")]
    [InlineData(65, "1m 05s")]
    [InlineData(-1, "0.0s")]
    public void ElapsedText_Took_TenthsBelowTenSeconds(double seconds, string expected)
    {
        ElapsedText.Took(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
    }
}
