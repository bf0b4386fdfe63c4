using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Measures a diff: added + deleted lines, not counting generated files.</summary>
public static class SizingPolicy
{
    /// <param name="files">The changed files of the diff.</param>
    /// <param name="settings">Thresholds and the configuration's own generated-file globs.</param>
    /// <param name="gitAttributes">The repository's <c>.gitattributes</c> files (null: none); files marked <c>linguist-generated</c> there are not counted.</param>
    public static SizeDecision Measure(IReadOnlyList<ChangedFile> files, SizingSettings settings, GitAttributeFiles? gitAttributes)
    {
        var attributes = GitAttributes.Of(gitAttributes ?? GitAttributeFiles.None);
        var excluded = new List<string>();
        var counted = 0;
        foreach (var file in files)
        {
            if (attributes.IsGenerated(file.Path) || GlobMatcher.MatchesAny(file.Path, settings.Generated))
            {
                excluded.Add(file.Path);
                continue;
            }

            counted += file.ChangedLines;
        }

        var size = ClassOf(counted, settings);
        var message = $"{counted} changed {(counted == 1 ? "line" : "lines")} (added + deleted) across {files.Count - excluded.Count} {(files.Count - excluded.Count == 1 ? "file" : "files")}: size {size.Name()}";
        if (excluded.Count > 0)
        {
            message += $"; generated files not counted: {Lists.Few(excluded)}";
        }

        return new SizeDecision(size, counted, excluded, Because.One("size", message));
    }

    /// <summary>The first class whose threshold the count is below; <see cref="SizeClass.XL"/> when none.</summary>
    public static SizeClass ClassOf(int lines, SizingSettings settings) =>
        lines < settings.Xs ? SizeClass.XS
        : lines < settings.S ? SizeClass.S
        : lines < settings.M ? SizeClass.M
        : lines < settings.L ? SizeClass.L
        : SizeClass.XL;
}
