using Autoship.Agents;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Engine.Demo;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Forge;
using Autoship.Forge.Git;
using Autoship.Forge.Local;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoship.Engine.Tests.Support;

/// <summary>
/// A real local forge in a temp dir with the sample project, the demo configuration and some of the demo's issues
/// (by key), set up like <c>autoship demo</c> does; plus fresh reconcilers over it, as a restarted process would make.
/// </summary>
public sealed class DemoForge : IAsyncDisposable
{
    private readonly Dictionary<string, int> numbers;

    private readonly Dictionary<string, string> diffs;

    private DemoForge(string root, OffsetClock clock, Dictionary<string, string> diffs)
    {
        Root = root;
        Clock = clock;
        this.diffs = diffs;
        numbers = [];
    }

    public string Root { get; }

    public string Directory => Path.Combine(Root, "forge");

    public string StateDirectory => Path.Combine(Directory, "autoship");

    public string StorePath => Path.Combine(StateDirectory, "state.db");

    public OffsetClock Clock { get; }

    /// <summary>Issue numbers by demo key.</summary>
    public IReadOnlyDictionary<string, int> Numbers => numbers;

    public static async Task<DemoForge> CreateAsync(params string[] keys)
    {
        var root = Path.Combine(Path.GetTempPath(), "autoship-engine-test-" + Guid.NewGuid().ToString("N")[..10]);
        var seed = Path.Combine(root, "seed");
        var config = DemoRunner.DemoConfig();
        LocalSample.WriteTo(seed, new Dictionary<string, string> { [AutoshipConfig.DefaultPath] = config });
        var diffs = await DiffsAsync(seed, DemoScenario.Issues);
        var loaded = ConfigLoader.Load(config, AutoshipConfig.DefaultPath).Config!;
        var clock = new OffsetClock();
        var forgeDir = Path.Combine(root, "forge");
        await using (var owner = await LocalForge.InitAsync(forgeDir, LocalSample.Owner, clock, seed, CancellationToken.None))
        {
            await owner.AddUserAsync(LocalSample.Writer, "writer", CancellationToken.None);
            await owner.AddUserAsync(LocalSample.Reader, "reader", CancellationToken.None);
            foreach (var label in loaded.Labels)
            {
                await owner.UpsertLabelAsync(label, CancellationToken.None);
            }

            await owner.SetBranchProtectionAsync(loaded.Protections.Branch, new BranchProtection(true, loaded.Protections.RequiredApprovals, true,
                [.. loaded.Validation.RequiredChecks, Planner.GateContext], false, false), CancellationToken.None);
        }

        var demo = new DemoForge(root, clock, diffs);
        foreach (var key in keys)
        {
            await demo.FileIssueAsync(key);
        }

        return demo;
    }

    /// <summary>Files the demo issue <paramref name="key"/> (as its demo author) and returns its number.</summary>
    public async Task<int> FileIssueAsync(string key)
    {
        var issue = DemoScenario.Issues.Single(i => i.Key == key);
        await using var author = await LocalForge.OpenAsync(Directory, issue.Author, Clock, CancellationToken.None);
        var body = $"{issue.Shows}.\n\n```diff\n{diffs[issue.Key]}```\n";
        if (issue.Evidence is { } evidence)
        {
            body += $"\n## Verification evidence\n\n{evidence}\n";
        }

        var number = (await author.CreateIssueAsync(issue.Title, body, issue.Labels, CancellationToken.None)).Number;
        numbers[key] = number;
        return number;
    }

    public Task<LocalForge> OpenAsync(string actingAs = LocalForge.HarnessLogin) => LocalForge.OpenAsync(Directory, actingAs, Clock, CancellationToken.None);

    /// <summary>Opens the forge and the store and makes a new reconciler, as a new process would.</summary>
    public async Task<Session> SessionAsync(Func<PlannedAction, int, Task>? afterAction = null, string holder = "test")
    {
        var forge = await OpenAsync();
        var store = await StoreFactory.OpenAsync(StorePath, CancellationToken.None);
        var runner = new AgentRunner(new AgentRunnerOptions(StateDirectory) { Time = Clock });
        var options = new ReconcilerOptions(holder, StateDirectory) { AfterAction = afterAction };
        return new Session(forge, store, new Reconciler(forge, store, runner, options, Clock, NullLogger.Instance));
    }

