using Autoship.Core;
using Autoship.Forge.Git;

namespace Autoship.Forge.Local;

/// <summary>Reads a diff between two commits of a repository into <see cref="ChangedFile"/>s, with the added lines.</summary>
internal static class LocalDiff
{
    public static async Task<IReadOnlyList<ChangedFile>> ChangedFilesAsync(string repository, string from, string to, CancellationToken cancellationToken) =>
        (await GitDiffReader.ReadAsync(repository, [from, to], renames: true, env: null, config: [], cancellationToken)).Files;
}
