namespace Autoship.Forge.GitHub;

/// <summary>The check runs and statuses that reported on one commit.</summary>
public sealed record CommitChecks(string Sha, IReadOnlyList<string> Names);
