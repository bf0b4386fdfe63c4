using System.Text.RegularExpressions;
using Autoship.Core;

namespace Autoship.Cli.Doctor.Checks;

/// <summary>
/// Every lane's requirements can be met: a lane waiting for a deployment that no workflow makes, or for more reviewer
/// approvals than there are reviewing agents, holds its pull requests forever.
/// </summary>
internal sealed partial class LanesSatisfiableCheck : IDoctorCheck
{
    public string Name => "lanes can be met";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var config = context.Config;
        var problems = new List<string>();
        var fixes = new List<string>();
        var notes = new List<string>();
        var reviewers = config.Agents.Count(a => a.Reviews);
        foreach (var (lane, policy) in config.Lanes.OrderBy(kv => kv.Key))
        {
            var name = $"lane {lane.Letter()} ({lane.Name()})";
            if (policy.ReviewerApprovals > Math.Max(0, reviewers - 1))
            {
                // The author never reviews its own change, so at most reviewers - 1 agents approve it.
                problems.Add($"{name} needs {Plural.Of(policy.ReviewerApprovals, "reviewer approval")} but at most {Plural.Of(Math.Max(0, reviewers - 1), "agent")} can review a change");
                fixes.Add($"lower lanes.{lane.Name()}.reviewerApprovals or add reviewing agents");
            }

            if (policy.DeploymentEnvironment is not { } environment)
            {
                if (lane == Lane.Staging)
                {
                    notes.Add($"{name} waits for no deployment: it merges on review and required checks");
                }

                continue;
            }

            if (context.GitHub is null)
            {
                notes.Add($"{name} waits for a deployment to {environment} ('autoship local deploy' records one on the local forge)");
                continue;
            }

            var workflows = await context.Files.ListAsync(".github/workflows", cancellationToken) ?? [];
            if (!workflows.Any(w => w.Text is { } text && Deploys(text, environment)))
            {
                problems.Add($"{name} waits for a deployment to {environment}, but no workflow in .github/workflows deploys there");
                fixes.Add($"deploy pull requests to {environment} in a workflow (a job with `environment: {environment}`), or set lanes.{lane.Name()}.deployment: null so the lane merges on review and checks");
            }
        }

        if (problems.Count > 0)
        {
            return DoctorResult.Fail(Name, string.Join("; ", problems) + ": its pull requests wait forever", string.Join("; ", fixes));
        }

        return DoctorResult.Ok(Name, notes.Count == 0 ? "every lane's requirements can be met" : string.Join("; ", notes));
    }

    private static bool Deploys(string workflow, string environment) =>
        EnvironmentLine().Matches(workflow).Any(m => string.Equals(m.Groups[1].Value.Trim('"', '\''), environment, StringComparison.OrdinalIgnoreCase));

    // "environment: staging", "environment: { name: staging }" or "name: staging" under an environment mapping.
    [GeneratedRegex(@"environment:\s*(?:\{\s*name:\s*|\n\s+name:\s*)?([""']?[\w.-]+[""']?)", RegexOptions.Multiline)]
    private static partial Regex EnvironmentLine();
}
