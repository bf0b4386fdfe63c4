namespace Autoship.Core.Config;

/// <summary>
/// One file <c>autoship init</c> writes. <paramref name="OnlyIfMissing"/> files are never replaced,
/// not even with <c>--force</c> (the repository's own test script is its truth).
/// </summary>
public sealed record InitFile(string Path, string Content, bool Executable, bool OnlyIfMissing);
