using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Decides whether an open issue is a work item an agent may take.</summary>
public static class TriagePolicy
{
    /// <summary>
    /// Needs <c>autonomy:ready</c> applied by an account with write access, not <c>autonomy:blocked</c> or
    /// <c>autonomy:claimed</c>, exactly one known area label and a risk label. Every failed rule is a reason.
    /// </summary>
    public static TriageDecision Evaluate(IssueSnapshot issue, AutoshipConfig config) => throw new NotImplementedException();
}
