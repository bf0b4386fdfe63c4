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

    private readonly IReadOnlyDictionary<string, string> diffs;

    private DemoForge(string root, OffsetClock clock, IReadOnlyDictionary<string, string> diffs)
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

    /// <summary>What new sessions' reconcilers get as <see cref="ReconcilerOptions.ShareValidation"/>.</summary>
    public bool ShareValidation { get; set; } = true;

    /// <summary>Issue numbers by demo key.</summary>
    public IReadOnlyDictionary<string, int> Numbers => numbers;

    public static async Task<DemoForge> CreateAsync(params string[] keys)
    {
        var root = Path.Combine(Path.GetTempPath(), "autoship-engine-test-" + Guid.NewGuid().ToString("N")[..10]);
        var clock = new OffsetClock();
        var diffs = await DemoForgeSetup.CreateAsync(Path.Combine(root, "forge"), clock, CancellationToken.None);

        var demo = new DemoForge(root, clock, diffs);
        foreach (var key in keys)
        {
            await demo.FileIssueAsync(key);
        }

        return demo;
    }

    /// <summary>Files the demo issue <paramref name="key"/> (as its demo author, its body ending with <paramref name="bodySuffix"/>) and returns its number.</summary>
    public async Task<int> FileIssueAsync(string key, string? bodySuffix = null)
    {
        var issue = DemoScenario.Issues.Single(i => i.Key == key);
        await using var author = await LocalForge.OpenAsync(Directory, issue.Author, Clock, CancellationToken.None);
        var body = DemoForgeSetup.IssueBody(issue, diffs[issue.Key]) + (bodySuffix is null ? string.Empty : "\n\n" + bodySuffix);
        var number = (await author.CreateIssueAsync(issue.Title, body, issue.Labels, CancellationToken.None)).Number;
        numbers[key] = number;
        return number;
    }

    public Task<LocalForge> OpenAsync(string actingAs = LocalForge.HarnessLogin) => LocalForge.OpenAsync(Directory, actingAs, Clock, CancellationToken.None);

    /// <summary>Opens the forge and the store and makes a new reconciler, as a new process would.</summary>
    public async Task<Session> SessionAsync(Func<PlannedAction, int, Task>? afterAction = null, string holder = "test", Func<ExecutorSettings, Autoship.Engine.Executors.IWorkExecutor?>? executors = null)
    {
        var forge = await OpenAsync();
        var store = await StoreFactory.OpenAsync(StorePath, CancellationToken.None);
        var runner = new AgentRunner(new AgentRunnerOptions(StateDirectory) { Time = Clock });
        var options = new ReconcilerOptions(holder, StateDirectory) { AfterAction = afterAction, Executors = executors, ShareValidation = ShareValidation };
        return new Session(forge, store, new Reconciler(forge, store, runner, options, Clock, NullLogger.Instance));
    }

    /// <summary>
    /// Ticks fresh reconcilers until one performs no action; returns the number of actions performed. A tick that
    /// <paramref name="afterAction"/> aborts with an <see cref="InjectedCrash"/> counts as a crashed process.
    /// </summary>
    /// <param name="executors">The job executors the reconcilers use (null: the agents run inside the tick).</param>
    /// <param name="afterTick">Runs after each tick, e.g. waiting for the jobs it dispatched so that the next tick collects them.</param>
    public async Task<int> RunUntilQuietAsync(Func<PlannedAction, int, Task>? afterAction = null, int maxTicks = 12,
        Func<ExecutorSettings, Autoship.Engine.Executors.IWorkExecutor?>? executors = null, Func<Task>? afterTick = null)
    {
        var total = 0;
        for (var tick = 0; tick < maxTicks; tick++)
        {
            var performed = 0;
            await using (var session = await SessionAsync(afterAction == null ? null : async (a, i) =>
            {
                performed = i;
                await afterAction(a, i);
            }, executors: executors))
            {
                try
                {
                    var report = await session.Reconciler.TickAsync(false, CancellationToken.None);
                    report.Outcome.ShouldBe(TickOutcome.Done);
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

            if (afterTick is not null)
            {
                await afterTick();
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

    /// <summary>
    /// Makes qa-reliability-engineer (the reviewer of docs, ops and most areas) a <c>command</c> agent that approves:
    /// its reviews are then agent runs, which go to the executor as jobs (the built-in rules reviewer runs in the tick).
    /// </summary>
    public async Task UseAgentReviewerAsync()
    {
        const string Builtin = "runner: { preset: builtin, model: null, args: [], command: [] }";
        var config = Autoship.Engine.Demo.DemoRunner.DemoConfig();
        var at = config.IndexOf(Builtin, config.IndexOf("- name: qa-reliability-engineer", StringComparison.Ordinal), StringComparison.Ordinal);
        config = config[..at] + """runner: { preset: command, command: [printf, "```json\n{\"verdict\":\"approve\"}\n```\n"] }""" + config[(at + Builtin.Length)..];
        await CommitToMainAsync(".github/autoship.yml", config);
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
