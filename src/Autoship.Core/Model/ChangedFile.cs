namespace Autoship.Core;

public enum ChangeKind
{
    Added,
    Modified,
    Deleted,
    Renamed,
}

/// <summary>One file of a diff. <see cref="AddedLines"/> holds the added text so content rules can read it.</summary>
public sealed record ChangedFile(
    string Path,
    int Added,
    int Deleted,
    ChangeKind Kind = ChangeKind.Modified,
    bool Binary = false,
    long SizeBytes = 0,
    string? SymlinkTarget = null,
    string? OldPath = null)
{
    public IReadOnlyList<string> AddedLines { get; init; } = [];

    public int ChangedLines => Added + Deleted;
}
