using System.CommandLine;
using Autoship.Cli.Context;
using Autoship.Engine.Simulation;
using Autoship.Engine.Simulation.Pipeline;

namespace Autoship.Cli.Commands;

/// <summary>The options of <c>simulate</c>; unset ones take the defaults of the mode that runs (pipeline or <c>--queue-only</c>).</summary>
internal sealed class SimulateOptions
{
    private static readonly PipelineSettings P = new();
    private static readonly SimulationSettings Q = new();

    public Option<bool> QueueOnly { get; } = new("--queue-only") { Description = "Simulate the merge queue alone (serial vs batched), as before the pipeline simulator." };

    public Option<double?> Hours { get; } = new("--hours") { Description = $"Simulated time in hours (default {P.Hours}; queue-only {Q.Hours})." };

    public Option<double?> Arrivals { get; } = new("--arrivals") { Description = $"Issues made ready per hour, Poisson (default {P.ArrivalsPerHour}; queue-only: PRs the gate allows, {Q.ArrivalsPerHour})." };

    public Option<double?> CiMinutes { get; } = new("--ci-minutes") { Description = $"How long one CI run takes (default {P.CiMinutes})." };

    public Option<double?> Flake { get; } = new("--flake-rate") { Description = $"Chance that a good CI run fails anyway, 0..1 (default {P.FlakeRate}; queue-only {Q.FlakeRate})." };

    public Option<double?> Breaks { get; } = new("--break-rate") { Description = $"Chance that a PR passes alone but breaks together with one already open, 0..1 (default {P.BreakRate})." };

    public Option<int?> Batch { get; } = new("--batch-size") { Description = "Every lane's merge-queue batch size (default: each lane's queueBatchSize, 4/2/1; queue-only 4)." };

    public Option<int?> Seed { get; } = new("--seed") { Description = "Seed of the random source (same seed, same run; default 1)." };

    public Option<FileInfo?> Svg { get; } = new("--svg") { Description = "Write a plot (throughput and queue length over time, batched vs serial) to this SVG file." };

    public Option<string?> Lanes { get; } = new("--lanes") { Description = "Share of arrivals per lane A,B,C in percent (default 70,20,10)." };

    public Option<double?> Tick { get; } = new("--tick-minutes") { Description = $"The scheduled tick; events also wake the loop (default {P.TickMinutes})." };

    public Option<double?> AgentMinutes { get; } = new("--agent-minutes") { Description = $"Mean minutes of one author attempt (default {P.AgentMinutes})." };

    public Option<double?> AgentSuccess { get; } = new("--agent-success") { Description = $"Chance that an attempt produces a change, 0..1 (default {P.AgentSuccessRate})." };

    public Option<double?> ReviewMinutes { get; } = new("--review-minutes") { Description = $"Mean minutes of one reviewer-agent run (default {P.ReviewMinutes})." };

    public Option<double?> Approve { get; } = new("--approve-rate") { Description = $"Chance that the reviewer agent approves, 0..1 (default {P.ApproveRate})." };

    public Option<int?> CiSlots { get; } = new("--ci-slots") { Description = $"CI runners shared by PR checks and queue candidates (default {P.CiSlots})." };

    public Option<double?> HumanMinutes { get; } = new("--human-minutes") { Description = $"Mean minutes until a person reviews a lane C PR (default {P.HumanLatencyMinutes})." };

    public Option<int?> MaxConcurrent { get; } = new("--max-concurrent") { Description = "loop.maxConcurrent: agents running at once (default: the configuration's, 2)." };

    public Option<int?> AgentSlots { get; } = new("--agent-slots") { Description = "Every agent's maxConcurrent (default: the configuration's, 1)." };

