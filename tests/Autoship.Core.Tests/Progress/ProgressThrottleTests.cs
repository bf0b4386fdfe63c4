using Autoship.Core.Progress;

namespace Autoship.Core.Tests.Progress;

/// <summary>When a plain progress line is printed: every signal in every state, at the edges of each delay.</summary>
public sealed class ProgressThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly ProgressThrottle Throttle = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static StepThrottle Fresh() => StepThrottle.StartedAt(T0);

    private static StepThrottle Printed(double at, bool held = false) => new(T0, At(at), held);

    [Theory]
    // Nothing printed yet: a line waits for the start delay, then prints.
    [InlineData(0.0, ProgressPrint.Nothing)]
    [InlineData(1.9, ProgressPrint.Nothing)]
    [InlineData(2.0, ProgressPrint.Line)]
    [InlineData(30.0, ProgressPrint.Line)]
    public void OnLine_NothingPrintedYet_PrintsOnceTheStartDelayPassed(double now, ProgressPrint expected)
    {
        var decision = Throttle.OnLine(Fresh(), At(now));

        decision.Print.ShouldBe(expected);
        decision.Next.LineHeld.ShouldBe(expected == ProgressPrint.Nothing);
        decision.Next.LastPrinted.ShouldBe(expected == ProgressPrint.Nothing ? null : At(now));
        decision.Next.Started.ShouldBe(T0);
    }

    [Theory]
    // Printed at 5 s: the next line waits for the interval (10 s) whatever the start delay.
    [InlineData(5.0, ProgressPrint.Nothing)]
    [InlineData(14.9, ProgressPrint.Nothing)]
    [InlineData(15.0, ProgressPrint.Line)]
    [InlineData(100.0, ProgressPrint.Line)]
    public void OnLine_AfterAPrint_PrintsAtMostOncePerInterval(double now, ProgressPrint expected)
    {
        var decision = Throttle.OnLine(Printed(5), At(now));

        decision.Print.ShouldBe(expected);
        decision.Next.LineHeld.ShouldBe(expected == ProgressPrint.Nothing);
        decision.Next.LastPrinted.ShouldBe(expected == ProgressPrint.Nothing ? At(5) : At(now));
    }

    [Theory]
    // Before anything printed: a step still running after the start delay prints "running", or its held line.
    [InlineData(false, 1.0, ProgressPrint.Nothing)]
    [InlineData(true, 1.0, ProgressPrint.Nothing)]
    [InlineData(false, 2.0, ProgressPrint.Running)]
    [InlineData(true, 2.0, ProgressPrint.Line)]
    // After a print at 5 s: a held line prints when the interval passed; silence only after the heartbeat.
    public void OnPoll_NothingPrintedYet(bool held, double now, ProgressPrint expected)
    {
        var decision = Throttle.OnPoll(Fresh() with { LineHeld = held }, At(now));

        decision.Print.ShouldBe(expected);
        if (expected != ProgressPrint.Nothing)
        {
            decision.Next.ShouldBe(Printed(now));
        }
        else
        {
            decision.Next.ShouldBe(Fresh() with { LineHeld = held });
        }
    }

    [Theory]
    [InlineData(true, 14.0, ProgressPrint.Nothing)]
    [InlineData(true, 15.0, ProgressPrint.Line)]
    [InlineData(false, 15.0, ProgressPrint.Nothing)]
    [InlineData(false, 64.9, ProgressPrint.Nothing)]
    [InlineData(false, 65.0, ProgressPrint.StillRunning)]
    [InlineData(true, 65.0, ProgressPrint.Line)]
    public void OnPoll_AfterAPrint(bool held, double now, ProgressPrint expected)
    {
        var decision = Throttle.OnPoll(Printed(5, held), At(now));

        decision.Print.ShouldBe(expected);
        decision.Next.ShouldBe(expected == ProgressPrint.Nothing ? Printed(5, held) : Printed(now));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void OnFinish_AlwaysPrints_InEveryState(bool printedBefore, bool held)
    {
        var step = new StepThrottle(T0, printedBefore ? At(1) : null, held);

        var decision = Throttle.OnFinish(step, At(1.5));

        decision.Print.ShouldBe(ProgressPrint.Finished);
        decision.Next.ShouldBe(Printed(1.5));
    }

    [Fact]
    public void Sequence_ChattyAgentForAMinute_PrintsAboutOncePerInterval()
    {
        // A line every 100 ms for 60 s, a poll every second: the start delay, then one line per 10 s, then the end.
        var step = Fresh();
        var prints = new List<(double At, ProgressPrint Print)>();
        for (var ms = 0; ms <= 60_000; ms += 100)
        {
            var now = At(ms / 1000.0);
            var line = Throttle.OnLine(step, now);
            step = line.Next;
            if (line.Print != ProgressPrint.Nothing)
            {
                prints.Add((ms / 1000.0, line.Print));
            }

            if (ms % 1000 == 0)
            {
                var poll = Throttle.OnPoll(step, now);
                step = poll.Next;
                if (poll.Print != ProgressPrint.Nothing)
                {
                    prints.Add((ms / 1000.0, poll.Print));
                }
            }
        }

        prints.Add((60.05, Throttle.OnFinish(step, At(60.05)).Print));

        prints.ShouldBe([(2, ProgressPrint.Line), (12, ProgressPrint.Line), (22, ProgressPrint.Line), (32, ProgressPrint.Line), (42, ProgressPrint.Line), (52, ProgressPrint.Line), (60.05, ProgressPrint.Finished)]);
    }

    [Fact]
    public void Sequence_SilentStep_RunningThenAHeartbeatPerMinute()
    {
        var step = Fresh();
        var prints = new List<(int At, ProgressPrint Print)>();
        for (var s = 0; s <= 150; s++)
        {
            var poll = Throttle.OnPoll(step, At(s));
            step = poll.Next;
            if (poll.Print != ProgressPrint.Nothing)
            {
                prints.Add((s, poll.Print));
            }
        }

        prints.ShouldBe([(2, ProgressPrint.Running), (62, ProgressPrint.StillRunning), (122, ProgressPrint.StillRunning)]);
    }

    [Fact]
    public void OnLine_ClockWentBackwards_HoldsTheLine()
    {
        var decision = Throttle.OnLine(Printed(5), At(1));

        decision.Print.ShouldBe(ProgressPrint.Nothing);
        decision.Next.LineHeld.ShouldBeTrue();
    }
}
