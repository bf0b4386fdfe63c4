using System.Text.Json.Serialization;

namespace Autoship.Engine.Reconcile;

/// <summary>How one applied action ended. The wire names are the event log's <c>outcome</c> column: never rename one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionOutcome>))]
public enum ActionOutcome
{
    [JsonStringEnumMemberName("ok")] Ok,

    /// <summary>A merge was added to the forge's merge queue instead of merging at once.</summary>
    [JsonStringEnumMemberName("enqueued")] Enqueued,

    /// <summary>The forge or the agent failed; the next pass decides again.</summary>
    [JsonStringEnumMemberName("failed")] Failed,

    /// <summary>Refused on purpose (guardrails, the forge refused a merge, no distinct reviewer).</summary>
    [JsonStringEnumMemberName("refused")] Refused,

    /// <summary>Not applied: the world changed since it was planned, or this orchestrator does not apply it.</summary>
    [JsonStringEnumMemberName("skipped")] Skipped,

    /// <summary>A dry run's planned action, not applied.</summary>
    [JsonStringEnumMemberName("planned")] Planned,
}
