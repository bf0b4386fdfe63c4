using Autoship.Core.Config;

namespace Autoship.Core.Planning;

public static partial class Planner
{
    /// <summary>
    /// Why the removal of <c>autonomy:blocked</c> from a blocked item does not count, or null when it does: the
    /// label's last event must be a removal by an account with write access that is no harness identity (its own
    /// forge logins, any agent's login, a bot). A missing history counts as untrusted: the item stays blocked.
    /// </summary>
    internal static Reason? BlockedRemovalUntrusted(PlanContext context, AutoshipConfig config, IssueSnapshot issue)
    {
        var by = issue.LastRemovedBy(Labels.Blocked);
        if (by is null)
        {
            return new("unblock-untrusted",
                $"{Labels.Blocked} is gone but nobody with write access is known to have removed it (its history is missing); the item stays blocked");
        }

        var harness = config.Agents.Select(a => a.Login).OfType<string>().Concat(context.Input.Snapshot.HarnessLogins);
        if (harness.Contains(by.Login, StringComparer.OrdinalIgnoreCase) || by.Login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase))
        {
            return new("unblock-untrusted", $"{Labels.Blocked} was removed by {by.Login}, a harness or bot identity, not a person; the item stays blocked");
        }

        return by.CanWrite
            ? null
            : new("unblock-untrusted",
                $"{Labels.Blocked} was removed by {by.Login}, who has {by.Permission.ToString().ToLowerInvariant()} access; the item stays blocked until a maintainer with write access removes it");
    }
}
