using Autoship.Core.Config;

namespace Autoship.Core.Planning;

/// <summary>Freezes the instructions for one attempt from the issue, the triage and the configuration.</summary>
public static class WorkOrderFactory
{
    /// <summary>The area whose paths every work order may also touch.</summary>
    public const string TestArea = "test";

    public static WorkOrder Create(string repository, IssueSnapshot issue, string area, string risk, OwnershipDecision ownership, AutoshipConfig config, int attempt, DateTimeOffset now)
    {
        var owner = ownership.Owner ?? throw new ArgumentException("ownership has no owner", nameof(ownership));
        var reviewer = ownership.Reviewer ?? throw new ArgumentException("ownership has no reviewer", nameof(ownership));
        var lane = LaneClassifier.LaneOf(issue.Labels, config);
        // The owning area's paths, plus the test area's: a code change comes with its tests (the reviewer's
        // validation rule), and tests belong to the test area.
        var paths = new[] { area, TestArea }
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(config.Area)
            .Where(a => a is not null)
            .SelectMany(a => a!.Paths)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new WorkOrder(
            repository,
            issue.Number,
            issue.Title,
            issue.Body,
            area,
            risk,
            lane,
            owner.Name,
            reviewer.Name,
            ownership.ReviewerLogin,
            paths,
            config.Lane(lane).Guardrails,
            config.Never,
            config.Validation.Entrypoint,
            attempt,
            now,
            now + owner.Timeout);
    }
}
