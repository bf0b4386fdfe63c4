namespace Autoship.Core.Config;

/// <summary>The keys of <c>protections</c>: what <c>autoship protect</c> applies to the default branch.</summary>
internal static class ProtectionsSection
{
    private static readonly SectionBuilder B = new("protections", "protections", "The seed's recommended protections; 'autoship protect' applies them.");

    public static readonly ConfigKey<string> Branch = B.String("branch", "main", "The protected default branch.",
        nonEmpty: true, check: b => string.IsNullOrWhiteSpace(b) ? "protections.branch may not be empty" : null);

    public static readonly ConfigKey<bool> RequirePullRequest = B.Bool("requirePullRequest", true, "Changes reach the branch only through pull requests.");

    public static readonly ConfigKey<int> RequiredApprovals = B.Int("requiredApprovals", 1, 0, "Approving reviews the forge requires.");

    public static readonly ConfigKey<bool> DismissStaleReviews = B.Bool("dismissStaleReviews", true, "New commits dismiss earlier approvals.");

    public static readonly ConfigKey<bool> RequireChecks = B.Bool("requireChecks", true, "validation.requiredChecks are required status checks.");

    public static readonly ConfigKey<bool> BlockForcePushes = B.Bool("blockForcePushes", true, "No force pushes to the branch.");

    public static readonly ConfigKey<bool> BlockDeletions = B.Bool("blockDeletions", true, "The branch cannot be deleted.");

    public static readonly ConfigKey<bool> AllowAutoMerge = B.Bool("allowAutoMerge", true, "The repository allows auto-merge.");

    public static readonly ConfigSection Section = B.Build();

    public static ProtectionSettings Read(MapView view) => new(
        Branch.Read(view), RequirePullRequest.Read(view), RequiredApprovals.Read(view), DismissStaleReviews.Read(view),
        RequireChecks.Read(view), BlockForcePushes.Read(view), BlockDeletions.Read(view), AllowAutoMerge.Read(view));
}
