using System.Text.Json.Serialization;

namespace Autoship.Core.Planning;

/// <summary>
/// Where an item stands, as Autoship reports it (CLI, dashboard, comment) and remembers it (<see cref="ItemMemory"/>).
/// The wire names are stored in issue comments: never rename one.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ItemPhase>))]
public enum ItemPhase
{
    /// <summary>Nothing remembered yet (the memory of an item Autoship has not written about).</summary>
    [JsonStringEnumMemberName("new")] New,
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("skipped")] Skipped,
    [JsonStringEnumMemberName("claimed")] Claimed,
    [JsonStringEnumMemberName("pr-open")] PullRequest,
    [JsonStringEnumMemberName("held")] Held,
    [JsonStringEnumMemberName("merged")] Merged,
    [JsonStringEnumMemberName("released")] Released,
    [JsonStringEnumMemberName("blocked")] Blocked,
    [JsonStringEnumMemberName("refused")] Refused,
    [JsonStringEnumMemberName("stopped")] Stopped,
    [JsonStringEnumMemberName("paused")] Paused,

    /// <summary>Explain only: the issue is open but carries no autonomy:* label.</summary>
    [JsonStringEnumMemberName("not-observed")] NotObserved,

    /// <summary>Explain only: the issue is closed and Autoship remembers nothing about it.</summary>
    [JsonStringEnumMemberName("closed")] Closed,
}
