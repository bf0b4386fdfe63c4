namespace Autoship.Forge.GitHub;

/// <summary>One entry of a directory on the default branch: git mode (e.g. 0o100755) and text for small blobs.</summary>
public sealed record TreeEntry(string Name, int Mode, string? Text);
