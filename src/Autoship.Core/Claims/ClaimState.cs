namespace Autoship.Core;

/// <summary>A claim as recorded on the issue (label + Autoship comment): who owns it, since when, which attempt.</summary>
public sealed record ClaimState(int Issue, string Agent, int Attempt, DateTimeOffset ClaimedAt, bool HasOpenPullRequest);
