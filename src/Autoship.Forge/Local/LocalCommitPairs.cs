using System.Collections.Concurrent;
using System.Globalization;
using Autoship.Core;

namespace Autoship.Forge.Local;

/// <summary>
/// What a pull request's base and head commits say about each other: the changed files (diff from the merge base),
/// how far the head is behind and whether the two merge cleanly. Commits never change, so each pair is computed
/// once per process (for every forge opened on the same repository) instead of with five git processes per pull
/// request per observation.
/// </summary>
internal static class LocalCommitPairs
{
    public sealed record Facts(IReadOnlyList<ChangedFile> Files, IReadOnlyDictionary<string, string> TreeLinks, int Behind, bool Mergeable, IReadOnlyList<string> ConflictPaths);

    private const int Capacity = 2048;

    private static readonly ConcurrentDictionary<(string Repository, string Base, string Head), Facts> Cache = new();

    public static bool IsCached(string repository, string baseSha, string head) => Cache.ContainsKey((repository, baseSha, head));

    public static async Task<Facts> GetAsync(LocalGit git, string baseSha, string head, CancellationToken cancellationToken)
    {
        var key = (git.BareRepository, baseSha, head);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        IReadOnlyList<ChangedFile> files = [];
        IReadOnlyDictionary<string, string> links = new Dictionary<string, string>();
        var mergeBase = await git.TryGitAsync(["merge-base", baseSha, head], cancellationToken);
        if (mergeBase.Ok)
        {
            var diff = await LocalDiff.ReadAsync(git.BareRepository, mergeBase.Stdout.Trim(), head, cancellationToken);
            (files, links) = (diff.Files, diff.TreeLinks);
        }

        var behind = int.Parse(await git.GitAsync(["rev-list", "--count", $"{head}..{baseSha}"], cancellationToken), CultureInfo.InvariantCulture);
        // Exit 1 with the tree's id and then the conflicted paths, one a line, when git cannot merge the two cleanly.
        var merge = await git.TryGitAsync(["merge-tree", "--write-tree", "--name-only", "--no-messages", baseSha, head], cancellationToken);
        var conflicts = merge.Ok ? [] : merge.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Distinct(StringComparer.Ordinal).ToList();
        var facts = new Facts(files, links, behind, merge.Ok, conflicts);
        if (Cache.Count >= Capacity)
        {
            Cache.Clear();
        }

        Cache[key] = facts;
        return facts;
    }
}
