using System.Text.Json.Serialization;

namespace Autoship.Core.Planning;

/// <summary>
/// What Autoship remembers about an item, kept on the forge itself (a hidden JSON block in the one Autoship
/// comment on the issue) so that losing the store loses history, never correctness.
/// </summary>
public sealed record ItemMemory(
    ItemPhase Phase,
    string? Agent,
    string? Reviewer,
    int Attempt,
    DateTimeOffset? ClaimedAt,
    [property: JsonConverter(typeof(LaneWireConverter))] Lane? Lane,
    IReadOnlyList<Reason> Reasons)
{
    public const string Marker = "<!-- autoship:item -->";

    /// <summary>After a failed attempt, the next one does not start before this time (exponential backoff).</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    /// <summary>Deterministic refusals of this item so far (the second blocks it: see <see cref="FailurePolicy"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Refusals { get; init; }

    /// <summary>The job running the claimed attempt (executors other than inline), or null.</summary>
    public JobNote? Job { get; init; }

    public static ItemMemory Empty { get; } = new(ItemPhase.New, null, null, 0, null, null, []);
}
