using System.Globalization;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Store;

namespace Autoship.Engine.Reconcile;

/// <summary>
/// An agent paused after model-provider errors (<see cref="FailurePolicy"/>), kept as a store setting per agent:
/// until when, how many provider failures in a row (for the backoff), and why. Losing the store only ends a pause early.
/// </summary>
public static class AgentPauses
{
    public sealed record Pause(DateTimeOffset Until, int Consecutive, string Why);

    private static string Key(string agent) => "agent-pause:" + agent;

    public static async Task<Pause> ReadAsync(IStateStore store, string repository, string agent, CancellationToken cancellationToken)
    {
        var text = await store.GetSettingAsync(repository, Key(agent), cancellationToken);
        var parts = text?.Split('|', 3);
        return parts is { Length: 3 } && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var until)
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n)
            ? new Pause(until, n, parts[2])
            : new Pause(DateTimeOffset.MinValue, 0, string.Empty);
    }

    public static Task WriteAsync(IStateStore store, string repository, string agent, Pause pause, CancellationToken cancellationToken) =>
        store.SetSettingAsync(repository, Key(agent), string.Create(CultureInfo.InvariantCulture, $"{pause.Until:O}|{pause.Consecutive}|{pause.Why}"), cancellationToken);

    /// <summary>A run of the agent reached the model: the backoff starts over.</summary>
    public static Task ClearAsync(IStateStore store, string repository, string agent, CancellationToken cancellationToken) =>
        store.SetSettingAsync(repository, Key(agent), string.Empty, cancellationToken);

    /// <summary>The wait reason while the pause lasts, else null.</summary>
    public static Reason? Active(Pause pause, DateTimeOffset now) =>
        pause.Until > now ? new Reason(FailurePolicy.ProviderPaused, $"paused until {pause.Until:yyyy-MM-dd HH:mm} UTC after {Plural.Of(pause.Consecutive, "model-provider error")} in a row: {pause.Why}") : null;
}
