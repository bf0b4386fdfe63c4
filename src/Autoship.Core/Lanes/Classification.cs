namespace Autoship.Core;

/// <summary>Lane, size and guardrails of one change together: what <c>autoship classify</c> prints.</summary>
public sealed record Classification(Lane Lane, SizeClass Size, bool Allowed, IReadOnlyList<Reason> Reasons, LaneDecision LaneDecision, SizeDecision SizeDecision, GuardrailDecision Guardrails);
