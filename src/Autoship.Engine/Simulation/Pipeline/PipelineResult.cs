namespace Autoship.Engine.Simulation.Pipeline;

/// <summary>
/// What one pipeline run measured. Rates (per hour, per day, utilisation) count the time after the warm-up; the
/// counts (arrived, merged, blocked, waiting, in flight) cover the whole run and add up to <see cref="Arrived"/>.
/// </summary>
public sealed record PipelineResult(
    PipelineSettings Settings,
    PipelineLimits Limits,
    int Arrived,
    int Merged,
    int Blocked,
    int Waiting,
    int InFlight,
    double MergesPerHour,
    double MergesPerDay,
    double MeanQueueWaitMinutes,
    double P90QueueWaitMinutes,
    int MaxQueueLength,
    double AgentUtilisation,
    int HumanReviews,
    double HumanReviewsPerDay,
    double MainRedMinutes,
    int Attempts,
    int Validations,
    int Ejected,
    int Ticks,
    IReadOnlyList<PipelineLane> Lanes,
    IReadOnlyList<SimulationHour> Hourly)
{
    /// <summary>Arrivals not made ready because <see cref="PipelineSettings.MaxBacklog"/> issues already waited (not in <see cref="Arrived"/>).</summary>
    public int Deferred { get; init; }

    /// <summary>Pull requests or issues merged more than once (always 0 unless the queue or the planner is wrong).</summary>
    public int MergedTwice { get; init; }

    /// <summary>Lane C merges without a person's approval of the merged head before the merge (always 0 unless the gate is wrong).</summary>
    public int HumanLaneMergedUnapproved { get; init; }

    /// <summary>Merges/hour over the binding limit: 1 means the pipeline runs at its capacity.</summary>
    public double OfLimit => Limits.Binding.MergesPerHour <= 0 ? 0 : MergesPerHour / Limits.Binding.MergesPerHour;
}

/// <summary>Arrivals and merges of one lane.</summary>
public sealed record PipelineLane(string Lane, int Arrived, int Merged);
