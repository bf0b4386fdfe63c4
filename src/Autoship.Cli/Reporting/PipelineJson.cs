using Autoship.Engine.Simulation;
using Autoship.Engine.Simulation.Pipeline;

namespace Autoship.Cli.Reporting;

/// <summary>
/// The <c>simulate --json</c> shape of a pipeline run: the simulator counts in minutes and hours, JSON shows every
/// duration as seconds under a <c>…Seconds</c> key like every other output (rates stay per hour and per day).
/// </summary>
internal sealed record PipelineJson(PipelineJson.Run Batched, PipelineJson.Run Serial)
{
    public static PipelineJson From(PipelineResult batched, PipelineResult serial) => new(Of(batched), Of(serial));

    private static Run Of(PipelineResult r) => new(
        Of(r.Settings), r.Limits, r.OfLimit, r.Arrived, r.Deferred, r.Merged, r.Blocked, r.Waiting, r.InFlight, r.MergesPerHour, r.MergesPerDay,
        TimeSpan.FromMinutes(r.MeanQueueWaitMinutes), TimeSpan.FromMinutes(r.P90QueueWaitMinutes), r.MaxQueueLength, r.AgentUtilisation,
        r.HumanReviews, r.HumanReviewsPerDay, TimeSpan.FromMinutes(r.MainRedMinutes), r.Attempts, r.Validations, r.Ejected, r.Ticks,
        r.MergedTwice, r.HumanLaneMergedUnapproved, r.Lanes, r.Hourly);

    private static Settings Of(PipelineSettings s) => new(
        TimeSpan.FromHours(s.Hours), TimeSpan.FromHours(s.WarmupHours), TimeSpan.FromMinutes(s.TickMinutes), s.ArrivalsPerHour, s.MaxBacklog,
        s.SafeShare, s.StagingShare, s.HumanShare, TimeSpan.FromMinutes(s.AgentMinutes), s.AgentSuccessRate, TimeSpan.FromMinutes(s.ReviewMinutes),
        s.ApproveRate, TimeSpan.FromMinutes(s.CiMinutes), s.FlakeRate, s.CiSlots, TimeSpan.FromMinutes(s.HumanLatencyMinutes), s.BreakRate,
        s.MaxConcurrent, s.AgentSlots, s.BatchSize, s.Seed);

    public sealed record Settings(
        TimeSpan Simulated,
        TimeSpan Warmup,
        TimeSpan Tick,
        double ArrivalsPerHour,
        int MaxBacklog,
        double SafeShare,
        double StagingShare,
        double HumanShare,
        TimeSpan AgentRun,
        double AgentSuccessRate,
        TimeSpan Review,
        double ApproveRate,
        TimeSpan Ci,
        double FlakeRate,
        int CiSlots,
        TimeSpan HumanLatency,
        double BreakRate,
        int? MaxConcurrent,
        int? AgentSlots,
        int? BatchSize,
        int Seed);

    public sealed record Run(
        Settings Settings,
        PipelineLimits Limits,
        double OfLimit,
        int Arrived,
        int Deferred,
        int Merged,
        int Blocked,
        int Waiting,
        int InFlight,
        double MergesPerHour,
        double MergesPerDay,
        TimeSpan MeanQueueWait,
        TimeSpan P90QueueWait,
        int MaxQueueLength,
        double AgentUtilisation,
        int HumanReviews,
        double HumanReviewsPerDay,
        TimeSpan MainRed,
        int Attempts,
        int Validations,
        int Ejected,
        int Ticks,
        int MergedTwice,
        int HumanLaneMergedUnapproved,
        IReadOnlyList<PipelineLane> Lanes,
        IReadOnlyList<SimulationHour> Hourly);
}
