using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>
/// The seam to Core's guardrails (lane guardrails, <c>never</c> globs, forbidden content). The runner's own
/// harness checks (.git, symlinks, binaries) are separate and always run.
/// </summary>
public interface IGuardrailCheck
{
    GuardrailOutcome Check(WorkOrder order, IReadOnlyList<ChangedFile> files, AutoshipConfig config, GitAttributeFiles? gitAttributes);
}

public sealed record GuardrailOutcome(bool Allowed, IReadOnlyList<Reason> Reasons);
