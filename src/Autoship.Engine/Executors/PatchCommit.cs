using Autoship.Core;
using Autoship.Forge.Git;

namespace Autoship.Engine.Executors;

/// <summary>
/// The harness turns a remote job's patch into its own commit on the work order's branch, in its cache repository,
/// after checking the changed paths against the work order (allowed paths, never-paths, file count) again: a runner
/// is not trusted to have done it. A private index is used, so no work tree is touched and no hook runs. A fix
/// forward's patch is the whole change from the PR's fork point (what the paths are checked on); its commit goes on
/// top of the PR's head, and a result whose tree is the head's own is refused as no change.
/// </summary>
public static class PatchCommit
{
    private static readonly string[] Safety = ["-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false", "-c", "credential.helper=", "-c", "core.quotePath=false"];

    /// <summary>The commit made, or the reason the patch was refused.</summary>
    /// <param name="expected">The files, with their added and deleted line counts, the job's result record says it changed: the patch must change exactly those.</param>
    /// <param name="continueFrom">The PR head a fix forward continues from (the commit's parent), or null: the parent is <paramref name="baseSha"/>.</param>
    public static async Task<(string? Sha, string? Refused)> CreateAsync(string repository, WorkOrder order, string baseSha, string patch, IReadOnlyList<ChangedFile>? expected,
        string? continueFrom, CancellationToken cancellationToken)
    {
        var index = Path.Combine(Path.GetTempPath(), "autoship-index-" + Guid.NewGuid().ToString("N"));
        var env = new Dictionary<string, string>
        {
            ["GIT_INDEX_FILE"] = index,
            ["GIT_AUTHOR_NAME"] = "autoship[bot]",
            ["GIT_AUTHOR_EMAIL"] = "autoship@localhost",
            ["GIT_COMMITTER_NAME"] = "autoship[bot]",
            ["GIT_COMMITTER_EMAIL"] = "autoship@localhost",
        };
        try
        {
            await Git(repository, ["read-tree", baseSha], env, null, cancellationToken);
            var applied = await GitCli.TryRunAsync(repository, [.. Safety, "apply", "--cached", "--binary", "-"], env, patch.EndsWith('\n') ? patch : patch + "\n", cancellationToken);
            if (!applied.Ok)
            {
                return (null, "the job's patch does not apply to the base commit: " + applied.Stderr.Trim());
            }

            var diff = await GitDiffReader.ReadAsync(repository, ["--cached", baseSha], renames: false, env, Safety[..^2], cancellationToken);
            if ((Check(order, diff.Files.Select(f => f.Path).ToList()) ?? (expected is null ? null : Matches(diff.Files, expected))) is { } refused)
            {
                return (null, refused);
            }

            var tree = (await Git(repository, ["write-tree"], env, null, cancellationToken)).Trim();
            if (continueFrom is not null && (await Git(repository, ["rev-parse", continueFrom + "^{tree}"], env, null, cancellationToken)).Trim() == tree)
            {
                return (null, $"the job's change leaves the tree of the PR head {continueFrom[..Math.Min(12, continueFrom.Length)]} as it is: no change to push");
            }

            var message = $"{order.Title}\n\nFixes #{order.Issue}\n\nAutoship-Work-Order: {order.Id}\n";
            var sha = (await Git(repository, ["commit-tree", tree, "-p", continueFrom ?? baseSha, "-F", "-"], env, message, cancellationToken)).Trim();
            await Git(repository, ["update-ref", "refs/heads/" + order.Branch, sha], env, null, cancellationToken);
            return (sha, null);
        }
        finally
        {
            File.Delete(index);
        }
    }

    /// <summary>Why the changed <paramref name="files"/> break the work order, or null.</summary>
    public static string? Check(WorkOrder order, IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return "the job's patch changes nothing";
        }

        if (files.Count > order.Guardrails.MaxFiles)
        {
            return $"the job's patch changes {files.Count} files, over the work order's {order.Guardrails.MaxFiles}";
        }

        if (files.FirstOrDefault(f => GlobMatcher.MatchesAny(f, order.Never)) is { } never)
        {
            return $"the job's patch touches {never}, which no agent may change";
        }

        return files.FirstOrDefault(f => !GlobMatcher.MatchesAny(f, order.AllowedPaths)) is { } outside
            ? $"the job's patch touches {outside}, outside the work order's allowed paths"
            : null;
    }

    /// <summary>Why the applied patch's files differ from what the result record lists (paths, added and deleted lines), or null.</summary>
    public static string? Matches(IReadOnlyList<ChangedFile> applied, IReadOnlyList<ChangedFile> expected)
    {
        var recorded = expected.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var file in applied)
        {
            if (!recorded.Remove(file.Path, out var record))
            {
                return $"the job's patch changes {file.Path}, which its result record does not list";
            }

            if (record.Added != file.Added || record.Deleted != file.Deleted)
            {
                return $"the job's patch changes {file.Path} by +{file.Added}/-{file.Deleted} lines, but its result record says +{record.Added}/-{record.Deleted}";
            }
        }

        return recorded.Count > 0 ? $"the job's result record lists {recorded.Keys.Order(StringComparer.Ordinal).First()}, which its patch does not change" : null;
    }

    private static Task<string> Git(string repository, string[] args, IReadOnlyDictionary<string, string> env, string? stdin, CancellationToken cancellationToken) =>
        GitCli.RunAsync(repository, [.. Safety, .. args], env, stdin, cancellationToken);
}
