using Autoship.Core;
using Autoship.Forge;

namespace Autoship.Cli.Doctor.Checks;

/// <summary>Protections must exist and match the gate: the first cause of "why isn't it merging".</summary>
internal sealed class ProtectionCheck : IDoctorCheck
{
    public string Name => "branch protection";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var branch = context.Config.Protections.Branch;
        var current = await context.Forge.RequireSetup().GetBranchProtectionAsync(branch, cancellationToken);
        if (current is null)
        {
            return DoctorResult.Fail(Name, $"{branch} is not protected: anything could be pushed or merged without the gate", "run 'autoship protect'");
        }

        var problems = new List<string>();
        var wanted = context.Config.Validation.RequiredChecks.Append(ProtectionPlan.GateCheck).Distinct(StringComparer.Ordinal);
        var missing = wanted.Where(c => !current.RequiredChecks.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"required checks lack {string.Join(", ", missing)}");
        }

        if (!current.RequirePullRequest || current.RequiredApprovals < 1)
        {
            problems.Add("no approval is required");
        }

        if (problems.Count > 0)
        {
            return DoctorResult.Fail(Name, $"{branch} protection does not match the gate: {string.Join("; ", problems)}", "run 'autoship protect'");
        }

        return current.AllowForcePushes || current.AllowDeletions || !current.DismissStaleReviews
            ? DoctorResult.Warn(Name, $"{branch} allows {(current.AllowForcePushes ? "force pushes " : string.Empty)}{(current.AllowDeletions ? "deletions " : string.Empty)}{(!current.DismissStaleReviews ? "stale approvals" : string.Empty)}".Trim(), "run 'autoship protect'")
            : DoctorResult.Ok(Name, $"{branch}: {Plural.Of(current.RequiredApprovals, "approval")}, checks {string.Join(", ", current.RequiredChecks)}");
    }
}
