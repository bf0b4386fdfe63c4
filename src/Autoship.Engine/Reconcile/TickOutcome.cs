using System.Text.Json.Serialization;
using Autoship.Core;

namespace Autoship.Engine.Reconcile;

/// <summary>How one tick ended. The wire names are the ticks table's <c>outcome</c> column and the <c>tick --json</c> outcome.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TickOutcome>))]
public enum TickOutcome
{
    [JsonStringEnumMemberName("done")] Done,
    [JsonStringEnumMemberName("dry-run")] DryRun,

    /// <summary>Another orchestrator holds the lease: the tick did nothing.</summary>
    [JsonStringEnumMemberName("lease-busy")] LeaseBusy,
    [JsonStringEnumMemberName("cancelled")] Cancelled,

    /// <summary>Stored as <c>failed: MESSAGE</c> (see <see cref="TickOutcomes.Text"/>).</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}

/// <summary>The stored text of a tick's outcome.</summary>
public static class TickOutcomes
{
    public static string Text(TickOutcome outcome, string? failure = null) =>
        outcome == TickOutcome.Failed && failure is not null ? $"{outcome.Wire()}: {failure}" : outcome.Wire();
}
