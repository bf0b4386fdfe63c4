namespace Autoship.Engine.Simulation.Pipeline;

/// <summary>
/// One simulated run of the whole pipeline: issues arrive (Poisson) in a mix of lanes; the real planner dispatches
/// them; an agent attempt takes <see cref="AgentMinutes"/> on average and opens a pull request with
/// <see cref="AgentSuccessRate"/>; the reviewer agent (<see cref="ReviewMinutes"/>) approves with
/// <see cref="ApproveRate"/>; CI (<see cref="CiSlots"/> runners, <see cref="CiMinutes"/> a run) passes unless it flakes
/// (<see cref="FlakeRate"/>); lane C waits for a person (<see cref="HumanLatencyMinutes"/> on average); the merge queue
/// validates candidates on the same CI runners. Null overrides keep the default configuration's value.
/// </summary>
public sealed record PipelineSettings
{
    public double Hours { get; init; } = 72;

    /// <summary>Rates are measured after this warm-up (the pipeline starts empty).</summary>
    public double WarmupHours { get; init; } = 12;

    /// <summary>The scheduled tick; webhooks also wake the loop at every event (a job, a check, a review, an arrival).</summary>
    public double TickMinutes { get; init; } = 15;

    public double ArrivalsPerHour { get; init; } = 2;

    /// <summary>
    /// Ready issues nobody works on yet, at most (split by the lane mix): an arrival while its lane's share waits is
    /// deferred (a team labels no more ready). High load keeps the backlog full instead of growing it without end (which only slows the run down).
    /// </summary>
    public int MaxBacklog { get; init; } = 40;

    /// <summary>Share of arrivals in lane A (safe); <see cref="StagingShare"/> in lane B; the rest in lane C (human).</summary>
    public double SafeShare { get; init; } = 0.7;

    public double StagingShare { get; init; } = 0.2;

    public double AgentMinutes { get; init; } = 30;

    public double AgentSuccessRate { get; init; } = 0.8;

    public double ReviewMinutes { get; init; } = 10;

    public double ApproveRate { get; init; } = 0.85;

    public double CiMinutes { get; init; } = 15;

    public double FlakeRate { get; init; } = 0.05;

    public int CiSlots { get; init; } = 2;

    public double HumanLatencyMinutes { get; init; } = 240;

    /// <summary>Chance that a new pull request passes alone but breaks together with one already open.</summary>
    public double BreakRate { get; init; } = 0.05;

    /// <summary>loop.maxConcurrent; null: the configuration's.</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>Every agent's maxConcurrent; null: the configuration's.</summary>
    public int? AgentSlots { get; init; }

    /// <summary>Every lane's queueBatchSize; null: each lane's own.</summary>
    public int? BatchSize { get; init; }

    public int Seed { get; init; } = 1;

    public double HumanShare => Math.Max(0, 1 - SafeShare - StagingShare);
}