    /// <summary>
    /// Ticks fresh reconcilers until one performs no action; returns the number of actions performed. A tick that
    /// <paramref name="afterAction"/> aborts with an <see cref="InjectedCrash"/> counts as a crashed process.
    /// </summary>
    public async Task<int> RunUntilQuietAsync(Func<PlannedAction, int, Task>? afterAction = null, int maxTicks = 12)
    {
        var total = 0;
        for (var tick = 0; tick < maxTicks; tick++)
        {
            var performed = 0;
            await using (var session = await SessionAsync(afterAction == null ? null : async (a, i) =>
            {
                performed = i;
                await afterAction(a, i);
            }))
            {
                try
                {
                    var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
                    report.Outcome.ShouldBe("done");
                    performed = report.Actions.Count;
                    if (performed == 0)
                    {
                        return total;
                    }
                }
                catch (InjectedCrash)
                {
                }
            }

            total += performed;
        }

        throw new ShouldAssertException($"the loop did not become quiet within {maxTicks} ticks");
    }

    /// <summary>Commits <paramref name="content"/> at <paramref name="path"/> straight onto main of the bare repository, as a person with push access would.</summary>
    public async Task CommitToMainAsync(string path, string content)
    {
        var clone = Path.Combine(Root, "clone-" + Guid.NewGuid().ToString("N")[..6]);
        await GitCli.RunAsync(Root, "clone", "--quiet", Path.Combine(Directory, "repo.git"), clone);
        await File.WriteAllTextAsync(Path.Combine(clone, path), content);
        await GitCli.RunAsync(clone, "add", "-A");
        await GitCli.RunAsync(clone, "-c", "user.name=maintainer", "-c", "user.email=m@example.invalid", "commit", "--quiet", "-m", "Edit " + path);
        await GitCli.RunAsync(clone, "push", "--quiet", "origin", "HEAD:main");
    }

    /// <summary>Approves, as the writer alice, every open PR on an autoship branch.</summary>
    public async Task ApproveOpenPullRequestsAsync()
    {
        await using var alice = await OpenAsync(LocalSample.Writer);
        foreach (var pr in await alice.ListPullRequestsAsync("open", CancellationToken.None))
        {
            await alice.SubmitPersonReviewAsync(pr.Number, ReviewVerdict.Approve, "approved", CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<Dictionary<string, string>> DiffsAsync(string seed, IReadOnlyList<DemoIssue> issues)
    {
        // Each edit becomes a real diff against the sample (like the demo), made in a scratch clone of the seed.
        var scratch = seed + "-scratch";
        CopyDirectory(seed, scratch);
        await GitCli.RunAsync(scratch, "init", "--quiet", "-b", "main");
        await GitCli.RunAsync(scratch, "add", "-A");
        await GitCli.RunAsync(scratch, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "--quiet", "-m", "sample");
        var diffs = new Dictionary<string, string>();
        foreach (var issue in issues)
        {
            foreach (var edit in issue.Edits)
            {
                var path = Path.Combine(scratch, edit.Path);
                System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var text = File.Exists(path) ? await File.ReadAllTextAsync(path) : string.Empty;
                await File.WriteAllTextAsync(path, edit.Find.Length == 0 ? edit.Replace : text.Replace(edit.Find, edit.Replace, StringComparison.Ordinal));
            }

            await GitCli.RunAsync(scratch, "add", "-A");
            diffs[issue.Key] = await GitCli.RunAsync(scratch, "diff", "--cached") + "\n";
            await GitCli.RunAsync(scratch, "reset", "--quiet", "--hard", "HEAD");
        }

        return diffs;
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }

    /// <summary>One "process": a forge connection, a store and a reconciler.</summary>
    public sealed record Session(LocalForge Forge, IStateStore Store, Reconciler Reconciler) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Forge.DisposeAsync();
            await Store.DisposeAsync();
        }
    }
}

/// <summary>The fault a test injects after an action: the tick stops there, like a killed process.</summary>
public sealed class InjectedCrash(int action) : Exception($"injected crash after action {action}");
