using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents.Tests;

/// <summary>
/// A temp dir with a real repository, a bin directory of stand-in agents (first on the agents' PATH) and a
/// record directory the stand-ins write what they saw into.
/// </summary>
public sealed class Harness : IDisposable
{
    public const string GitHubToken = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
    public const string GhToken = "gho_zyxwvutsrqponmlkjihgfedcba9876543210";

    private Harness(TempDir dir, TestRepo repo)
    {
        Dir = dir;
        Repo = repo;
        Bin = dir.Sub("bin");
        Record = dir.Sub("record");
        State = dir.Sub("state");
        Env = new Dictionary<string, string>
        {
            ["PATH"] = Bin + ":" + (System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin"),
            ["AGENT_RECORD"] = Record,
            ["GITHUB_TOKEN"] = GitHubToken,
            ["GH_TOKEN"] = GhToken,
            ["LANG"] = "C.UTF-8",
        };
    }

    public TempDir Dir { get; }

    public TestRepo Repo { get; }

    public string Bin { get; }

    public string Record { get; }

    public string State { get; }

    public Dictionary<string, string> Env { get; }

    public static async Task<Harness> CreateAsync()
    {
        var dir = new TempDir();
        return new Harness(dir, await TestRepo.CreateAsync(dir));
    }

    public AgentRunner Runner(long outputLimit = 1024 * 1024, IGuardrailCheck? guardrails = null) =>
        new(new AgentRunnerOptions(State) { HarnessEnvironment = Env, OutputLimitBytes = outputLimit, Guardrails = guardrails ?? new CoreGuardrailCheck() });

    /// <summary>A bash stand-in agent: records argv (NUL-separated), cwd and env, copies any file argument as the prompt, then runs <paramref name="body"/>.</summary>
    public string Script(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, $$"""
            #!/bin/bash
            R="$AGENT_RECORD"
            printf '%s\0' "$@" > "$R/argv"
            pwd > "$R/cwd"
            env > "$R/env"
            for a in "$@"; do if [ -f "$a" ]; then cp "$a" "$R/prompt"; fi; done
            if [ ! -t 0 ]; then timeout 5 cat > "$R/stdin" || true; fi
            {{body}}
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public AuthorRequest Author(WorkOrder order, AgentDefinition agent) =>
        new(order, agent, Fixtures.Config(agent), Repo.Path, Repo.BaseSha);

    public IReadOnlyList<string> RecordedArgv() =>
        File.ReadAllText(Path.Combine(Record, "argv")).Split('\0', StringSplitOptions.None)[..^1];

    public string Recorded(string name) => File.ReadAllText(Path.Combine(Record, name));

    public bool Ran => File.Exists(Path.Combine(Record, "argv"));

    public async Task<string?> BranchAsync(WorkOrder order)
    {
        var r = await Forge.Git.GitCli.TryRunAsync(Repo.Path, ["rev-parse", "--verify", "--quiet", "refs/heads/" + order.Branch]);
        return r.Ok ? r.Stdout.Trim() : null;
    }

    public static bool IsDead(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return true;
        }

        try
        {
            // A zombie (state Z) is dead; only its parent has not reaped it yet.
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => Dir.Dispose();
}
