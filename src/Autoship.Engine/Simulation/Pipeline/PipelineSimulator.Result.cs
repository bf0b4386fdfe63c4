using Autoship.Core;

namespace Autoship.Engine.Simulation.Pipeline;

public sealed partial class PipelineSimulator
{
    private PipelineResult Result()
    {
        var items = world.Items.Values.ToList();
        var merged = items.Count(i => i.Merged);
        var blocked = items.Count(i => !i.Merged && Labels.Has(i.Labels, Labels.Blocked));
        var inFlight = items.Count(i => !i.Merged && !Labels.Has(i.Labels, Labels.Blocked) && (world.Running.Contains(i.Number) || i.OpenPullRequest is not null));
        var measuredHours = (end - measureFrom).TotalHours;
        var measuredMerges = hourlyMerges.Where((_, h) => Start.AddHours(h) >= measureFrom).Sum();
        var busy = busyMinutes + jobStarts.Values.Sum(at => MeasuredMinutes(at, end));
        var slots = PipelineLimits.AgentSlots(world.Config);
        waits.Sort();
        var lanes = new[] { Lane.Safe, Lane.Staging, Lane.Human }
            .Select(l => new PipelineLane(l.Name(), items.Count(i => i.Lane == l), items.Count(i => i.Lane == l && i.Merged)))
            .ToList();
        return new PipelineResult(
            settings, PipelineLimits.For(settings, world.Config), items.Count, merged, blocked, items.Count - merged - blocked - inFlight, inFlight,
            measuredMerges / measuredHours, measuredMerges / measuredHours * 24,
            waits.Count == 0 ? 0 : waits.Average(), waits.Count == 0 ? 0 : waits[(int)Math.Floor(0.9 * (waits.Count - 1))],
            hourlyQueue.Max(), busy / (slots * measuredHours * 60), humanReviews, measuredHumanReviews / measuredHours * 24,
            redSince is { } since ? (end - since).TotalMinutes : 0, attempts, validations, ejected, ticks, lanes,
            [.. hourlyMerges.Select((m, h) => new SimulationHour(h, m, hourlyQueue[h]))])
        {
            Deferred = deferred,
            MergedTwice = mergedTwice,
            HumanLaneMergedUnapproved = humanLaneUnapproved,
        };
    }
}
