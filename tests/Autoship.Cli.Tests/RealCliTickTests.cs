using System.Text.Json;
using Autoship.Agents.Tests.FakeModel;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests;

/// <summary>
/// Issue 14's "done when", per CLI: the installed real agent CLI (tests/.agents, pinned by scripts/test-agents.sh)
/// through real <c>autoship tick</c> processes on a local forge, configured as the author AND the reviewer agent and
/// driven by the loopback fake model running in this test process. A lane-A docs issue becomes a PR the CLI wrote,
/// the CLI reviews it (approve) and the PR merges, once with <c>sandbox: none</c> and once under bwrap with
/// <c>network: allow-list</c> (the model reached only through the harness's egress proxy). A reviewer answer that is
/// garbage fails closed: the review requests changes with the reason, and nothing merges (there the author is the
/// built-in patch agent, so that the one real run is the review whose verdict is parsed). Every row runs by default.
/// </summary>
public sealed class RealCliTickTests : IDisposable
{
    private const string Approve = "The change is in scope and small.\n```json\n{\"verdict\":\"approve\",\"findings\":[]}\n```";
    private const string Garbage = "LGTM!!! ship it, no need for a verdict block";
    private const string DocPath = "docs/real-cli.md";

    private readonly TempDir dir = TempDir.OutsideTmp();

    public static TheoryData<string, string> Runs()
    {
        var runs = new TheoryData<string, string>();
        foreach (var preset in FakeModelClients.Presets)
        {
            runs.Add(preset, "none");
            runs.Add(preset, "bwrap");
        }

        return runs;
    }

