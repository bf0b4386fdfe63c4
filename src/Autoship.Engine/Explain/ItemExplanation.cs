using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Store;

namespace Autoship.Engine.Explain;

/// <summary>Everything about one item in plain words: what <c>autoship explain</c> and the dashboard's item page show.</summary>
public sealed record ItemExplanation(
    int Issue,
    string Title,
    string Phase,
    string Summary,
    Lane? Lane,
    string? Owner,
    string? Reviewer,
    int? PullRequest,
    GateVerdict? Verdict,
    int Attempt,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<string> HumanActions,
    IReadOnlyList<StoredEvent> History,
    IReadOnlyList<StoredRun> Runs);
