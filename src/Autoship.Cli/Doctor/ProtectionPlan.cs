using Autoship.Core.Config;
using Autoship.Forge;

namespace Autoship.Cli.Doctor;

/// <summary>One protection setting: what the forge has now and what the seed asks for.</summary>
internal sealed record SettingChange(string Setting, string Current, string Desired)
{
    public bool Changed => Current != Desired;
}

/// <summary>The seed's protections for the configured branch, and how they differ from the current ones.</summary>
internal static class ProtectionPlan
{
    public const string GateCheck = "autoship/gate";

    public static BranchProtection Desired(AutoshipConfig config, BranchProtection? current)
    {
        var p = config.Protections;
        IReadOnlyList<string> checks = p.RequireChecks
            ? [.. config.Validation.RequiredChecks.Append(GateCheck).Distinct(StringComparer.Ordinal)]
            : [];
        return new BranchProtection(
            p.RequirePullRequest,
            p.RequirePullRequest ? Math.Max(1, p.RequiredApprovals) : 0,
            p.DismissStaleReviews,
            checks,
            AllowForcePushes: !p.BlockForcePushes,
            AllowDeletions: !p.BlockDeletions,
            RequireMergeQueue: current?.RequireMergeQueue ?? false,
            // The "not rocket science" rule without a merge queue: the checks must have passed on what main becomes.
            RequireUpToDate: checks.Count > 0 && !(current?.RequireMergeQueue ?? false));
    }

    public static IReadOnlyList<SettingChange> Diff(BranchProtection? current, BranchProtection desired) =>
    [
        new("protected", current is null ? "no" : "yes", "yes"),
        new("pull request required", YesNo(current?.RequirePullRequest), YesNo(desired.RequirePullRequest)),
        new("required approvals", current?.RequiredApprovals.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", desired.RequiredApprovals.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("dismiss stale approvals", YesNo(current?.DismissStaleReviews), YesNo(desired.DismissStaleReviews)),
        new("required checks", Checks(current?.RequiredChecks), Checks(desired.RequiredChecks)),
        new("up to date before merging", YesNo(current?.RequireUpToDate), YesNo(desired.RequireUpToDate)),
        new("force pushes", Allowed(current?.AllowForcePushes), Allowed(desired.AllowForcePushes)),
        new("deletions", Allowed(current?.AllowDeletions), Allowed(desired.AllowDeletions)),
    ];

    private static string YesNo(bool? value) => value switch { null => "-", true => "yes", false => "no" };

    private static string Allowed(bool? value) => value switch { null => "-", true => "allowed", false => "blocked" };

    private static string Checks(IReadOnlyList<string>? checks) =>
        checks is null ? "-" : checks.Count == 0 ? "none" : string.Join(", ", checks.Order(StringComparer.Ordinal));
}
