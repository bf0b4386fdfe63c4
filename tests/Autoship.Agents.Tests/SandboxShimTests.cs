using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents.Tests;

/// <summary>
/// Executables reached through a version manager's shim (pyenv, asdf, nodenv: <c>ROOT/shims/x</c> execs
/// <c>ROOT/versions/…/bin/x</c>) or through a script whose <c>#!</c> interpreter lives outside the system directories
/// run inside the real bwrap sandbox: the manager's root and the interpreter are mounted read-only. The layouts are
/// fake ones in the test's directory whose final programs are copies of real binaries.
/// </summary>
public sealed class SandboxShimTests
{
    private static void RequireBwrap() =>
        BubblewrapSandbox.IsAvailable().ShouldBeTrue("bubblewrap is not installed: apt-get install -y bubblewrap");

    /// <summary>A manager root under <paramref name="dir"/>: <c>shims/greet</c> (a sh script, as pyenv's are) execs <c>versions/1.0/bin/greet</c> (a copy of echo).</summary>
    private static string FakeManager(TempDir dir)
    {
        var root = dir.Sub("fakeenv");
        var real = Path.Combine(root, "versions", "1.0", "bin", "greet");
        Directory.CreateDirectory(Path.GetDirectoryName(real)!);
        File.Copy("/bin/echo", real);
        var shim = Path.Combine(root, "shims", "greet");
        Directory.CreateDirectory(Path.GetDirectoryName(shim)!);
        File.WriteAllText(shim, $"#!/bin/sh\nexec \"{real}\" \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return root;
    }

    [Fact]
    public async Task RunAuthorAsync_BwrapAgentAndValidationThroughAShim_ReachTheBinaryUnderTheManagerRoot()
    {
        RequireBwrap();
        using var h = await Harness.CreateAsync();
        var root = FakeManager(h.Dir);
        h.Env["PATH"] = Path.Combine(root, "shims") + ":" + h.Env["PATH"];
        h.Script("agent", "greet shim-ran > docs/shim.md || exit 3");
        var agent = Fixtures.Agent(command: ["agent"], sandbox: SandboxKind.Bwrap, network: false);
        var order = Fixtures.Order(validation: "greet validated | grep -q validated");

        var result = await h.Runner().RunAuthorAsync(h.Author(order, agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons) + File.ReadAllText(result.Run.LogPath!));
        result.Run.ValidationExitCode.ShouldBe(0);
        result.Files.Select(f => f.Path).ShouldBe(["docs/shim.md"]);
        result.Run.CommandLine.ShouldContain(root, "the manager's root is mounted");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAuthorAsync_BwrapScriptWithInterpreterOutsideTheSystem_RunsWithTheInterpreterMounted(bool throughEnv)
    {
        RequireBwrap();
        using var h = await Harness.CreateAsync();
        // The interpreter (a copy of sh) lives in a directory that is on no PATH; through env it is found by a link on PATH.
        var interpreter = Path.Combine(h.Dir.Sub("runtime"), "mysh");
        File.Copy("/bin/sh", interpreter);
        var links = h.Dir.Sub("links");
        File.CreateSymbolicLink(Path.Combine(links, "mysh"), interpreter);
        h.Env["PATH"] = links + ":" + h.Env["PATH"];
        var agent = Path.Combine(h.Bin, "agent");
        File.WriteAllText(agent, (throughEnv ? "#!/usr/bin/env mysh\n" : $"#!{interpreter}\n") + "echo interpreted > docs/interp.md\n");
        File.SetUnixFileMode(agent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var definition = Fixtures.Agent(command: ["agent"], sandbox: SandboxKind.Bwrap, network: false);

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), definition), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons) + File.ReadAllText(result.Run.LogPath!));
        result.Files.Select(f => f.Path).ShouldBe(["docs/interp.md"]);
        result.Run.CommandLine.ShouldContain(Path.GetDirectoryName(interpreter)!);
    }

    [Theory]
    [InlineData("#!/bin/sh\n", "/bin/sh")]
    [InlineData("#! /opt/py/bin/python3 -u\nprint()", "/opt/py/bin/python3")]
    [InlineData("#!/usr/bin/env node\n", "node")]
    [InlineData("#!/usr/bin/env -S node --no-warnings\n", "node")]
    [InlineData("#!/usr/bin/env NODE_OPTIONS=x node\r\n", "node")]
    [InlineData("#!/usr/bin/env\n", "/usr/bin/env")]
    [InlineData("\x7f" + "ELF", null)]
    [InlineData("echo no shebang\n", null)]
    [InlineData("#!\n", null)]
    public void Interpreter_FirstLine_NamesTheProgramThatRunsTheScript(string head, string? expected)
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "script");
        File.WriteAllText(file, head);

        SandboxMounts.Interpreter(file).ShouldBe(expected);
    }

    [Fact]
    public void Toolchain_ShimsDirectories_AddTheirRootButNeverHomeOrASystemDirectory()
    {
        using var dir = new TempDir();
        var manager = dir.Sub("manager");
        var home = dir.Sub("home");
        var dirs = new[] { dir.Sub("manager/shims"), dir.Sub("home/shims"), dir.Sub("plain"), "/usr/local/bin", "relative/shims" };
        Directory.CreateDirectory(dirs[0]);

        var mounted = SandboxMounts.Toolchain(string.Join(':', dirs) + ":/usr/local/shims", home).ToList();

        mounted.ShouldBe([dirs[0], manager, dirs[1], dirs[2]]);
    }

    [Fact]
    public async Task RunAuthorAsync_BwrapPresetHomeFiles_SeenAtTheSamePlaceInTheSandboxHomeReadOnly()
    {
        RequireBwrap();
        using var h = await Harness.CreateAsync();
        // The opencode preset's seed is a real set of home files; a stand-in named opencode shows what it sees.
        h.Script("opencode", """
            cat "$HOME/.config/opencode/package-lock.json" > docs/seen.md
            ls -a "$HOME/.config/opencode/node_modules" >> docs/seen.md
            echo x > "$HOME/.config/opencode/package-lock.json" 2> /dev/null && echo lock=writable >> docs/seen.md
            echo y > "$HOME/.config/opencode/.gitignore" && echo dir=writable >> docs/seen.md
            """);
        var agent = Fixtures.Agent(preset: "opencode", sandbox: SandboxKind.Bwrap, network: false);

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons) + File.ReadAllText(result.Run.LogPath!));
        var seen = (await Forge.Git.GitCli.TryRunAsync(h.Repo.Path, ["show", result.CommitSha + ":docs/seen.md"])).Stdout;
        seen.ShouldContain("@opencode-ai/plugin");
        seen.ShouldContain(".autoship");
        seen.ShouldNotContain("lock=writable");
        seen.ShouldContain("dir=writable");
    }
}
