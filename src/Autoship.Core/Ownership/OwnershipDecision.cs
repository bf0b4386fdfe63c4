using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>The single owning author agent for an area, the reviewer agent (never the owner) and its forge login.</summary>
public sealed record OwnershipDecision(AgentDefinition? Owner, AgentDefinition? Reviewer, string? ReviewerLogin, IReadOnlyList<Reason> Reasons)
{
    public bool Assigned => Owner is not null && Reviewer is not null;
}
