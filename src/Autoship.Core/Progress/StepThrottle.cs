namespace Autoship.Core.Progress;

/// <summary>What the throttle remembers of one step: when it started, when a line about it was last printed, whether a line waits.</summary>
/// <param name="LastPrinted">Null until the first line about the step is printed.</param>
/// <param name="LineHeld">An output line arrived that was not printed yet.</param>
public sealed record StepThrottle(DateTimeOffset Started, DateTimeOffset? LastPrinted, bool LineHeld)
{
    public static StepThrottle StartedAt(DateTimeOffset now) => new(now, null, false);
}

/// <summary>The throttle's answer: what to print now, and the step's state afterwards.</summary>
public sealed record ThrottleDecision(ProgressPrint Print, StepThrottle Next);
