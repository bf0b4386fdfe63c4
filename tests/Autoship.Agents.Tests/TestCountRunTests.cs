using Autoship.Core;

namespace Autoship.Agents.Tests;

/// <summary>Class 6: a lane-A change that validates must not reduce the number of tests that run (base vs head, as the validation reports them).</summary>
public sealed class TestCountRunTests
{
    // The stand-in validation: one "test" per line of the guide, reported like the entrypoint's summary line.
    private const string Validation = "echo \"tests: $(wc -l < docs/guide.md) passed, 0 failed\"";

    [Fact]
    public async Task RunAuthorAsync_LaneAChangeRunsFewerTests_RefusedSayingBothCounts()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "sed -i '$d' docs/guide.md");

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(validation: Validation), Fixtures.Agent(command: ["agent"])), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.ValidationFailed, string.Join("; ", result.Reasons));
        var reason = result.Reasons.ShouldHaveSingleItem();
        reason.Code.ShouldBe("tests-fewer");
        reason.Message.ShouldContain("where the base ran");
    }

    [Fact]
    public async Task RunAuthorAsync_LaneAChangeAddsTests_CommitsAndSaysTheCounts()
    {
        using var h = await Harness.CreateAsync();
        h.Script("agent", "echo 'another' >> docs/guide.md");

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(validation: Validation), Fixtures.Agent(command: ["agent"])), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons));
        (await h.Repo.GitAsync("log", "-1", "--format=%B", result.CommitSha!)).ShouldContain("tests that run:");
    }
}
