using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Measures a diff: added + deleted lines, not counting generated files.</summary>
public static class SizingPolicy
{
    /// <param name="gitAttributes">The text of the repository's <c>.gitattributes</c>; files marked <c>linguist-generated</c> there are not counted.</param>
    public static SizeDecision Measure(IReadOnlyList<ChangedFile> files, SizingSettings settings, string? gitAttributes) => throw new NotImplementedException();
}
