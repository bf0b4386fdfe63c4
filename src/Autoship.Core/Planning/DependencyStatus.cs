namespace Autoship.Core.Planning;

/// <summary>What an item waits for: its blockers and, when it is in one, the dependency cycle. <see cref="Waits"/> when any reason holds it back.</summary>
public sealed record DependencyStatus(IReadOnlyList<IssueLink> Blockers, IReadOnlyList<int> Cycle, IReadOnlyList<Reason> Reasons)
{
    public static DependencyStatus None { get; } = new([], [], []);

    public bool Waits => Reasons.Count > 0;
}
