using Autoship.Core;

namespace Autoship.Agents;

/// <summary>A diff against the base commit: its files, the full patch, and the tree that holds exactly it.</summary>
public sealed record WorktreeDiff(IReadOnlyList<ChangedFile> Files, string Patch, string? Tree)
{
    /// <summary>Paths recorded as nested repositories (submodule entries); agents may not add them.</summary>
    public IReadOnlyList<string> Gitlinks { get; init; } = [];

    public string Digest => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Patch)));

    public string Stat => $"{Plural.Of(Files.Count, "file")} changed, +{Files.Sum(f => f.Added)} -{Files.Sum(f => f.Deleted)}";
}
