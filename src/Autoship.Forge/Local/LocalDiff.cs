using Autoship.Core;
using Autoship.Forge.Git;

namespace Autoship.Forge.Local;

/// <summary>Reads a diff between two commits of a repository into <see cref="ChangedFile"/>s, with the added lines.</summary>
internal static class LocalDiff
{
    public static async Task<IReadOnlyList<ChangedFile>> ChangedFilesAsync(string repository, string from, string to, CancellationToken cancellationToken) =>
        (await ReadAsync(repository, from, to, cancellationToken)).Files;

    /// <summary>The whole diff, with the symlinks of the head tree so that chains of links resolve as on the branch.</summary>
    public static Task<GitDiff> ReadAsync(string repository, string from, string to, CancellationToken cancellationToken) =>
        GitDiffReader.ReadAsync(repository, [from, to], renames: true, env: null, config: [], cancellationToken);
}
