namespace Autoship.Agents;

/// <summary>Removes worktrees and temporary files left behind by a run that crashed (the next tick calls it).</summary>
public interface IWorkspaceJanitor
{
    /// <summary>Cleans leftovers of <paramref name="repository"/>'s worktrees; returns how many were removed.</summary>
    Task<int> CleanupLeftoversAsync(string repository, CancellationToken cancellationToken);
}
