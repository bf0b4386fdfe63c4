namespace Autoship.Agents;

/// <summary>A checked-out git worktree the runner made for one run; <see cref="Branch"/> is null when detached.</summary>
public sealed record Worktree(string Path, string? Branch, string BaseSha);
