using Autoship.Agents.Tests.FakeModel;
using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents.Tests.RealCli;

/// <summary>The installed CLIs under bwrap (their npm install mounted read-only) and with prompts beyond the 128 KiB argv limit.</summary>
public sealed class RealCliSandboxTests
{
    private static async Task<(Harness H, FakeModelServer Model, AgentDefinition Agent)> SetUpAsync(string preset, SandboxKind sandbox)
    {
        RealAgents.RequireInstalled(preset);
        if (sandbox == SandboxKind.Bwrap && !(await BubblewrapSandbox.ProbeAsync(TestContext.Current.CancellationToken)).Ok)
        {
            Assert.Skip("bubblewrap cannot create a sandbox on this machine");
        }

        return await RealAgents.SetUpAsync(preset, FakeScript.Write("docs/guide.md", $"fixed by {preset}"), preset + "-agent", sandbox);
    }

    [Theory]
    [MemberData(nameof(RealAgents.Presets), MemberType = typeof(RealAgents))]
    public async Task RunAuthorAsync_RealCliUnderBwrap_FindsItsInstallAndCommits(string preset)
    {
        var (h, model, agent) = await SetUpAsync(preset, SandboxKind.Bwrap);
        using var _ = h;
        await using var __ = model;

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, $"{result.Run.ExitReason}\n{File.ReadAllText(result.Run.LogPath!)}");
        result.Run.CommandLine[0].ShouldEndWith("bwrap");
    }

    [Theory]
    [MemberData(nameof(RealAgents.Presets), MemberType = typeof(RealAgents))]
    public async Task RunAuthorAsync_PromptOf200KiB_ReachesTheModelWhole(string preset)
    {
        var (h, model, agent) = await SetUpAsync(preset, SandboxKind.None);
        using var _ = h;
        await using var __ = model;
        var body = "Fix the guide.\n" + string.Concat(Enumerable.Range(0, 200 * 1024 / 32).Select(i => $"context line {i:D8} ..........\n")) + "END-OF-PROMPT-MARKER";
        body.Length.ShouldBeGreaterThan(200 * 1024);

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(body: body), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, $"{result.Run.ExitReason}\n{File.ReadAllText(result.Run.LogPath!)}");
        model.AllBodies.ShouldContain("END-OF-PROMPT-MARKER");
        model.AllBodies.ShouldContain("context line 00006000");
    }
}
