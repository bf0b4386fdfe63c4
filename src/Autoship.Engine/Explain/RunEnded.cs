using Autoship.Agents;
using Autoship.Core;
using Autoship.Engine.Store;

namespace Autoship.Engine.Explain;

/// <summary>
/// How a stored run ended, said once: its outcome then the runner's reason without the outcome's own name in front
/// ("validation-failed: `scripts/test.sh` exited with code 1", not "validation-failed: ValidationFailed: …").
/// </summary>
public static class RunEnded
{
    public static string Of(StoredRun stored)
    {
        var reason = stored.Run.ExitReason.Trim();
        if (WireNames.TryParse<AttemptOutcome>(stored.Outcome, out var outcome) && reason.StartsWith(outcome.ToString(), StringComparison.Ordinal))
        {
            reason = reason[outcome.ToString().Length..].TrimStart(':', ' ');
        }

        return reason.Length == 0 || string.Equals(reason, stored.Outcome, StringComparison.OrdinalIgnoreCase) || reason.StartsWith(stored.Outcome, StringComparison.Ordinal)
            ? (reason.Length == 0 ? stored.Outcome : reason)
            : $"{stored.Outcome}: {reason}";
    }
}
