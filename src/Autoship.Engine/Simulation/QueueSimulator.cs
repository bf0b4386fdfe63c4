using Autoship.Core;
using Autoship.Core.Queue;

namespace Autoship.Engine.Simulation;

/// <summary>
/// A discrete-event simulation of one base branch's merge queue that runs the real <see cref="MergeQueuePolicy"/>
/// (order, batching, bisection, ejection) over simulated time. Events are arrivals and finished validations; between
/// them the policy is asked what to do next, exactly as the local forge asks it after every recorded result. main
/// only ever moves to a validated candidate, so its red minutes come from flaky passes of a breaking change only.
/// </summary>
public static class QueueSimulator
{
    public static SimulationResult Run(SimulationSettings s)
    {
        // Separate streams: every run of one seed sees the same arrivals and breaks, whatever its batch size.
        var random = new Random(s.Seed);
        var flakes = new Random(s.Seed ^ 0x5F3759DF);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddHours(s.Hours);
        var settings = new MergeQueueSettings(s.BatchSize, s.Wait);
        var queue = new List<MergeQueueEntry>();
        var partner = new Dictionary<int, int>();
        var mergedSet = new HashSet<int>();
        var results = new List<BatchResult>();
        var waits = new List<double>();
        var hourly = new int[(int)Math.Ceiling(s.Hours)];
        var lengths = new int[hourly.Length];
        var (arrived, ejected, innocentEjected, validations, baseVersion) = (0, 0, 0, 0, 0);
        var redMinutes = 0.0;
        var brokenMainSince = (DateTimeOffset?)null;
        var nextArrival = start.AddMinutes(Exponential(random, 60.0 / s.ArrivalsPerHour));
        (DateTimeOffset At, QueueTest Test)? running = null;
        var now = start;
        while (now < end)
        {
            // Ask the policy until it must wait for time to pass (a validation to finish, an arrival, the wait to end).
            while (running is null)
            {
                var baseSha = "base" + baseVersion;
                var step = MergeQueuePolicy.Next(queue, baseSha, results, _ => settings, now);
                if (step is QueueTest test)
                {
                    running = (now.AddMinutes(s.CiMinutes), test);
                }
                else if (step is QueueMerge merge)
                {
                    foreach (var e in merge.Batch)
                    {
                        waits.Add((now - e.EnqueuedAt).TotalMinutes);
                        queue.Remove(e);
                        hourly[Hour(start, now, hourly.Length)]++;
                        mergedSet.Add(e.PullRequest);
                    }

                    if (Broken(partner, mergedSet))
                    {
                        brokenMainSince ??= now;
                    }

                    baseVersion++;
                }
                else if (step is QueueEject eject)
                {
                    queue.Remove(eject.Entry);
                    ejected++;
                    innocentEjected += Broken(partner, [.. mergedSet, eject.Entry.PullRequest]) ? 0 : 1;
                }
                else
                {
                    break;
                }
            }

            var wake = new[] { nextArrival, running?.At ?? end, end, NextDue(queue, settings, now) ?? end }.Min();
            lengths[Hour(start, now, lengths.Length)] = Math.Max(lengths[Hour(start, now, lengths.Length)], queue.Count);
            now = wake;
            if (running is { } r && r.At <= now)
            {
                validations++;
                var broken = Broken(partner, [.. mergedSet, .. r.Test.Batch.Select(e => e.PullRequest)]);
                var flaked = flakes.NextDouble() < s.FlakeRate;
                results.Add(new BatchResult(results.Count + 1, "base" + baseVersion, [.. r.Test.Batch.Select(e => e.PullRequest)], !broken && !flaked, broken ? "breaks" : flaked ? "flake" : string.Empty));
                running = null;
            }

            if (nextArrival <= now && now < end)
            {
                arrived++;
                var (breakDraw, pick) = (random.NextDouble(), random.NextDouble());
                if (queue.Count > 0 && breakDraw < s.BreakRate)
                {
                    // Passes alone, breaks together with one change already waiting.
                    partner[arrived] = queue[(int)(pick * queue.Count)].PullRequest;
                }

                queue.Add(new MergeQueueEntry(arrived, "h" + arrived, Lane.Safe, now));

                nextArrival = now.AddMinutes(Exponential(random, 60.0 / s.ArrivalsPerHour));
            }

        }

        // Measured, not assumed: minutes from the first merge that left a breaking pair on main to the end of the run.
        redMinutes = brokenMainSince is { } since ? (end - since).TotalMinutes : 0;

        var merged = waits.Count;
        waits.Sort();
        return new SimulationResult(s, arrived, merged, ejected, innocentEjected, validations, merged / s.Hours, merged / s.Hours * 24,
            waits.Count == 0 ? 0 : waits.Average(), waits.Count == 0 ? 0 : waits[(int)Math.Floor(0.9 * (waits.Count - 1))], lengths.Max(), redMinutes,
            [.. hourly.Select((m, i) => new SimulationHour(i, m, lengths[i]))]);
    }

    private static bool Broken(Dictionary<int, int> partner, IReadOnlyCollection<int> present) =>
        present.Any(n => partner.TryGetValue(n, out var other) && present.Contains(other));

    private static DateTimeOffset? NextDue(List<MergeQueueEntry> queue, MergeQueueSettings settings, DateTimeOffset now) =>
        queue.Count == 0 ? null : queue.Min(e => e.EnqueuedAt) + settings.Wait is var due && due > now ? due : null;

    private static int Hour(DateTimeOffset start, DateTimeOffset now, int hours) => Math.Clamp((int)(now - start).TotalHours, 0, hours - 1);

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}