    public static TheoryData<string> Presets => new(FakeModelClients.Presets);

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Tick_RealCliAsAuthorAndReviewer_OpensReviewsAndMergesALaneAPr(string preset, string sandbox)
    {
        await RequireAsync(preset, sandbox);
        await using var model = new FakeModelServer(FakeScript.Tick(DocPath, "Run the tests before you push.", Approve));
        var (forge, config, env) = await SetUpAsync(preset, sandbox, model, realAuthor: true);

        await TickUntilAsync(forge, config, env, pr => pr.State == "merged");

        var pr = await SinglePullRequestAsync(forge, env);
        pr.State.ShouldBe("merged", Diagnostics(pr));
        pr.Author.ShouldBe("autoship[bot]", "the harness, never the agent, pushes and opens the PR");
        model.Requests.ShouldContain(r => r.Body.Contains("You are a reviewer agent", StringComparison.Ordinal), "the CLI reviewed the PR");
        model.Requests.ShouldContain(r => r.Body.Contains("You are an autonomous coding agent", StringComparison.Ordinal), "the CLI wrote the change");
        var logs = AgentLogs();
        logs.Count.ShouldBeGreaterThanOrEqualTo(2, "an author run and a review run");
        logs.ShouldAllBe(l => l.Contains(preset + " ", StringComparison.Ordinal), $"every run started {preset}, none the built-in agents");
        if (sandbox == "bwrap")
        {
            logs.ShouldAllBe(l => l.Contains("--unshare-net", StringComparison.Ordinal), "every run is sandboxed without a network of its own");
            logs.ShouldAllBe(l => l.Contains("# egress allow-list: ", StringComparison.Ordinal) && l.Contains($"127.0.0.1:{model.Port}", StringComparison.Ordinal));
        }
        else
        {
            logs.ShouldAllBe(l => !l.Contains("bwrap", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public async Task Tick_RealCliReviewerAnswersGarbage_FailsClosedNotMergedWithTheReason(string preset)
    {
        await RequireAsync(preset, "none");
        await using var model = new FakeModelServer(FakeScript.Tick(DocPath, "Run the tests before you push.", Garbage));
        var (forge, config, env) = await SetUpAsync(preset, "none", model, realAuthor: false);

        await TickUntilAsync(forge, config, env, pr => pr.Reviews.Count > 0);

        var pr = await SinglePullRequestAsync(forge, env);
        pr.State.ShouldBe("open", Diagnostics(pr));
        pr.Reviews[0].ShouldContain("the reviewer printed no ```json verdict block", customMessage: Diagnostics(pr));
        model.Requests.ShouldContain(r => r.Body.Contains("You are a reviewer agent", StringComparison.Ordinal), "the CLI reviewed the PR");
        model.Requests.ShouldNotContain(r => r.Body.Contains("You are an autonomous coding agent", StringComparison.Ordinal), "the built-in patch agent wrote the change");
        AgentLogs().ShouldContain(l => l.Contains(preset + " ", StringComparison.Ordinal), $"the review ran {preset}");
    }

    private static async Task RequireAsync(string preset, string sandbox)
    {
        if (!File.Exists(Path.Combine(AgentBin, preset)))
        {
            Assert.Skip($"{preset} is not installed in {AgentBin}: run scripts/test-agents.sh (npm must reach registry.npmjs.org)");
        }

        if (sandbox == "bwrap")
        {
            var probe = await Autoship.Agents.BubblewrapSandbox.ProbeAsync(TestContext.Current.CancellationToken);
            if (!probe.Ok)
            {
                Assert.Skip(probe.Message);
            }
        }
    }

    private static string AgentBin { get; } = Path.Combine(RepoRoot(), "tests", ".agents", "node_modules", ".bin");

    /// <summary>
    /// The sample forge, a configuration whose docs reviewer (and, with <paramref name="realAuthor"/>, docs owner) is the
    /// real CLI, and the environment holding its key. Without a real author the issue carries the patch for the built-in one.
    /// </summary>
    private async Task<(string Forge, string Config, Dictionary<string, string> Env)> SetUpAsync(string preset, string sandbox, FakeModelServer model, bool realAuthor)
    {
        var creds = FakeModelClients.Credentials(preset, model.BaseUrl);
        var network = sandbox == "bwrap" ? "allow-list" : "true";
        var agentModel = FakeModelClients.Model(preset) ?? "null";
        var runner = $"    runner: {{ preset: {preset}, model: {agentModel}, args: [], command: [] }}\n    timeout: 5m\n    inactivity: 4m\n    env: [{string.Join(", ", creds.Keys)}]\n"
            + $"    login: null\n    sandbox: {sandbox}\n    network: {network}";
        var yaml = DefaultConfig.Yaml.ReplaceLineEndings("\n");
        string[] agents = realAuthor ? ["- name: mission-control-orchestrator", "- name: qa-reliability-engineer"] : ["- name: qa-reliability-engineer"];
        foreach (var agent in agents)
        {
            // The agent's lines from `runner:` through `network:` (some carry comments) become the real CLI's.
            var name = yaml.IndexOf(agent, StringComparison.Ordinal);
            name.ShouldBeGreaterThan(0, agent);
            var at = yaml.IndexOf("    runner: { preset: builtin", name, StringComparison.Ordinal);
            var networkLine = yaml.IndexOf("    network: ", at, StringComparison.Ordinal);
            var next = yaml.IndexOf("- name: ", name + agent.Length, StringComparison.Ordinal);
            at.ShouldBeGreaterThan(name, "the default agent block changed: " + agent);
            networkLine.ShouldBeLessThan(next < 0 ? int.MaxValue : next, "the default agent block changed: " + agent);
            yaml = yaml[..at] + runner + yaml[yaml.IndexOf('\n', networkLine)..];
        }

        yaml.ShouldContain($"preset: {preset}");
        var config = dir.Combine("autoship.yml");
        await File.WriteAllTextAsync(config, yaml, TestContext.Current.CancellationToken);

        var forge = dir.Combine("forge");
        var env = new Dictionary<string, string>(creds) { ["PATH"] = AgentBin + ":" + Environment.GetEnvironmentVariable("PATH") };
        var init = await CliRunner.RunAsync(dir.Path, env, "local", "init", forge, "--sample");
        init.ExitCode.ShouldBe(0, init.ToString());
        var body = $"Please add {DocPath} with a one-line reminder.";
        if (!realAuthor)
        {
            body += $"\n\n```diff\ndiff --git a/{DocPath} b/{DocPath}\nnew file mode 100644\n--- /dev/null\n+++ b/{DocPath}\n@@ -0,0 +1 @@\n+Run the tests before you push.\n```\n";
        }

        var created = await CliRunner.RunAsync(dir.Path, env, "local", "issue", "create", "--forge", forge, "--title", "Docs: remind people to run the tests",
            "--body", body, "--label", "autonomy:ready", "--label", "autonomy:safe", "--label", "area:docs", "--label", "risk:low");
        created.ExitCode.ShouldBe(0, created.ToString());
        return (forge, config, env);
    }

    /// <summary>
    /// Ticks (as cron would, a moment apart; the local executor runs each agent as a detached job) until the one PR
    /// satisfies <paramref name="done"/> or 40 ticks ran.
    /// </summary>
    private async Task TickUntilAsync(string forge, string config, Dictionary<string, string> env, Func<Pr, bool> done)
    {
        var jobs = dir.Combine("forge", "autoship", "jobs");
        for (var i = 0; i < 40; i++)
        {
            var tick = await CliRunner.RunAsync(dir.Path, env, "tick", "--forge", "local:" + forge, "--config", config, "--json");
            tick.ExitCode.ShouldBe(0, tick.ToString());
            var running = Directory.Exists(jobs) && Directory.GetDirectories(jobs).Length > 0;
            if (!running && await PullRequestAsync(forge, env) is { } pr && done(pr))
            {
                return;
            }

            await Task.Delay(running ? 1000 : 0, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The one pull request as <c>local pr list</c> (state, author) and <c>local pr show</c> (reviews) print it, or null.</summary>
    private async Task<Pr?> PullRequestAsync(string forge, Dictionary<string, string> env)
    {
        var list = await CliRunner.RunAsync(dir.Path, env, "local", "pr", "list", "--forge", forge, "--state", "all", "--json");
        list.ExitCode.ShouldBe(0, list.ToString());
        var prs = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("pullRequests");
        if (prs.GetArrayLength() == 0)
        {
            return null;
        }

        var number = prs[0].GetProperty("number").GetInt32();
        var show = await CliRunner.RunAsync(dir.Path, env, "local", "pr", "show", number.ToString(System.Globalization.CultureInfo.InvariantCulture), "--forge", forge, "--json");
        show.ExitCode.ShouldBe(0, show.ToString());
        var reviews = JsonDocument.Parse(show.Stdout).RootElement.GetProperty("pullRequest").GetProperty("reviews").EnumerateArray()
            .Select(r => r.GetProperty("body").GetString() ?? string.Empty).ToList();
        return new Pr(prs[0].GetProperty("state").GetString()!, prs[0].GetProperty("author").GetString()!, reviews, show.Stdout);
    }

    private async Task<Pr> SinglePullRequestAsync(string forge, Dictionary<string, string> env) =>
        (await PullRequestAsync(forge, env)).ShouldNotBeNull("no pull request was opened:\n" + string.Join("\n---\n", AgentLogs()));

    private sealed record Pr(string State, string Author, IReadOnlyList<string> Reviews, string Raw);

    /// <summary>Every agent run's log (kept for <c>autoship explain</c>): the command line, the CLI's output, the egress lines.</summary>
    private List<string> AgentLogs() =>
        [.. Directory.EnumerateFiles(dir.Path, "agent.log", SearchOption.AllDirectories).Select(File.ReadAllText)];

    private string Diagnostics(Pr pr) => pr.Raw + "\n--- agent logs\n" + string.Join("\n---\n", AgentLogs().Select(l => l.Length > 4000 ? l[^4000..] : l));

    private static string RepoRoot()
    {
        var d = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(d, "Autoship.sln")))
        {
            d = Path.GetDirectoryName(d) ?? throw new InvalidOperationException("Autoship.sln not found above the test binaries");
        }

        return d;
    }

    public void Dispose() => dir.Dispose();
}
