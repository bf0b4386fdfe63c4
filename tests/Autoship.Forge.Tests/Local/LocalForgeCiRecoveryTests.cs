using Autoship.Core;
using Autoship.Forge.Local;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Tests.Local;

public sealed class LocalForgeCiRecoveryTests
{
    private static readonly Dictionary<string, string> Seed = new() { ["scripts/test.sh"] = "echo validating\n" };

    private sealed class Crash : Exception;

    [Fact]
    public async Task ObserveAsync_PusherDiedBeforeCi_RunsTheOwedCheck()
    {
        await using var fx = await LocalForgeFixture.CreateAsync(Seed);
        var bot = await fx.OpenAsync(runCi: true);
        await bot.CreateIssueAsync("Docs", "body", [Labels.Ready], CancellationToken.None);
        var sha = await fx.CommitAsync("autoship/1-docs", new Dictionary<string, string?> { ["docs.md"] = "hi\n" });
        LocalCrashPoint.OnReached = p => throw (p == "push-before-ci" ? new Crash() : new InvalidOperationException("unexpected crash point " + p));
        try
        {
            await Should.ThrowAsync<Crash>(() => bot.PushBranchAsync(fx.Clone, "autoship/1-docs", null, CancellationToken.None));
        }
        finally
        {
            LocalCrashPoint.OnReached = null;
        }

        await bot.CreatePullRequestAsync(new NewPullRequest("autoship/1-docs", "main", "Docs", "Fixes #1", []), CancellationToken.None);
        (await bot.ObserveAsync(CancellationToken.None)).PullRequests.ShouldHaveSingleItem().Checks.ShouldBeEmpty(); // the pusher (this process) still runs
        await using (var c = new SqliteConnection($"Data Source={Path.Combine(fx.ForgeDir, "forge.db")};Pooling=false"))
        {
            await c.OpenAsync(TestContext.Current.CancellationToken);
            using var command = c.CreateCommand();
            command.CommandText = "UPDATE ci_runs SET started_ticks = 0"; // as if the pusher's pid now belonged to another process
            (await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        }

        var observed = await bot.ObserveAsync(CancellationToken.None);

        var check = observed.PullRequests.ShouldHaveSingleItem().Checks.ShouldHaveSingleItem();
        check.ShouldBe(check with { Name = "ci", State = CheckState.Success, Sha = sha });
        (await bot.ObserveAsync(CancellationToken.None)).PullRequests.Single().Checks.Count.ShouldBe(1);
    }
}
