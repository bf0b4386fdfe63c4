using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Checks one autonomous pass against the lane's guardrails, the <c>never</c> globs and forbidden content.</summary>
public static class GuardrailPolicy
{
    public static GuardrailDecision Check(IReadOnlyList<ChangedFile> files, Lane lane, SizeDecision size, AutoshipConfig config) => throw new NotImplementedException();
}
