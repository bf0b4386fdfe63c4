using System.Text.Json;
using System.Text.RegularExpressions;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests.Progress;

/// <summary>
/// A real <c>autoship tick</c> whose command agent (inline, inside the tick) prints lines, escape codes and a token:
/// stderr follows the work as plain lines with the agent's last line, never raw escapes or the secret; stdout stays
/// the same (parseable JSON); <c>--quiet</c> prints no progress at all.
/// </summary>
public sealed partial class TickProgressTests : IDisposable
{
    private const string Token = "ghp_leak_if_you_see_this";
    private readonly TempDir dir = new();

    [Fact]
    public async Task Tick_AgentPrintsLines_StderrFollowsItCleanAndJsonStdoutStillParses()
    {
        var (forge, config, env) = await SetUpAsync();

        var tick = await CliRunner.RunAsync(dir.Path, env, "tick", "--forge", "local:" + forge, "--config", config, "--json");

        tick.ExitCode.ShouldBe(0, tick.ToString());
        var json = JsonDocument.Parse(tick.Stdout).RootElement;
        json.GetProperty("actions").EnumerateArray().ShouldContain(a => a.GetProperty("kind").GetString() == "start-attempt", tick.ToString());
        tick.Stdout.ShouldNotContain("progress:");

        var lines = tick.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(l => l.StartsWith("progress: "), tick.Stderr);
        lines.ShouldContain(l => l.StartsWith("progress: pass 1 (observe, plan) finished in ", StringComparison.Ordinal), tick.Stderr);
        lines.ShouldContain(l => AuthorFinished().IsMatch(l), tick.Stderr);
        lines.ShouldContain(l => StartAttemptFinished().IsMatch(l), tick.Stderr);
        // The agent's last line is on stderr (as its own line or with the run's end, whichever the throttle chose).
        tick.Stderr.ShouldContain("wrote the reminder", customMessage: tick.Stderr);
        tick.Stderr.ShouldNotContain("\u001b");
        tick.Stderr.ShouldNotContain("owned", customMessage: "an OSC title sequence is dropped whole");
        tick.Stderr.ShouldNotContain(Token);
    }

    [Fact]
    public async Task Tick_Quiet_PrintsNoProgress_AndTheSameTable()
    {
        var (forge, config, env) = await SetUpAsync();

        var tick = await CliRunner.RunAsync(dir.Path, env, "tick", "--forge", "local:" + forge, "--config", config, "--quiet");

        tick.ExitCode.ShouldBe(0, tick.ToString());
        tick.Stderr.ShouldBeEmpty();
        tick.Stdout.ShouldContain("start-attempt");
        tick.Stdout.ShouldNotContain("progress:");
    }

    private async Task<(string Forge, string Config, Dictionary<string, string> Env)> SetUpAsync()
    {
        var bin = dir.Combine("bin");
        Directory.CreateDirectory(bin);
        var agent = Path.Combine(bin, "docs-agent");
        await File.WriteAllTextAsync(agent, $$"""
            #!/usr/bin/env bash
            echo "reading the guide"
            printf '\033]0;owned\007\033[2J\033[31mpainted the screen\033[0m\n'
            echo "my token is {{Token}}"
            sleep 0.3
            echo "Run the tests before you push." >> docs/guide.md
            echo "wrote the reminder"

            """.Replace("\r", string.Empty, StringComparison.Ordinal), TestContext.Current.CancellationToken);
        File.SetUnixFileMode(agent, (UnixFileMode)0b111_101_101);

        // The first agent (owner of docs) becomes the command agent; it runs inside the tick (executor: inline).
        var yaml = CommandAgentConfig.With(DefaultConfig.Yaml, "docs-agent") + "\nexecutor:\n  kind: inline\n";
        var config = dir.Combine("autoship.yml");
        await File.WriteAllTextAsync(config, yaml, TestContext.Current.CancellationToken);

        var forge = dir.Combine("forge");
        var env = new Dictionary<string, string>
        {
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["GITHUB_TOKEN"] = Token,
        };
        var init = await CliRunner.RunAsync(dir.Path, env, "local", "init", forge, "--sample");
        init.ExitCode.ShouldBe(0, init.ToString());
        var created = await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", forge, "--title", "Docs: remind people to run the tests",
            "--body", "Please add a reminder to the guide.", "--label", "autonomy:ready", "--label", "autonomy:safe", "--label", "area:docs", "--label", "risk:low");
        created.ExitCode.ShouldBe(0, created.ToString());
        return (forge, config, env);
    }

    [GeneratedRegex(@"^progress: #\d+ author \S+ finished in \S+: Committed")]
    private static partial Regex AuthorFinished();

    [GeneratedRegex(@"^progress: #\d+ start-attempt finished in \S+: ok: start attempt 1 by \S+ \(lane safe\): PR #\d+ opened")]
    private static partial Regex StartAttemptFinished();

    public void Dispose() => dir.Dispose();
}
