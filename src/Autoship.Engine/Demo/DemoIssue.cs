namespace Autoship.Engine.Demo;

/// <summary>
/// One issue the demo files: who files it, its labels, and the change (a file edit turned into a ```diff block
/// that the built-in patch agent applies). <see cref="Shows"/> says which path of the seed it exercises.
/// </summary>
public sealed record DemoIssue(
    string Key,
    string Title,
    string Shows,
    IReadOnlyList<string> Labels,
    IReadOnlyList<DemoEdit> Edits,
    string? Evidence = null,
    string Author = "maintainer");

/// <summary>Replace <see cref="Find"/> by <see cref="Replace"/> in <see cref="Path"/> (a new file when Find is empty).</summary>
public sealed record DemoEdit(string Path, string Find, string Replace);
