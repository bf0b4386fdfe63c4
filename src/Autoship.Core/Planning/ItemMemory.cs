namespace Autoship.Core.Planning;

/// <summary>
/// What Autoship remembers about an item, kept on the forge itself (a hidden JSON block in the one Autoship
/// comment on the issue) so that losing the store loses history, never correctness.
/// </summary>
public sealed record ItemMemory(
    string Phase,
    string? Agent,
    string? Reviewer,
    int Attempt,
    DateTimeOffset? ClaimedAt,
    string? Lane,
    IReadOnlyList<Reason> Reasons)
{
    public const string Marker = "<!-- autoship:item -->";

    /// <summary>After a failed attempt, the next one does not start before this time (exponential backoff).</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    public static ItemMemory Empty { get; } = new("new", null, null, 0, null, null, []);
}
