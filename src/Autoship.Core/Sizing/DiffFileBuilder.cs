using System.Globalization;

namespace Autoship.Core;

/// <summary>Accumulates one file of a diff while its header and hunks are read.</summary>
internal sealed class DiffFileBuilder
{
    private const string SymlinkMode = "120000";

    private readonly List<string> _added = [];
    private string? _oldPath;
    private string? _newPath;
    private bool _isNew;
    private bool _isDeleted;
    private bool _renamed;
    private bool _symlink;
    private bool _binary;
    private long _binarySize;
    private bool _readingBinary;

    public bool SawPaths { get; private set; }

    public int Deleted { get; set; }

    public static DiffFileBuilder FromGitHeader(string text)
    {
        var (old, @new) = DiffPaths.FromGitHeader(text);
        return new DiffFileBuilder { _oldPath = old, _newPath = @new };
    }

    public void SetPaths(string? old, string? @new)
    {
        SawPaths = true;
        _isNew |= old is null;
        _isDeleted |= @new is null;
        _oldPath = old ?? _oldPath;
        _newPath = @new ?? _newPath;
    }

    public void AddLine(string text) => _added.Add(text);

    public void Header(string line)
    {
        if (line.StartsWith("new file mode ", StringComparison.Ordinal))
        {
            _isNew = true;
            _symlink |= line.EndsWith(SymlinkMode, StringComparison.Ordinal);
        }
        else if (line.StartsWith("new mode ", StringComparison.Ordinal))
        {
            _symlink |= line.EndsWith(SymlinkMode, StringComparison.Ordinal);
        }
        else if (line.StartsWith("deleted file mode ", StringComparison.Ordinal))
        {
            _isDeleted = true;
        }
        else if (line.StartsWith("rename from ", StringComparison.Ordinal) || line.StartsWith("copy from ", StringComparison.Ordinal))
        {
            _renamed = true;
            _oldPath = DiffPaths.Plain(line[(line.IndexOf(" from ", StringComparison.Ordinal) + 6)..]);
        }
        else if (line.StartsWith("rename to ", StringComparison.Ordinal) || line.StartsWith("copy to ", StringComparison.Ordinal))
        {
            _renamed = true;
            _newPath = DiffPaths.Plain(line[(line.IndexOf(" to ", StringComparison.Ordinal) + 4)..]);
        }
        else if (line.StartsWith("Binary files ", StringComparison.Ordinal) || line == "GIT binary patch")
        {
            _binary = true;
            _readingBinary = line == "GIT binary patch";
        }
        else if (_readingBinary && (line.StartsWith("literal ", StringComparison.Ordinal) || line.StartsWith("delta ", StringComparison.Ordinal)))
        {
            // The first block is the new content: "literal N" is its size in bytes ("delta N" only the size of the delta).
            if (long.TryParse(line[(line.IndexOf(' ') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                _binarySize = size;
            }

            _readingBinary = false;
        }
    }

    public ChangedFile? Build()
    {
        var path = _isDeleted ? _oldPath ?? _newPath : _newPath ?? _oldPath;
        if (path is null)
        {
            return null;
        }

        var kind = _isNew ? ChangeKind.Added
            : _isDeleted ? ChangeKind.Deleted
            : _renamed && _oldPath != _newPath ? ChangeKind.Renamed
            : ChangeKind.Modified;
        var target = _symlink && !_isDeleted ? string.Concat(_added) : null;
        return new ChangedFile(
            path,
            _binary ? 0 : _added.Count,
            _binary ? 0 : Deleted,
            kind,
            _binary,
            _binary ? _binarySize : 0,
            target,
            kind == ChangeKind.Renamed ? _oldPath : null)
        {
            AddedLines = _binary ? [] : [.. _added],
        };
    }
}
