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

    /// <summary>
    /// True when the reader of the diff could not read this text file's added lines (a path it could not match, a
    /// patch the forge truncated): the guardrails refuse the change rather than judge content they never saw.
    /// </summary>
    public bool AddedTextUnread { get; init; }

    /// <summary>
    /// True for a submodule's commit pointer (a gitlink, mode 160000) on either side of the change: which code it
    /// brings in cannot be judged from the diff, so it is lane C.
    /// </summary>
    public bool Submodule { get; init; }

    public int ChangedLines => Added + Deleted;
}
