namespace Autoship.Forge.Git;

/// <summary>
/// git's own <c>gc --auto</c> threshold, checked without starting git: loose objects estimated from one fan-out
/// directory (<c>objects/17</c>, as git samples it) against <c>gc.auto</c>'s default of 6,700, and packs against
/// <c>gc.autoPackLimit</c>'s 50. Only when one is exceeded does <c>git gc --auto</c> run. Every git process here runs
/// with automatic maintenance off (<see cref="GitCli"/>), so this is where a repository the harness writes to is kept
/// compact.
/// </summary>
public static class GitHousekeeping
{
    private const int LooseObjectLimit = 6700;
    private const int PackLimit = 50;

    /// <summary>Whether the repository whose object directory is <paramref name="objects"/> is due for <c>gc --auto</c>.</summary>
    public static bool IsDue(string objects)
    {
        try
        {
            var sample = Path.Combine(objects, "17");
            var loose = Directory.Exists(sample) ? Directory.EnumerateFiles(sample).Count() : 0;
            var packs = Directory.Exists(Path.Combine(objects, "pack")) ? Directory.EnumerateFiles(Path.Combine(objects, "pack"), "*.pack").Count() : 0;
            return loose > (LooseObjectLimit + 255) / 256 || packs > PackLimit;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Runs <c>git gc --auto</c> in <paramref name="repository"/> when <see cref="IsDue"/>; a failure only costs
    /// compactness. As git's own, it packs in the background (<paramref name="detach"/>), so the tick does not wait.
    /// </summary>
    public static async Task<bool> RunIfDueAsync(string repository, string objects, CancellationToken cancellationToken, bool detach = true)
    {
        if (!IsDue(objects))
        {
            return false;
        }

        var result = await GitCli.TryRunAsync(repository, ["-c", $"gc.auto={LooseObjectLimit}", "-c", $"gc.autoDetach={(detach ? "true" : "false")}", "gc", "--auto", "--quiet"], null, null, cancellationToken);
        return result.Ok;
    }
}
