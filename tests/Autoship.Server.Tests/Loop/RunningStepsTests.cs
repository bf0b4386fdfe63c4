using Autoship.Agents;
using Autoship.Server.Loop;

namespace Autoship.Server.Tests.Loop;

public sealed class RunningStepsTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Recorder : IAgentProgress
    {
        public List<string> Events { get; } = [];

        public void Started(ProgressStep step) => Events.Add("start " + step.What);

        public void Line(ProgressStep step, string line) => Events.Add($"line {step.What}: {line}");

        public void Finished(ProgressStep step, string outcome) => Events.Add($"end {step.What}: {outcome}");
    }

    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Snapshot_ShowsRunningStepsOldestFirstWithTheirLastLine_AndForgetsFinishedOnes()
    {
        var clock = new Clock(T0);
        var next = new Recorder();
        var running = new RunningSteps(clock, next);
        var author = new ProgressStep("a", "#3 author docs-agent");
        var review = new ProgressStep("r", "#2 review reviewer");

        running.Started(author);
        clock.Now = T0.AddSeconds(5);
        running.Started(review);
        running.Line(author, "reading the guide");
        clock.Now = T0.AddSeconds(9);
        running.Line(author, "wrote the reminder");

        var now = running.Snapshot();
        now.Select(s => s.What).ShouldBe(["#3 author docs-agent", "#2 review reviewer"]);
        now[0].LastLine.ShouldBe("wrote the reminder");
        now[0].LastLineAt.ShouldBe(T0.AddSeconds(9));
        now[0].StartedAt.ShouldBe(T0);
        now[1].LastLine.ShouldBeNull();

        running.Finished(author, "Committed");
        running.Snapshot().Select(s => s.What).ShouldBe(["#2 review reviewer"]);
        next.Events.ShouldBe([
            "start #3 author docs-agent", "start #2 review reviewer", "line #3 author docs-agent: reading the guide",
            "line #3 author docs-agent: wrote the reminder", "end #3 author docs-agent: Committed",
        ]);
    }

    [Fact]
    public void Lines_OfAStepNeverStarted_AreNotShown_AndTheNumberOfStepsIsBounded()
    {
        var running = new RunningSteps(new Clock(T0));
        running.Line(new ProgressStep("ghost", "ghost"), "boo");
        running.Finished(new ProgressStep("ghost", "ghost"), "done");
        running.Snapshot().ShouldBeEmpty();

        for (var i = 0; i < RunningSteps.MaxSteps + 50; i++)
        {
            running.Started(new ProgressStep("s" + i, "step " + i));
        }

        running.Snapshot().Count.ShouldBe(RunningSteps.MaxSteps);
    }

    [Fact]
    public void AFailingLog_NeverFailsTheStep()
    {
        var running = new RunningSteps(new Clock(T0), new Throwing());
        var step = new ProgressStep("a", "a");
        running.Started(step);
        running.Line(step, "x");
        running.Snapshot().Single().LastLine.ShouldBe("x");
        running.Finished(step, "ok");
        running.Snapshot().ShouldBeEmpty();
    }

    private sealed class Throwing : IAgentProgress
    {
        public void Started(ProgressStep step) => throw new IOException("closed");

        public void Line(ProgressStep step, string line) => throw new ObjectDisposedException("log");

        public void Finished(ProgressStep step, string outcome) => throw new IOException("closed");
    }
}
