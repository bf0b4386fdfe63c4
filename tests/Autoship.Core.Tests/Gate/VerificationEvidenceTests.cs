using CsCheck;

namespace Autoship.Core.Tests.Gate;

public sealed class VerificationEvidenceTests
{
    [Theory]
    [InlineData("## Verification evidence\nran tests", true)]
    [InlineData("### VERIFICATION EVIDENCE\n\n- `pytest tests/api`: 40 passed", true)]
    [InlineData("# Targeted verification evidence (staging)\nlink", true)]
    [InlineData("## Verification evidence\n### Unit\n40 passed", true)]
    [InlineData("## Verification evidence\n\n\n## Notes\nsome", false)]
    [InlineData("## Verification evidence\n<!-- fill me in -->\n", false)]
    [InlineData("## Verification evidence", false)]
    [InlineData("Verification evidence: ran tests", false)]
    [InlineData("## Summary\nverification evidence is below\n", false)]
    [InlineData("####### Verification evidence\ntext", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Has_Body_FindsANonEmptySection(string? body, bool expected)
    {
        VerificationEvidence.Has(body).ShouldBe(expected);
    }
}

/// <summary>
/// Generated descriptions (CsCheck: a failure prints the seed that replays it): the section found is the one the plain
/// reading finds — remove the comments, split into lines, take the first heading that names the evidence and has text
/// before the next heading of its level or higher.
/// </summary>
public sealed class VerificationEvidenceProperties
{
    private static readonly string[] Pieces =
    [
        "## Verification evidence", "# verification EVIDENCE (staging)", "### Verification evidence", "####### Verification evidence",
        "    ## Verification evidence", "   ## Verification evidence", "##Verification evidence", "## Notes", "# Summary", "### Unit",
        "", " ", "ran `pytest`: 40 passed", "verification evidence inline", "<!-- fill me in -->", "<!--", "-->", "text <!-- a", "b --> more",
        "\r", "#", "## ", "- item",
    ];

    [Fact]
    public void Section_GeneratedDescriptions_IsWhatReadingLineByLineFinds()
    {
        Gen.Int[0, Pieces.Length - 1].List[0, 14].Select(Gen.Bool, (ix, crlf) => string.Join(crlf ? "\r\n" : "\n", ix.Select(i => Pieces[i])))
            .Sample(body => VerificationEvidence.Section(body).ShouldBe(Reference(body), body), iter: 2_000);
    }

    private static string? Reference(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }

        var lines = System.Text.RegularExpressions.Regex.Replace(markdown.Replace("\r\n", "\n"), "<!--.*?-->", string.Empty, System.Text.RegularExpressions.RegexOptions.Singleline).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var level = Level(lines[i]);
            if (level == 0 || !lines[i].Contains("verification evidence", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var body = lines.Skip(i + 1).TakeWhile(l => Level(l) is 0 || Level(l) > level);
            var text = string.Join('\n', body).Trim();
            if (text.Length > 0)
            {
                return text;
            }
        }

        return null;
    }

    private static int Level(string line)
    {
        var trimmed = line.TrimStart();
        var hashes = trimmed.TakeWhile(c => c == '#').Count();
        return line.Length - trimmed.Length <= 3 && hashes is >= 1 and <= 6 && (trimmed.Length == hashes || char.IsWhiteSpace(trimmed[hashes])) ? hashes : 0;
    }
}
