namespace Autoship.Core;

/// <summary>
/// One thing that went wrong with the previous attempt on the same branch, handed to the next attempt's prompt
/// (fix forward): a failing check, the reviewer agent's findings, a write-access human's change request or comment, or the
/// harness's refusal. <see cref="Text"/> is untrusted data (CI output and human comments), bounded by
/// <see cref="MaxText"/>.
/// </summary>
public sealed record FixFeedback(string Source, string From, string Text)
{
    public const int MaxText = 4000;

    /// <summary>Where the full text is (a failing check's log), for the harness to append its tail; null when none.</summary>
    public string? Url { get; init; }

    public const string Ci = "ci";
    public const string Reviewer = "reviewer";
    public const string Human = "human";

    /// <summary>A write-access human's comment on the pull request (conversation or inline), not a change request.</summary>
    public const string Comment = "comment";
    public const string Harness = "harness";

    /// <summary>The branch conflicts with the base: the attempt starts from the current base, not from the PR's head.</summary>
    public const string Conflict = "conflict";

    /// <summary>The text cut to <see cref="MaxText"/>, keeping the tail (where a CI log says what failed).</summary>
    public static FixFeedback Of(string source, string from, string text)
    {
        var t = text.Trim();
        return new FixFeedback(source, from, t.Length <= MaxText ? t : "…" + t[^MaxText..]);
    }
}
