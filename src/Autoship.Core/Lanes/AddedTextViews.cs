namespace Autoship.Core;

/// <summary>
/// The added-text views (<see cref="AddedText.Views"/>) of one change's files, built the first time a content rule
/// reads a file and kept for every later rule — the raising rules of the lane and the forbidding rules of the
/// guardrails read the same change.
/// </summary>
internal sealed class AddedTextViews(IReadOnlyList<ChangedFile> files)
{
    private readonly string[]?[] _views = new string[]?[files.Count];

    public IReadOnlyList<ChangedFile> Files { get; } = files;

    public string[] Of(int index) => _views[index] ??= [.. AddedText.Views(Files[index].AddedLines)];
}
