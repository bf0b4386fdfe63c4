namespace Autoship.Agents;

/// <summary>Removes worktrees and temporary files left behind by a run that crashed (the next tick calls it).</summary>
public interface IWorkspaceJanitor
{
    Task CleanupLeftoversAsync(CancellationToken cancellationToken);
}
