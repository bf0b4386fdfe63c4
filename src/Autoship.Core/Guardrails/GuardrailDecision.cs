namespace Autoship.Core;

/// <summary>Whether one autonomous pass stays inside the guardrails; each violation is a reason.</summary>
public sealed record GuardrailDecision(bool Allowed, IReadOnlyList<Reason> Violations);
