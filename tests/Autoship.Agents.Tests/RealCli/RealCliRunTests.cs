using Autoship.Agents.Tests.FakeModel;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Forge;

namespace Autoship.Agents.Tests.RealCli;

/// <summary>The installed real CLIs, driven by the loopback fake model, as author and reviewer.</summary>
public sealed class RealCliRunTests
{
    private static Task<(Harness H, FakeModelServer Model, AgentDefinition Agent)> SetUpAsync(string preset, FakeScript script) =>
        RealAgents.SetUpAsync(preset, script, preset + "-agent");

    [Theory]
    [MemberData(nameof(RealAgents.Presets), MemberType = typeof(RealAgents))]
    public async Task RunAuthorAsync_RealCliAgainstFakeModel_CommitsTheChange(string preset)
    {
        var (h, model, agent) = await SetUpAsync(preset, FakeScript.Write("docs/guide.md", $"fixed by {preset}"));
        using var _ = h;
        await using var __ = model;

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(body: "Fix the guide: the marker is ZEBRA-42."), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, $"{result.Run.ExitReason}\n{File.ReadAllText(result.Run.LogPath!)}");
        result.Files.Select(f => f.Path).ShouldContain("docs/guide.md");
        model.AllBodies.ShouldContain("ZEBRA-42");
        result.Run.Usage.ShouldNotBeNull().OutputTokens.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(RealAgents.Presets), MemberType = typeof(RealAgents))]
    public async Task RunReviewerAsync_RealCliVerdicts_ParsedAndFailClosed(string preset)
    {
        foreach (var (text, verdict, closed) in new[]
        {
            ("Looks right.\n```json\n{\"verdict\":\"approve\",\"findings\":[]}\n```", ReviewVerdict.Approve, false),
            ("```json\n{\"verdict\":\"request_changes\",\"findings\":[{\"rubric\":\"scope\",\"severity\":\"error\",\"message\":\"too wide\",\"path\":\"docs/guide.md\"}]}\n```", ReviewVerdict.RequestChanges, false),
            ("I think it is fine, probably.", ReviewVerdict.RequestChanges, true),
        })
        {
            var (h, model, agent) = await SetUpAsync(preset, FakeScript.Review(text));
            using var _ = h;
            await using var __ = model;
            var order = Fixtures.Order();
            var head = await h.Repo.CommitOnTopAsync(order.Branch, ("docs/guide.md", "# Guide\n\nline PLATYPUS\n"));
            var pr = new PullRequestSnapshot(7, order.Title, "", new Actor("autoship", Permission.Write), order.Branch, head, "main", true, false, [], [], [], [], [], DateTimeOffset.UnixEpoch);
            var request = new ReviewRequest(order, agent, Fixtures.Agent("author", preset: "builtin"), pr, h.Repo.BaseSha, Fixtures.Config(agent), h.Repo.Path);

            var result = await h.Runner().RunReviewerAsync(request, TestContext.Current.CancellationToken);

            result.Verdict.ShouldBe(verdict, result.Body);
            result.FailedClosed.ShouldBe(closed, result.Body);
            model.AllBodies.ShouldContain("PLATYPUS");
        }
    }
}
