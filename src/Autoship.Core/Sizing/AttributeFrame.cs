namespace Autoship.Core;

/// <summary>The pattern lines of one <c>.gitattributes</c> and the directory they are relative to (<c>""</c>: the root).</summary>
internal sealed record AttributeFrame(string Directory, IReadOnlyList<AttributeRule> Rules)
{
    /// <summary>The path relative to <see cref="Directory"/>; null when the file is not below it (its patterns never reach it).</summary>
    public string? Relative(string path) =>
        Directory.Length == 0 ? path
        : path.Length > Directory.Length + 1 && path[Directory.Length] == '/' && path.StartsWith(Directory, StringComparison.Ordinal) ? path[(Directory.Length + 1)..]
        : null;
}
