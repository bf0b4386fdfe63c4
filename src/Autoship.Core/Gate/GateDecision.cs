namespace Autoship.Core;

/// <summary>The gate's decision with every reason, and for a hold, what a human must do.</summary>
public sealed record GateDecision(GateVerdict Verdict, Lane Lane, IReadOnlyList<Reason> Reasons, IReadOnlyList<string> HumanActions)
{
    /// <summary>A one-line summary that fits a commit status description (140 characters).</summary>
    public string Summary
    {
        get
        {
            var head = $"{Verdict.ToString().ToLowerInvariant()} (lane {Lane.Letter()} {Lane.Name()})";
            var first = Reasons.Count > 0 ? ": " + Reasons[0].Message : string.Empty;
            var text = head + first;
            return text.Length <= 140 ? text : text[..137] + "...";
        }
    }
}
