using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Cli.Tests.Progress;

/// <summary>
/// A real <c>autoship serve</c> whose command agent runs in the server's worker pool and holds on (until the test lets
/// it go) after printing a line: while it runs, the dashboard's "Running now" and <c>/api/status</c> show the agent's
/// step with that line, and the server's stderr has it as a plain progress line; once it ends, the step is gone.
/// </summary>
public sealed class ServeProgressTests : IDisposable
{
    private readonly TempDir dir = new();

    [Fact]
    public async Task Serve_AgentRunsInTheWorkerPool_DashboardAndLogShowItAndItsLastLineUntilItEnds()
    {
        var release = dir.Combine("release-the-agent");
        var (forge, config, env) = await SetUpAsync(release);
        var port = FreePort();
        var log = new StringBuilder();
        using var serve = Start(env, log, "serve", "--forge", "local:" + forge, "--config", config, "--urls", $"http://127.0.0.1:{port}", "--every", "1s");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            var running = await WaitForAsync(http, serve, log, steps => steps.FirstOrDefault(s => s.LastLine == "halfway through the guide"));
            running.What.ShouldContain("author", Case.Sensitive, running.ToString());
            running.ElapsedSeconds.ShouldBeGreaterThanOrEqualTo(0);

            var page = await http.GetStringAsync("/", TestContext.Current.CancellationToken);
            page.ShouldContain("Running now");
            page.ShouldContain("halfway through the guide");
            page.ShouldContain(WebUtility.HtmlEncode(running.What));

            // The plain lines are throttled (a long step's last line at most every interval), so the line may come a
            // little after the dashboard has it: wait for it while the agent still holds on.
            await WaitForLogAsync(serve, log, l => l.StartsWith("progress: " + running.What, StringComparison.Ordinal) && l.Contains("halfway through the guide"));

            await File.WriteAllTextAsync(release, "go", TestContext.Current.CancellationToken);
            await WaitForAsync(http, serve, log, steps => steps.Any(s => s.What == running.What) ? null : running);

            // stdout lines are marked "stdout: ", so a line that starts with "progress: " came on stderr.
            var stderr = Snapshot(log);
            stderr.ShouldContain("progress: ", Case.Sensitive, stderr);
            stderr.Split('\n').ShouldContain(l => l.StartsWith("progress: " + running.What + " finished in ", StringComparison.Ordinal), stderr);
            stderr.ShouldNotContain("   at ", Case.Sensitive, stderr);
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private sealed record Step(string What, string? LastLine, double ElapsedSeconds);

    /// <summary>Waits until the server's output has a line that satisfies <paramref name="wanted"/> (a hang guard of 10 minutes).</summary>
    private static async Task WaitForLogAsync(Process serve, StringBuilder log, Func<string, bool> wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (!Snapshot(log).Split('\n').Any(wanted))
        {
            serve.HasExited.ShouldBeFalse(Snapshot(log));
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("serve never printed the awaited progress line:\n" + Snapshot(log));
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Polls <c>/api/status</c> until <paramref name="found"/> gives a step (a hang guard of 10 minutes, not a speed check).</summary>
    private static async Task<Step> WaitForAsync(HttpClient http, Process serve, StringBuilder log, Func<IReadOnlyList<Step>, Step?> found)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            serve.HasExited.ShouldBeFalse(Snapshot(log));
            try
            {
                using var json = JsonDocument.Parse(await http.GetStringAsync("/api/status", TestContext.Current.CancellationToken));
                var steps = json.RootElement.GetProperty("running").EnumerateArray()
                    .Select(s => new Step(s.GetProperty("what").GetString()!, s.GetProperty("lastLine").GetString(), s.GetProperty("elapsedSeconds").GetDouble()))
                    .ToList();
                if (found(steps) is { } step)
                {
                    return step;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("serve never showed the awaited step:\n" + Snapshot(log));
    }

    private async Task<(string Forge, string Config, Dictionary<string, string> Env)> SetUpAsync(string release)
    {
        var bin = dir.Combine("bin");
        Directory.CreateDirectory(bin);
        var agent = Path.Combine(bin, "docs-agent");
        await File.WriteAllTextAsync(agent, $$"""
            #!/usr/bin/env bash
            echo "Run the tests before you push." >> docs/guide.md
            echo "halfway through the guide"
            for _ in $(seq 1 2400); do [ -e '{{release}}' ] && break; sleep 0.25; done
            echo "wrote the reminder" >&2

            """.Replace("\r", string.Empty, StringComparison.Ordinal), TestContext.Current.CancellationToken);
        File.SetUnixFileMode(agent, (UnixFileMode)0b111_101_101);

        // The first agent (owner of docs) becomes the command agent; serve runs it in its worker pool (executor: local).
        var yaml = CommandAgentConfig.With(DefaultConfig.Yaml, "docs-agent");
        var config = dir.Combine("autoship.yml");
        await File.WriteAllTextAsync(config, yaml, TestContext.Current.CancellationToken);

        var forge = dir.Combine("forge");
        var env = new Dictionary<string, string> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") };
        var init = await CliRunner.RunAsync(dir.Path, env, "local", "init", forge, "--sample");
        init.ExitCode.ShouldBe(0, init.ToString());
        var created = await CliRunner.RunAsync(dir.Path, "local", "issue", "create", "--forge", forge, "--title", "Docs: remind people to run the tests",
            "--body", "Please add a reminder to the guide.", "--label", "autonomy:ready", "--label", "autonomy:safe", "--label", "area:docs", "--label", "risk:low");
        created.ExitCode.ShouldBe(0, created.ToString());
        return (forge, config, env);
    }

    private Process Start(Dictionary<string, string> env, StringBuilder log, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(CliRunner.CliDll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        psi.Environment.Remove("GITHUB_TOKEN");
        psi.Environment.Remove("GH_TOKEN");
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var process = Process.Start(psi)!;
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.OutputDataReceived += (_, e) => Append(log, e.Data is null ? null : "stdout: " + e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.Append(line).Append('\n');
            }
        }
    }

    private static string Snapshot(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose() => dir.Dispose();
}
