using System.Globalization;
using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>A claim ref held by another orchestrator, as the forge shows it (older claims carry no process or time).</summary>
/// <param name="Ref">The claim ref (its highest generation).</param>
/// <param name="HolderDead">The holder's process runs on this host and is provably gone (pid gone or reused).</param>
/// <param name="Progressed">The issue shows the holder got past its claim (state comment and label for this attempt, or its review): work may be under way elsewhere.</param>
/// <param name="RunsInHolder">The claim says its agent runs inside the holder's process (executor inline), not in a detached job.</param>
public sealed record ForeignClaim(string Ref, string? Holder, string? Process, DateTimeOffset? Since, bool HolderDead, bool Progressed, bool RunsInHolder = false);

/// <summary>Whether a claim ref held by another orchestrator may be taken over (by creating its next generation).</summary>
public sealed record ClaimTakeover(bool TakeOver, IReadOnlyList<Reason> Reasons);

/// <summary>
/// A claim ref blocks every other orchestrator. One whose holder died before recording its claim on the issue would
/// block the item forever (no state comment, so no claim timeout applies): it is taken over when the holder is
/// provably dead (same host) or when the claim object is older than <see cref="LoopSettings.ClaimTimeout"/> (any host).
/// A claim whose holder got further (the issue records it, so a detached job may be running it) is taken over only
/// when its agent ran inside the holder's own process (executor inline) and that process is provably gone: nothing
/// works on it any more, so the attempt is re-run at once instead of waiting for the claim timeout. Otherwise the
/// planner's claim timeout on the state comment releases it for the next attempt.
/// </summary>
public static class ClaimTakeoverPolicy
{
    public static ClaimTakeover Evaluate(ForeignClaim claim, DateTimeOffset now, LoopSettings loop)
    {
        var who = claim.Holder ?? "an unknown holder";
        if (claim.Progressed && claim.HolderDead && claim.RunsInHolder)
        {
            return new ClaimTakeover(true, Because.One("claim-holder-dead",
                $"{claim.Ref} was made by process {claim.Process} of {who}, which ran the agent inside itself (executor inline) and no longer runs on this host: taken over, the recorded attempt is re-run now"));
        }

        if (claim.Progressed)
        {
            return new ClaimTakeover(false, Because.One("claim-taken",
                $"{claim.Ref} is held by {who}, whose claim is recorded on the issue: only one orchestrator runs an agent for it (loop.claimTimeout releases it)"));
        }

        if (claim.HolderDead)
        {
            return new ClaimTakeover(true, Because.One("claim-holder-dead",
                $"{claim.Ref} was made by process {claim.Process} of {who}, which no longer runs on this host and never recorded the claim on the issue: taken over"));
        }

        if (claim.Since is { } since && now - since >= loop.ClaimTimeout)
        {
            return new ClaimTakeover(true, Because.One("claim-ref-expired",
                $"{claim.Ref} was made by {who} at {since.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}, more than {Durations.Format(loop.ClaimTimeout)} (loop.claimTimeout) ago, and never recorded on the issue: taken over"));
        }

        var until = claim.Since is { } s ? $" until {(s + loop.ClaimTimeout).ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}" : string.Empty;
        return new ClaimTakeover(false, Because.One("claim-taken",
            $"{claim.Ref} is held by {who}, not by this orchestrator: only one orchestrator runs an agent for it (kept{until} unless its holder is proven dead)"));
    }
}
