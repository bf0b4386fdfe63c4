namespace Autoship.Core.Queue;

/// <summary>
/// Whether the base branch itself is red. A red main is nobody's item: while it lasts nothing merges and no item's
/// failed checks count against its attempts (they may be main's failure, not the item's), until main is green again.
/// </summary>
public static class MainHealth
{
    /// <summary>The reasons main is red (empty when green or unknown): a required check (any check when none is named) failed on its head.</summary>
    public static IReadOnlyList<Reason> RedReasons(RepositorySnapshot snapshot, IReadOnlyList<string> requiredChecks)
    {
        var onHead = snapshot.DefaultBranchChecks
            .Where(c => string.Equals(c.Sha, snapshot.DefaultBranchSha, StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(c.Name, MergeQueueStatus.Context, StringComparison.OrdinalIgnoreCase)
                        && (requiredChecks.Count == 0 || requiredChecks.Contains(c.Name, StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var sha = snapshot.DefaultBranchSha[..Math.Min(7, snapshot.DefaultBranchSha.Length)];
        return [.. onHead.Where(c => c.State is CheckState.Failure or CheckState.Error)
            .Select(c => new Reason("main-red", $"{snapshot.DefaultBranch} is red: check {c.Name} failed on {sha}"
                + (string.IsNullOrWhiteSpace(c.Description) ? string.Empty : $" ({c.Description})")
                + "; nothing merges and failed checks do not count against items until it is green"))];
    }
}
