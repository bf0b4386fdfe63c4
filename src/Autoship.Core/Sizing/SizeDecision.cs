namespace Autoship.Core;

/// <summary>The size of a diff: counted lines (added + deleted, generated files excluded) and its class.</summary>
public sealed record SizeDecision(SizeClass Size, int CountedLines, IReadOnlyList<string> ExcludedFiles, IReadOnlyList<Reason> Reasons);
