using System.Globalization;
using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Releases stale claims (no open PR past the timeout) and blocks items after <c>maxAttempts</c>.</summary>
public static class ClaimPolicy
{
    /// <summary>
    /// Keeps a claim that has an open pull request or is younger than <see cref="LoopSettings.ClaimTimeout"/>;
    /// otherwise releases it for attempt + 1, or blocks the item once <see cref="LoopSettings.MaxAttempts"/> is used up.
    /// </summary>
    public static ClaimDecision Evaluate(ClaimState claim, DateTimeOffset now, LoopSettings loop)
    {
        if (claim.HasOpenPullRequest)
        {
            return new ClaimDecision(ClaimAction.Keep, claim.Attempt, Because.One("claim-has-pr",
                $"{claim.Agent} has an open pull request for #{claim.Issue}; the claim stays while it is open"));
        }

        var expires = claim.ClaimedAt + loop.ClaimTimeout;
        if (now < expires)
        {
            return new ClaimDecision(ClaimAction.Keep, claim.Attempt, Because.One("claim-active",
                $"{claim.Agent} claimed #{claim.Issue} {Duration(now - claim.ClaimedAt)} ago (attempt {claim.Attempt}); without a pull request the claim expires at {Stamp(expires)}, in {Duration(expires - now)}"));
        }

        if (claim.Attempt >= loop.MaxAttempts)
        {
            return new ClaimDecision(ClaimAction.Block, claim.Attempt, Because.One("claim-blocked",
                $"#{claim.Issue} is blocked after {Plural.Of(claim.Attempt, "attempt")} without a pull request (at most {loop.MaxAttempts}); a person must look at it and remove autonomy:blocked to retry"));
        }

        return new ClaimDecision(ClaimAction.Release, claim.Attempt + 1, Because.One("claim-expired",
            $"{claim.Agent} claimed #{claim.Issue} at {Stamp(claim.ClaimedAt)} and opened no pull request within {Duration(loop.ClaimTimeout)}; released for attempt {claim.Attempt + 1} of {loop.MaxAttempts}"));
    }

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalHours >= 1
            ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
            : $"{(int)span.TotalMinutes}m";
    }
}
