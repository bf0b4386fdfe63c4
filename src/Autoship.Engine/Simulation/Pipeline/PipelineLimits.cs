using System.Globalization;
using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Engine.Simulation.Pipeline;

/// <summary>
/// The three capacity limits of the pipeline in merges per hour, from the settings alone (never from a run):
/// <list type="bullet">
/// <item><b>agents</b>: M agent slots (min of loop.maxConcurrent and the agents' own maxConcurrent) each busy
/// A + s·R minutes per attempt (author run, and a review when it opened a pull request); an attempt merges with
/// q = s·a·(1 − f) (opened, approved, CI green): M · 60 · q ÷ (A + s·R).</item>
/// <item><b>CI runners</b>: k runners of C minutes run the pull requests' checks; every opened or updated head runs
/// once, s ÷ q runs per merge: k · 60 ÷ C · q ÷ s.</item>
/// <item><b>merge queue</b>: one candidate of B̄ pull requests at a time per base, on the queue's own runner:
/// 60 ÷ C · B̄, where B̄ is the lane mix's mean batch (1 ÷ Σ share ÷ queueBatchSize). Lane order puts lane A first,
/// so a saturated queue batches more than the mix says: this limit is a floor.</item>
/// </list>
/// The binding limit is the smallest. Bisection, flaky candidates and the warm-up are what a run loses against it.
/// </summary>
public sealed record PipelineLimits(PipelineLimit Agents, PipelineLimit CiRunners, PipelineLimit Queue)
{
    public PipelineLimit Binding => new[] { Agents, CiRunners, Queue }.MinBy(l => l.MergesPerHour)!;

    public static PipelineLimits For(PipelineSettings s, AutoshipConfig config)
    {
        var slots = AgentSlots(config);
        var q = s.AgentSuccessRate * s.ApproveRate * (1 - s.FlakeRate);
        var perAttempt = s.AgentMinutes + (s.AgentSuccessRate * s.ReviewMinutes);
        var batch = MeanBatch(s, config);
        var agents = slots * 60 * q / perAttempt;
        var runsPerMerge = q <= 0 ? double.PositiveInfinity : s.AgentSuccessRate / q;
        var ci = s.CiSlots * 60 / s.CiMinutes / runsPerMerge;
        var queue = 60 / s.CiMinutes * batch;
        return new PipelineLimits(
            new PipelineLimit("agents", agents, F($"{slots} slots × 60 × q {q:0.###} ÷ ({s.AgentMinutes:0.#} + {s.AgentSuccessRate:0.##} × {s.ReviewMinutes:0.#}) min")),
            new PipelineLimit("ci-runners", ci, F($"{s.CiSlots} runners × 60 ÷ {s.CiMinutes:0.#} min ÷ {runsPerMerge:0.##} PR runs per merge")),
            new PipelineLimit("merge-queue", queue, F($"60 ÷ {s.CiMinutes:0.#} min × mean batch {batch:0.##}")));
    }

    /// <summary>Agents that may run at once: loop.maxConcurrent, or fewer when the authors' own limits add up to less.</summary>
    public static int AgentSlots(AutoshipConfig config) =>
        Math.Min(config.Loop.MaxConcurrent, config.Agents.Where(a => a.Authors).Sum(a => Math.Max(1, a.MaxConcurrent)));

    private static double MeanBatch(PipelineSettings s, AutoshipConfig config)
    {
        var perMerge = (s.SafeShare / Batch(config, Lane.Safe)) + (s.StagingShare / Batch(config, Lane.Staging)) + (s.HumanShare / Batch(config, Lane.Human));
        return perMerge <= 0 ? 1 : 1 / perMerge;
    }

    private static int Batch(AutoshipConfig config, Lane lane) => Math.Max(1, config.Lane(lane).QueueBatchSize);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One capacity limit: its name, merges per hour and how it was computed.</summary>
public sealed record PipelineLimit(string Name, double MergesPerHour, string Formula);
