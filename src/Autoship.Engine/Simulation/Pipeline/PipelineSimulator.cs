using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Core.Queue;

namespace Autoship.Engine.Simulation.Pipeline;

/// <summary>
/// A discrete-event capacity simulation of the whole pipeline that runs the REAL policy: at every tick (the
/// schedule, and every event, as webhooks wake the loop) it builds the <see cref="PlanInput"/> the reconciler builds,
/// calls <see cref="Planner.Plan"/> (triage, lanes, claims, dispatch, the gate, fixes forward) and applies the plan's
/// actions to a simulated forge; a merge enters the merge queue, which the real <see cref="MergeQueuePolicy"/> runs on
/// simulated CI runners. Simulated time, a seeded random source, no I/O: the same settings give the same run.
/// </summary>
public sealed partial class PipelineSimulator
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly PipelineSettings settings;
    private readonly SimulatedWorld world;
    private readonly Random random;
    private readonly Random arrivals;
    private readonly PriorityQueue<Action, (DateTimeOffset, long)> events = new();
    private readonly DateTimeOffset end;
    private readonly DateTimeOffset measureFrom;
    private readonly int[] hourlyMerges;
    private readonly int[] hourlyQueue;
    private long sequence;
    private DateTimeOffset now = Start;
    private int nextIssue = 1;
    private int nextPullRequest = 1000;
    private int ticks;
    private int deferred;
    private int attempts;
    private int humanReviews;
    private int measuredHumanReviews;
    private double busyMinutes;

    private PipelineSimulator(PipelineSettings settings)
    {
        this.settings = settings;
        world = new SimulatedWorld(ConfigFor(settings));
        random = new Random(settings.Seed);
        arrivals = new Random(settings.Seed ^ 0x2545F491);
        end = Start.AddHours(settings.Hours);
        measureFrom = Start.AddHours(Math.Min(settings.WarmupHours, settings.Hours / 2));
        hourlyMerges = new int[Math.Max(1, (int)Math.Ceiling(settings.Hours))];
        hourlyQueue = new int[hourlyMerges.Length];
    }

    public static PipelineResult Run(PipelineSettings settings) => new PipelineSimulator(settings).Run();

    /// <summary>The default configuration with the run's overrides (loop.maxConcurrent, agents' maxConcurrent, batch sizes).</summary>
    public static AutoshipConfig ConfigFor(PipelineSettings s)
    {
        var config = DefaultConfig.Load();
        var loop = s.MaxConcurrent is { } m ? config.Loop with { MaxConcurrent = m } : config.Loop;
        var agents = s.AgentSlots is { } slots ? config.Agents.Select(a => a with { MaxConcurrent = slots }).ToList() : config.Agents;
        var lanes = s.BatchSize is { } b ? config.Lanes.ToDictionary(l => l.Key, l => l.Value with { QueueBatchSize = b }) : config.Lanes;
        return config with { Loop = loop, Agents = agents, Lanes = lanes };
    }

    private PipelineResult Run()
    {
        At(Start.AddMinutes(Exponential(arrivals, 60 / settings.ArrivalsPerHour)), Arrive);
        At(Start, ScheduledTick);
        while (events.TryPeek(out _, out var key) && key.Item1 < end)
        {
            now = key.Item1;
            while (events.TryPeek(out _, out var next) && next.Item1 == now)
            {
                events.Dequeue()();
            }

            Tick();
        }

        now = end;
        return Result();
    }

    private void At(DateTimeOffset at, Action action) => events.Enqueue(action, (at, sequence++));

    private void ScheduledTick() => At(now.AddMinutes(settings.TickMinutes), ScheduledTick);

    private void Arrive()
    {
        var draw = arrivals.NextDouble();
        var lane = draw < settings.SafeShare ? Lane.Safe : draw < settings.SafeShare + settings.StagingShare ? Lane.Staging : Lane.Human;
        // Capped per lane, so that a lane the dispatch order serves last cannot fill the backlog and starve the others of arrivals.
        var share = lane switch { Lane.Safe => settings.SafeShare, Lane.Staging => settings.StagingShare, _ => settings.HumanShare };
        if (world.Backlog(lane) < Math.Max(1, Math.Ceiling(settings.MaxBacklog * share)))
        {
            world.Arrive(nextIssue++, lane, now);
        }
        else
        {
            deferred++;
        }

        At(now.AddMinutes(Exponential(arrivals, 60 / settings.ArrivalsPerHour)), Arrive);
    }

    /// <summary>One pass of the loop: observe the simulated forge, plan with the real planner, apply, run the queue.</summary>
    private void Tick()
    {
        ticks++;
        var plan = Planner.Plan(world.Input(now));
        foreach (var action in plan.Actions)
        {
            Apply(action);
        }

        PumpQueue();
        PumpCi();
        var hour = Hour(now);
        hourlyQueue[hour] = Math.Max(hourlyQueue[hour], queue.Count);
    }

    private int Hour(DateTimeOffset at) => Math.Clamp((int)(at - Start).TotalHours, 0, hourlyMerges.Length - 1);

    private bool Measured(DateTimeOffset at) => at >= measureFrom;

    /// <summary>Uniform within ±50% of the mean: agents vary, but never take no time or a whole day.</summary>
    private double Around(double mean) => mean * (0.5 + random.NextDouble());

    private static double Exponential(Random r, double mean) => -mean * Math.Log(1 - r.NextDouble());

    /// <summary>Minutes of [from, to] inside the measured window.</summary>
    private double MeasuredMinutes(DateTimeOffset from, DateTimeOffset to)
    {
        var a = from < measureFrom ? measureFrom : from;
        var b = to > end ? end : to;
        return b > a ? (b - a).TotalMinutes : 0;
    }
}
