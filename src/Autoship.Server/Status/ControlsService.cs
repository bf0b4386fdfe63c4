using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Store;
using Autoship.Server.Hosting;
using Autoship.Server.Observation;

namespace Autoship.Server.Status;

/// <summary>Pause and resume from the dashboard: the same run-time switches as <c>autoship pause|resume [lane]</c>, recorded in the event log.</summary>
public sealed class ControlsService(ServerEngine engine, ObservationCache cache)
{
    /// <summary>Applies the change; throws <see cref="ArgumentException"/> with a plain message for a bad action or lane.</summary>
    public async Task<RuntimeControls> ApplyAsync(string? action, string? laneText, string who, CancellationToken cancellationToken)
    {
        var pause = action?.Trim().ToLowerInvariant() switch
        {
            "pause" => true,
            "resume" => false,
            _ => throw new ArgumentException($"'{action}' is not an action: expected pause or resume"),
        };
        Lane? lane = null;
        if (!string.IsNullOrWhiteSpace(laneText))
        {
            lane = LaneNames.TryParse(laneText, out var parsed) ? parsed : throw new ArgumentException($"'{laneText}' is not a lane: expected safe, staging or human (or A, B, C)");
        }

        var repo = engine.Forge.Name;
        var current = await engine.Store.GetControlsAsync(repo, cancellationToken);
        var next = lane is { } l
            ? current with { PausedLanes = pause ? current.PausedLanes.Append(l).Distinct().Order().ToList() : current.PausedLanes.Where(x => x != l).ToList() }
            : current with { KillSwitch = pause };
        await engine.Store.SetControlsAsync(repo, next, cancellationToken);
        var what = lane is { } named ? $"lane {named.Letter()} ({named.Name()})" : "everything (kill switch)";
        await engine.Store.AppendEventAsync(new StoredEvent(0, engine.Clock.GetUtcNow(), repo, "dashboard", null, null, pause ? "pause" : "resume",
            $"{(pause ? "paused" : "resumed")} {what} from the dashboard ({who})", [], "ok"), cancellationToken);
        cache.Invalidate();
        return next;
    }
}