    public Option<double?> Warmup { get; } = new("--warmup") { Description = $"Hours before rates are measured (default {P.WarmupHours}, or a sixth of a shorter --hours)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { QueueOnly, Hours, Arrivals, Lanes, Tick, AgentMinutes, AgentSuccess, ReviewMinutes, Approve, CiMinutes, Flake, CiSlots,
                     HumanMinutes, Breaks, MaxConcurrent, AgentSlots, Batch, Warmup, Seed, Svg })
        {
            command.Options.Add(option);
        }
    }

    public SimulationSettings Queue(ParseResult p)
    {
        var s = new SimulationSettings(p.GetValue(Hours) ?? Q.Hours, p.GetValue(Arrivals) ?? Q.ArrivalsPerHour, p.GetValue(CiMinutes) ?? Q.CiMinutes,
            p.GetValue(Flake) ?? Q.FlakeRate, p.GetValue(Breaks) ?? Q.BreakRate, 1, TimeSpan.Zero, p.GetValue(Seed) ?? Q.Seed);
        CheckCommon(s.Hours, s.ArrivalsPerHour, s.CiMinutes, s.FlakeRate, s.BreakRate);
        return s;
    }

    /// <summary>The default warm-up: 12 h, or a sixth of a run too short for it (<c>--hours 4</c> measures after 40 min).</summary>
    private static double DefaultWarmup(double hours) => Math.Min(P.WarmupHours, hours / 6);

    public PipelineSettings Pipeline(ParseResult p)
    {
        var (a, b) = LaneShares(p.GetValue(Lanes));
        var s = new PipelineSettings
        {
            Hours = p.GetValue(Hours) ?? P.Hours, ArrivalsPerHour = p.GetValue(Arrivals) ?? P.ArrivalsPerHour, SafeShare = a, StagingShare = b,
            TickMinutes = p.GetValue(Tick) ?? P.TickMinutes, AgentMinutes = p.GetValue(AgentMinutes) ?? P.AgentMinutes,
            AgentSuccessRate = p.GetValue(AgentSuccess) ?? P.AgentSuccessRate, ReviewMinutes = p.GetValue(ReviewMinutes) ?? P.ReviewMinutes,
            ApproveRate = p.GetValue(Approve) ?? P.ApproveRate, CiMinutes = p.GetValue(CiMinutes) ?? P.CiMinutes, FlakeRate = p.GetValue(Flake) ?? P.FlakeRate,
            CiSlots = p.GetValue(CiSlots) ?? P.CiSlots, HumanLatencyMinutes = p.GetValue(HumanMinutes) ?? P.HumanLatencyMinutes,
            BreakRate = p.GetValue(Breaks) ?? P.BreakRate, MaxConcurrent = p.GetValue(MaxConcurrent), AgentSlots = p.GetValue(AgentSlots),
            BatchSize = p.GetValue(Batch), WarmupHours = p.GetValue(Warmup) ?? DefaultWarmup(p.GetValue(Hours) ?? P.Hours), Seed = p.GetValue(Seed) ?? P.Seed,
        };
        CheckCommon(s.Hours, s.ArrivalsPerHour, s.CiMinutes, s.FlakeRate, s.BreakRate);
        Check(s.TickMinutes is >= 1 and <= 24 * 60, "--tick-minutes must be 1..1440");
        Check(s.AgentMinutes is > 0 and <= 24 * 60 && s.ReviewMinutes is > 0 and <= 24 * 60 && s.HumanLatencyMinutes is > 0 and <= 30 * 24 * 60,
            "--agent-minutes and --review-minutes must be above 0 and at most a day, --human-minutes at most 30 days");
        Check(s.AgentSuccessRate is > 0 and <= 1 && s.ApproveRate is > 0 and <= 1, "--agent-success and --approve-rate must be in (0, 1]");
        Check(s.CiSlots is >= 1 and <= 256, "--ci-slots must be 1..256");
        Check(s.MaxConcurrent is null or (>= 1 and <= 256) && s.AgentSlots is null or (>= 1 and <= 256), "--max-concurrent and --agent-slots must be 1..256");
        Check(s.BatchSize is null or (>= 1 and <= 64), "--batch-size must be 1..64");
        Check(s.WarmupHours >= 0 && s.WarmupHours < s.Hours, "--warmup must be at least 0 and shorter than --hours");
        return s;
    }

    public static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new CliUsageException(message);
        }
    }

    private static void CheckCommon(double hours, double arrivals, double ciMinutes, double flake, double breaks)
    {
        Check(hours is > 0 and <= 24 * 365, "--hours must be above 0 and at most a year");
        Check(arrivals is > 0 and <= 1000, "--arrivals must be above 0 and at most 1000");
        Check(ciMinutes is > 0 and <= 24 * 60, "--ci-minutes must be above 0 and at most a day");
        Check(flake is >= 0 and < 1, "--flake-rate must be in [0, 1)");
        Check(breaks is >= 0 and <= 1, "--break-rate must be in [0, 1]");
    }

    private static (double Safe, double Staging) LaneShares(string? text)
    {
        if (text is null)
        {
            return (P.SafeShare, P.StagingShare);
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = parts.Select(x => double.TryParse(x, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1).ToList();
        Check(parts.Length == 3 && numbers.All(n => n >= 0) && Math.Abs(numbers.Sum() - 100) < 0.01,
            $"--lanes takes three percentages A,B,C that add up to 100, e.g. 70,20,10 (got '{text}')");
        return (numbers[0] / 100, numbers[1] / 100);
    }
}
