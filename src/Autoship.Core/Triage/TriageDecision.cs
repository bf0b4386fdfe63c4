namespace Autoship.Core;

/// <summary>Whether an issue is a work item, which area and risk it has, and why.</summary>
public sealed record TriageDecision(bool Eligible, string? Area, string? Risk, IReadOnlyList<Reason> Reasons);
