namespace Autoship.Core;

/// <summary>The lane of a change (the riskiest of labels, paths and content) and every rule that raised it.</summary>
public sealed record LaneDecision(Lane Lane, IReadOnlyList<Reason> Reasons);
