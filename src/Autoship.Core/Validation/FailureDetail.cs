namespace Autoship.Core;

/// <summary>
/// Why an attempt failed, in the failing log's own words: what ran (<see cref="Source"/> <c>validation</c> with the
/// command, or <c>ci</c> with the check's name), the last meaningful lines of its log (<see cref="LogTail"/>, redacted)
/// and where the whole log is (a path on the orchestrator's machine or the check's URL).
/// </summary>
public sealed record FailureDetail(string Source, string Name, IReadOnlyList<string> Tail, string Log)
{
    public const string Validation = "validation";

    public const string Ci = "ci";

    /// <summary>The attempt whose run failed; null for a check on a pull request.</summary>
    public int? Attempt { get; init; }

    /// <summary>"validation `scripts/test.sh` (attempt 2)" or "check ci".</summary>
    public string Title => Source == Ci ? $"check {Name}" : $"validation `{Name}`" + (Attempt is { } a ? $" (attempt {a})" : string.Empty);
}
