using Autoship.Core;

namespace Autoship.Engine.Demo;

/// <summary>One row of the demo's final table.</summary>
public sealed record DemoItem(int Issue, string Title, string Shows, string? Lane, string? Owner, string? Reviewer, int? Pr, string Outcome, IReadOnlyList<Reason> Reasons);

/// <summary>What the demo did: where its forge is, each item's outcome, and how long it took.</summary>
public sealed record DemoReport(string Forge, IReadOnlyList<DemoItem> Items, int Ticks, TimeSpan Duration);
