namespace Autoship.Forge.Local;

/// <summary>How a local forge runs its CI on push. Unit tests that only need git and SQLite turn CI off.</summary>
public sealed record LocalForgeOptions
{
    public static readonly LocalForgeOptions Default = new();

    /// <summary>Run the validation entrypoint (and the staging deploy) synchronously inside every push.</summary>
    public bool RunCi { get; init; } = true;

    /// <summary>
    /// Merge through the base branch's merge queue (with <see cref="RunCi"/> on): the pull request squashed onto the
    /// current base, alone or in a batch, is validated with the base's entrypoint before the base moves to it.
    /// </summary>
    public bool MergeQueue { get; init; } = true;

    /// <summary>The longest a CI or deploy script may run before its whole process tree is killed.</summary>
    public TimeSpan CiTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Used when the pushed commit has no readable <c>.github/autoship.yml</c> naming another entrypoint.</summary>
    public string ValidationEntrypoint { get; init; } = "scripts/test.sh";

    /// <summary>The name of the check that local CI records.</summary>
    public string CheckName { get; init; } = "ci";
}
