namespace Autoship.Forge.Git;

/// <summary>
/// Counts the git processes started in the current asynchronous flow, for tests and measurements that want to know
/// whether a read was served from a cache: <c>using var scope = GitLaunches.Start();</c> then <c>scope.Count</c>.
/// </summary>
public sealed class GitLaunches : IDisposable
{
    private static readonly AsyncLocal<GitLaunches?> Current = new();

    private readonly GitLaunches? outer;
    private int count;

    private GitLaunches(GitLaunches? outer)
    {
        this.outer = outer;
    }

    public int Value => Volatile.Read(ref count);

    public static GitLaunches Start()
    {
        var scope = new GitLaunches(Current.Value);
        Current.Value = scope;
        return scope;
    }

    public void Dispose() => Current.Value = outer;

    internal static void Count()
    {
        for (var scope = Current.Value; scope is not null; scope = scope.outer)
        {
            Interlocked.Increment(ref scope.count);
        }
    }
}
