using System.Diagnostics;
using System.Globalization;
using Autoship.Core;
using Autoship.Core.Dashboard;
using Autoship.Core.Planning;
using Autoship.Engine.Demo;
using Autoship.Forge;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Cli.Tests.Reliability;

/// <summary>
/// One local forge of the reliability campaign: the sample project, the demo configuration and lane A docs issues
/// that the builtin agents fix, review and merge by themselves; real <c>autoship tick</c> processes act on it, and
/// <see cref="InvariantsAsync"/> reads the forge itself afterwards.
/// </summary>
public sealed class CampaignForge : IDisposable
{
    private readonly TempDir dir = new();

    private CampaignForge()
    {
    }

    public string Directory => dir.Combine("forge");

    public string ConfigFile => dir.Combine("autoship.yml");

    public string Root => dir.Path;

    public static async Task<CampaignForge> CreateAsync(int issues)
    {
        var forge = new CampaignForge();
        var init = await CliRunner.RunAsync(forge.Root, "local", "init", forge.Directory, "--sample");
        init.ExitCode.ShouldBe(0, init.ToString());
        // The campaign kills the tick's own forge writes, so the agent runs inside the tick (inline); detached jobs of
        // the local executor have their own kill tests (JobExecutionTests: dead worker, deadline, store lost).
        await File.WriteAllTextAsync(forge.ConfigFile, DemoRunner.DemoConfig() + "\nexecutor:\n  kind: inline\n");
        var owner = await LocalForge.OwnerOfAsync(forge.Directory, CancellationToken.None);
        await using var local = await LocalForge.OpenAsync(forge.Directory, owner, TimeProvider.System, CancellationToken.None);
        for (var i = 1; i <= issues; i++)
        {
            await local.CreateIssueAsync($"Docs: add note {i}", Body(i), [Labels.Ready, Labels.Safe, "area:docs", "risk:low"], CancellationToken.None);
        }

        return forge;
    }

    private static string Body(int i) => string.Create(CultureInfo.InvariantCulture, $"""
        Add note {i}.

        ```diff
        diff --git a/docs/note-{i}.md b/docs/note-{i}.md
        new file mode 100644
        --- /dev/null
        +++ b/docs/note-{i}.md
        @@ -0,0 +1,2 @@
        +# Note {i}
        +Run `bash scripts/test.sh` before you open a pull request.
        ```

        """);

    /// <summary>Starts a real <c>autoship tick</c> process (the built CLI dll) with extra environment.</summary>
    public Process StartTick(IReadOnlyDictionary<string, string>? env = null, string? store = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["exec", CliRunner.CliDll, "tick", "--forge", "local:" + Directory, "--config", ConfigFile, "--json"])
        {
            psi.ArgumentList.Add(a);
        }

        if (store is not null)
        {
            psi.ArgumentList.Add("--store");
            psi.ArgumentList.Add(store);
        }

        psi.Environment["NO_COLOR"] = "1";
        psi.Environment.Remove("GITHUB_TOKEN");
        psi.Environment.Remove("GH_TOKEN");
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        return Process.Start(psi)!;
    }

    /// <summary>Runs one tick to its end: exit code and output.</summary>
    public async Task<CliRunner.Result> TickAsync(IReadOnlyDictionary<string, string>? env = null, string? store = null)
    {
        using var process = StartTick(env, store);
        return await WaitAsync(process);
    }

    /// <summary>
    /// A hang guard, not a timing check: a tick that works on two items takes minutes on a loaded 2-core machine
    /// (one took over 5 at load average 90), so only a tick stuck for <see cref="HangGuard"/> is stopped and reported.
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(30);

    public static async Task<CliRunner.Result> WaitAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(HangGuard);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"autoship tick (pid {process.Id}) was still running after {HangGuard.TotalMinutes} minutes: stopped as hung");
        }

        return new CliRunner.Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// What must hold on the forge at the end, whatever was killed when: every issue closed with its one PR merged
    /// once (one commit on main), one state comment in phase merged, no open PR, no claim label, no claim ref left.
    /// Empty when all hold; else one line per violation.
    /// </summary>
    public async Task<IReadOnlyList<string>> InvariantsAsync()
    {
        var violations = new List<string>();
        await using var forge = await LocalForge.OpenAsync(Directory, LocalForge.HarnessLogin, TimeProvider.System, new LocalForgeOptions { RunCi = false }, CancellationToken.None);
        var prs = await forge.ListPullRequestsAsync("all", CancellationToken.None);
        var subjects = (await GitCli.RunAsync(forge.BareRepository, "log", "--format=%s", "main")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var all = await forge.ListIssuesAsync("all", CancellationToken.None);

        // The dashboard issue (loop.dashboardIssue) is Autoship's report, not work: one at most, however many orchestrators raced.
        var dashboards = all.Where(i => i.HasLabel(DashboardIssue.Label)).ToList();
        Check(dashboards.Count(i => i.Open) <= 1, $"{dashboards.Count(i => i.Open)} open dashboard issues: {string.Join(", ", dashboards.Select(i => "#" + i.Number))}");
        foreach (var issue in all.Except(dashboards))
        {
            var n = issue.Number;
            var mine = prs.Where(p => BranchNames.IssueOf(p.HeadBranch) == n).ToList();
            var comments = (await forge.ListCommentsAsync(n, CancellationToken.None)).Where(c => c.Body.Contains(ItemMemory.Marker, StringComparison.Ordinal)).ToList();
            var phase = ItemMemoryCodec.Decode(comments.LastOrDefault()?.Body)?.Phase;
            Check(mine.Count(p => p.Open) <= 1, $"#{n}: {mine.Count(p => p.Open)} open PRs");
            Check(mine.Count == 1, $"#{n}: {mine.Count} PRs in all (an uninterrupted run opens one)");
            Check(mine.Count(p => p.Merged) == 1, $"#{n}: {mine.Count(p => p.Merged)} merged PRs");
            Check(comments.Count == 1, $"#{n}: {comments.Count} state comments");
            Check(phase == ItemPhase.Merged, $"#{n}: the state comment says {phase?.Wire() ?? "nothing"}, not merged");
            Check(!issue.Open, $"#{n}: still open");
            Check(!issue.HasLabel(Labels.Claimed), $"#{n}: autonomy:claimed left without work");
            foreach (var pr in mine)
            {
                var merges = subjects.Count(s => s.EndsWith($"(#{pr.Number})", StringComparison.Ordinal));
                Check(merges == (pr.Merged ? 1 : 0), $"PR #{pr.Number} (merged: {pr.Merged}) has {merges} commit(s) on main");
            }
        }

        var refs = await GitCli.RunAsync(forge.BareRepository, "for-each-ref", "--format=%(refname)", ForgeClaim.RefPrefix);
        Check(refs.Trim().Length == 0, $"claim refs left: {refs.Trim().Replace('\n', ' ')}");
        return violations;

        void Check(bool ok, string violation)
        {
            if (!ok)
            {
                violations.Add(violation);
            }
        }
    }

    /// <summary>The merged files on main, to compare with an uninterrupted run.</summary>
    public async Task<string> MainTreeAsync()
    {
        var bare = Path.Combine(Directory, "repo.git");
        return await GitCli.RunAsync(bare, "ls-tree", "-r", "main", "docs/");
    }

    public void Dispose() => dir.Dispose();
}
