using Autoship.Agents;
using Autoship.Cli.Progress;
using Microsoft.Extensions.Time.Testing;

namespace Autoship.Cli.Tests.Progress;

/// <summary>The plain lines a log gets, driven by a fake clock (the renderer's poll timer fires as the clock advances).</summary>
public sealed class PlainProgressTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly StringWriter log = new();
    private readonly PlainProgress progress;

    public PlainProgressTests()
    {
        progress = new PlainProgress(log, clock);
    }

    private static readonly ProgressStep Agent = new("run-1", "#12 author docs-agent");

    private string[] Lines() => log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private void Advance(int seconds)
    {
        for (var i = 0; i < seconds * 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    [Fact]
    public void QuickStep_PrintsOneLine_WhenItFinishes()
    {
        var merge = new ProgressStep("t/1", "#3 merge");
        progress.Started(merge);
        Advance(1);
        Lines().ShouldBeEmpty();

        progress.Finished(merge, "ok: merged PR #4");

        Lines().ShouldBe(["progress: #3 merge finished in 1.0s: ok: merged PR #4"]);
    }

    [Fact]
    public void ChattyAgent_PrintsItsLastLineAtMostEveryTenSeconds_ThenItsEnd()
    {
        progress.Started(Agent);
        progress.Line(Agent, "reading the guide");
        progress.Line(Agent, "editing docs/guide.md");
        Advance(2);
        progress.Line(Agent, "running the tests");
        Advance(5);
        progress.Line(Agent, "tests passed");
        Advance(5);
        progress.Line(Agent, "writing the summary");
        Advance(1);

        progress.Finished(Agent, "committed");

        Lines().ShouldBe([
            "progress: #12 author docs-agent (2.0s): editing docs/guide.md",
            "progress: #12 author docs-agent (12s): tests passed",
            "progress: #12 author docs-agent finished in 13s: committed (last output: writing the summary)",
        ]);
    }

    [Fact]
    public void SilentAgent_SaysItRuns_ThenThatItStillRuns()
    {
        progress.Started(Agent);
        Advance(3);
        progress.Line(Agent, "thinking");
        Advance(70);

        Lines().ShouldBe([
            "progress: #12 author docs-agent (2.0s): running",
            "progress: #12 author docs-agent (12s): thinking",
            "progress: #12 author docs-agent (1m 12s): still running; last output: thinking",
        ]);
    }

    [Fact]
    public void NestedSteps_EachHasItsOwnThrottle()
    {
        var action = new ProgressStep("t/1", "#12 start-attempt");
        progress.Started(action);
        progress.Started(Agent);
        Advance(2);
        progress.Finished(Agent, "committed");
        progress.Finished(action, "ok: opened PR #13");

        Lines().ShouldBe([
            "progress: #12 start-attempt (2.0s): running",
            "progress: #12 author docs-agent (2.0s): running",
            "progress: #12 author docs-agent finished in 2.0s: committed",
            "progress: #12 start-attempt finished in 2.0s: ok: opened PR #13",
        ]);
    }

    [Fact]
    public void LineOfAnUnknownStep_IsIgnored_AndAnEndWithoutAStartStillPrints()
    {
        progress.Line(Agent, "stray");
        progress.Finished(new ProgressStep("job", "#5 start-attempt"), "ok: collected the job");

        Lines().ShouldBe(["progress: #5 start-attempt finished in 0.0s: ok: collected the job"]);
    }

    [Fact]
    public void ClosedWriter_DoesNotFailTheWork()
    {
        progress.Started(Agent);
        log.Dispose();

        Should.NotThrow(() => progress.Finished(Agent, "committed"));
    }

    public void Dispose()
    {
        progress.Dispose();
        log.Dispose();
    }
}
