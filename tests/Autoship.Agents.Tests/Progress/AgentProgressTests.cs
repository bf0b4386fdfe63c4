using System.Collections.Concurrent;

namespace Autoship.Agents.Tests.Progress;

/// <summary>A real agent process reports its run on the runner's progress sink: started, each line (clean), finished.</summary>
public sealed class AgentProgressTests
{
    private sealed class Recorder : IAgentProgress
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public void Started(ProgressStep step) => Events.Enqueue($"start {step.What}");

        public void Line(ProgressStep step, string line) => Events.Enqueue($"line {step.What}: {line}");

        public void Finished(ProgressStep step, string outcome) => Events.Enqueue($"end {step.What}: {outcome}");
    }

    [Fact]
    public async Task RunAuthorAsync_AgentPrintsLines_ProgressHasThemCleanAndRedacted()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", $$"""
            echo "reading the guide"
            printf '\033[2J\033]0;owned\007painting %s\n' "$GITHUB_TOKEN-was-here"
            echo "leaked {{Harness.GitHubToken}}" >&2
            echo "Run the tests." >> docs/guide.md
            echo "all done"
            """);
        var recorder = new Recorder();
        var runner = new AgentRunner(new AgentRunnerOptions(h.State) { HarnessEnvironment = h.Env, Progress = recorder });

        var result = await runner.RunAuthorAsync(h.Author(Fixtures.Order(issue: 7), Fixtures.Agent(command: ["agent"])), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons.Select(r => r.Message)));
        var events = recorder.Events.ToList();
        events[0].ShouldBe("start #7 author author");
        // The end quotes the agent's own last line, redacted (stdout and stderr are pumped apart, so either may be last).
        events[^1].ShouldBeOneOf("end #7 author author: Committed; the agent's last line: all done", "end #7 author author: Committed; the agent's last line: leaked [REDACTED]");
        events.ShouldContain("line #7 author author: reading the guide");
        events.ShouldContain("line #7 author author: all done");
        events.ShouldContain($"line #7 author author: leaked {SecretRedactor.Mask}");
        // The agent's environment has no GITHUB_TOKEN: the variable is empty, and escape codes are gone.
        events.ShouldContain("line #7 author author: painting -was-here");
        events.ShouldAllBe(e => !e.Contains('\u001b') && !e.Contains(Harness.GitHubToken));
    }

    [Fact]
    public async Task RunAuthorAsync_NoProgressSink_RunsAsBefore()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo x >> docs/guide.md; echo done");

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), Fixtures.Agent(command: ["agent"])), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed);
    }
}
