namespace Autoship.Core;

/// <summary>One entry of an issue's timeline: a label was added or removed by someone.</summary>
public sealed record LabelEvent(string Label, bool Added, Actor Actor, DateTimeOffset At);
