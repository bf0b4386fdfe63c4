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
    IReadOnlyList<string> HumanActions)
{
    /// <summary>For ready work: its place in the dispatch order and why ("3rd of 5 in the queue: p1, lane A, waiting 2 h").</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Reason? QueuePosition { get; init; }

    /// <summary>The 1-based place in the dispatch order that <see cref="QueuePosition"/> describes.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? QueueRank { get; init; }
}
