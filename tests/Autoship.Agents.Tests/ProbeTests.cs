using Autoship.Core.Config;

namespace Autoship.Agents.Tests;

/// <summary>
/// What <c>doctor</c> runs: <c>&lt;cli&gt; --version</c> started exactly as a run starts it (environment, sandbox), so a
/// CLI that starts on the host but not inside bwrap is reported; credential names checked, values never shown.
/// </summary>
public sealed class ProbeTests
{
    private static void RequireBwrap() =>
        BubblewrapSandbox.IsAvailable().ShouldBeTrue("bubblewrap is not installed: apt-get install -y bubblewrap");

    [Fact]
    public async Task ProbeAsync_Bwrap_StartsTheCliInsideTheSandbox()
    {
        RequireBwrap();
        using var h = await Harness.CreateAsync();
        h.Script("fake-cli", """[ "$1" = --version ] && echo "fake-cli 1.2.3 home=$HOME" """);
        var agent = Fixtures.Agent(command: ["fake-cli"], sandbox: SandboxKind.Bwrap, network: false);

        var probe = await h.Runner().ProbeAsync(agent, TestContext.Current.CancellationToken);

        probe.Ok.ShouldBeTrue(probe.Message);
        probe.Message.ShouldBe($"`fake-cli --version` inside bwrap: fake-cli 1.2.3 home={BubblewrapSandbox.SandboxHome}");
    }

    [Fact]
    public async Task ProbeAsync_CliNeedsAFileOutsideTheSandbox_FailsInsideThoughItStartsOnTheHost()
    {
        RequireBwrap();
        using var h = await Harness.CreateAsync();
        var hidden = Path.Combine(h.Dir.Sub("private"), "helper");
        File.WriteAllText(hidden, "#!/bin/sh\necho helper 9.9\n");
        File.SetUnixFileMode(hidden, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        h.Script("fake-cli", $"exec {hidden} \"$@\"");

        var host = await h.Runner().ProbeAsync(Fixtures.Agent(command: ["fake-cli"]), TestContext.Current.CancellationToken);
        var sandboxed = await h.Runner().ProbeAsync(Fixtures.Agent(command: ["fake-cli"], sandbox: SandboxKind.Bwrap), TestContext.Current.CancellationToken);

        host.Ok.ShouldBeTrue(host.Message);
        host.Message.ShouldEndWith("unsandboxed: helper 9.9");
        sandboxed.Ok.ShouldBeFalse();
        sandboxed.Message.ShouldStartWith("`fake-cli --version` inside bwrap exited with code 127");
    }

    [Fact]
    public async Task ProbeAsync_KeyNotNamed_ListsTheNamesNeverTheValues()
    {
        using var h = await Harness.CreateAsync();
        h.Script("claude", "echo 2.0.0 \"$ANTHROPIC_API_KEY\"");
        h.Env["ANTHROPIC_API_KEY"] = "sk-ant-value-never-shown-0123456789";

        var unnamed = await h.Runner().ProbeAsync(Fixtures.Agent(preset: "claude", env: []), TestContext.Current.CancellationToken);
        var named = await h.Runner().ProbeAsync(Fixtures.Agent(preset: "claude", env: ["ANTHROPIC_API_KEY"]), TestContext.Current.CancellationToken);

        unnamed.MissingCredentials.ShouldBe(["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"]);
        named.MissingCredentials.ShouldBeEmpty();
        named.Ok.ShouldBeTrue(named.Message);
        named.Message.ShouldNotContain("sk-ant-value-never-shown");
        named.Message.ShouldContain(SecretRedactor.Mask);
    }

    public static TheoryData<string> KeyedPresets() => [.. AgentPresets.Names.Where(n => AgentPresets.Find(n)?.Credentials.Any(AgentRunner.IsKeyVariable) == true)];

    [Theory]
    [MemberData(nameof(KeyedPresets))]
    public async Task RunAuthorAsync_PresetCredentialValues_RedactedFromTheLog(string name)
    {
        using var h = await Harness.CreateAsync();
        var preset = AgentPresets.Find(name)!;
        var exe = preset.Executable(new RunnerSettings(name, "m", [], []));
        h.Script(exe, "env; echo x >> docs/guide.md");
        var values = preset.Credentials.Where(AgentRunner.IsKeyVariable).ToDictionary(k => k, k => $"value-of-{k.ToLowerInvariant()}-0123456789");
        foreach (var (k, v) in values)
        {
            h.Env[k] = v;
        }

        var agent = Fixtures.Agent(preset: name, model: "m", env: [.. values.Keys]);
        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        var log = File.ReadAllText(result.Run.LogPath!);
        foreach (var (k, v) in values)
        {
            log.ShouldContain($"{k}={SecretRedactor.Mask}");
            log.ShouldNotContain(v);
        }
    }
}
