using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Releases stale claims (no open PR past the timeout) and blocks items after <c>maxAttempts</c>.</summary>
public static class ClaimPolicy
{
    public static ClaimDecision Evaluate(ClaimState claim, DateTimeOffset now, LoopSettings loop) => throw new NotImplementedException();
}
