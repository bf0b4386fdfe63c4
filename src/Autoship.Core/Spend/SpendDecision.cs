namespace Autoship.Core;

/// <summary>Whether an agent may start one more run on an item; every limit that says no is a reason.</summary>
public sealed record SpendDecision(bool Allowed, IReadOnlyList<Reason> Reasons);
