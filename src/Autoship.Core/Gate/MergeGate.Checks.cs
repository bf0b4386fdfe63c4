using Autoship.Core.Config;
using Autoship.Core.Queue;

namespace Autoship.Core;

public static partial class MergeGate
{
    private static void CheckChecks(PullRequestSnapshot pr, LanePolicy policy, AutoshipConfig config, GateFindings findings)
    {
        var onHead = pr.Checks.Where(c => c.Sha == pr.HeadSha).ToList();
        CheckQueue(onHead, pr.HeadSha, findings);
        onHead = [.. onHead.Where(c => !string.Equals(c.Name, MergeQueueStatus.Context, StringComparison.OrdinalIgnoreCase))];
        var required = config.Validation.RequiredChecks;
        if (policy.RequireChecks && required.Count == 0 && !onHead.Any(c => !OwnStatus.Is(c.Name)))
        {
            findings.Wait("checks-missing", $"no CI check has reported on head {Short(pr.HeadSha)} yet");
        }

        // With no named required checks, every CI check reported on the head must be green (Autoship's own statuses are
        // its decisions, not checks: the gate never waits for itself).
        var names = required.Count > 0 ? required : [.. onHead.Select(c => c.Name).Where(n => !OwnStatus.Is(n)).Distinct(StringComparer.OrdinalIgnoreCase)];
        foreach (var name in names)
        {
            var runs = onHead.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            var failed = runs.FirstOrDefault(c => c.State is CheckState.Failure or CheckState.Error or CheckState.Cancelled);
            if (failed is not null)
            {
                // A red required check blocks a merge even in a lane that does not wait for checks.
                findings.Reject("check-failed", $"required check {name} {StateWord(failed.State)} on head {Short(pr.HeadSha)}{Detail(failed)}");
                continue;
            }

            if (!policy.RequireChecks && required.Count == 0)
            {
                continue;
            }

            if (runs.Count == 0)
            {
                var older = pr.Checks.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
                findings.Wait("check-missing", older
                    ? $"required check {name} has not run on head {Short(pr.HeadSha)}; results for older commits do not count"
                    : $"required check {name} has not reported on head {Short(pr.HeadSha)} yet");
            }
            else if (runs.Any(c => !c.IsGreen))
            {
                findings.Wait("check-pending", $"required check {name} is still running on head {Short(pr.HeadSha)}");
            }
            else
            {
                findings.Met("check-green", $"required check {name} is green on head {Short(pr.HeadSha)}");
            }
        }
    }

    /// <summary>
    /// The merge queue's status is not a check the head must pass to enter the queue (the queue sets it): while queued
    /// it only tells where the pull request stands; once the queue ejected this head, the head is rejected with why.
    /// </summary>
    private static void CheckQueue(IReadOnlyList<CheckSnapshot> onHead, string headSha, GateFindings findings)
    {
        var queue = onHead.LastOrDefault(c => string.Equals(c.Name, MergeQueueStatus.Context, StringComparison.OrdinalIgnoreCase));
        if (queue is { State: CheckState.Failure or CheckState.Error })
        {
            findings.Reject("queue-failed", $"the merge queue ejected head {Short(headSha)}{Detail(queue)}");
        }
        else if (queue is { State: CheckState.Pending })
        {
            findings.Met(GateDecision.QueuedCode, queue.Description ?? "in the merge queue");
        }
    }

    private static void CheckDeployment(PullRequestSnapshot pr, LanePolicy policy, GateFindings findings)
    {
        if (string.IsNullOrWhiteSpace(policy.DeploymentEnvironment))
        {
            return;
        }

        var env = policy.DeploymentEnvironment;
        var all = pr.Deployments.Where(d => string.Equals(d.Environment, env, StringComparison.OrdinalIgnoreCase)).ToList();
        var latest = all.Where(d => d.Sha == pr.HeadSha).OrderBy(d => d.At).LastOrDefault();
        switch (latest?.State)
        {
            case null:
                findings.Wait("deployment-missing", all.Count > 0
                    ? $"the {env} deployment was for an older commit; head {Short(pr.HeadSha)} has not been deployed to {env} yet"
                    : $"head {Short(pr.HeadSha)} has not been deployed to {env} yet");
                break;
            case DeploymentState.Pending or DeploymentState.InProgress:
                findings.Wait("deployment-pending", $"the {env} deployment of head {Short(pr.HeadSha)} is still running");
                break;
            case DeploymentState.Failure or DeploymentState.Error:
                findings.Reject("deployment-failed", $"the {env} deployment of head {Short(pr.HeadSha)} failed");
                break;
            case DeploymentState.Success:
                findings.Met("deployment-succeeded", $"the {env} deployment of head {Short(pr.HeadSha)} succeeded");
                break;
            case DeploymentState.Inactive:
                findings.Wait("deployment-missing", $"the {env} deployment of head {Short(pr.HeadSha)} was replaced; it needs a successful one");
                break;
        }
    }

    private static string StateWord(CheckState state) => state switch
    {
        CheckState.Failure => "failed",
        CheckState.Error => "errored",
        CheckState.Cancelled => "was cancelled",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string Detail(CheckSnapshot check) => string.IsNullOrWhiteSpace(check.Description) ? string.Empty : $" ({check.Description})";
}
