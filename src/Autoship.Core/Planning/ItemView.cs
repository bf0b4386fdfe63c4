namespace Autoship.Core.Planning;

/// <summary>Where one item stands and why: what <c>autoship status</c>, <c>explain</c> and the dashboard show.</summary>
public sealed record ItemView(
    int Issue,
    string Title,
    ItemPhase Phase,
    Lane? Lane,
    string? Owner,
    string? Reviewer,
    int? PullRequest,
    GateVerdict? Verdict,
    int Attempt,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<string> HumanActions);
