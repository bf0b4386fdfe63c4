using System.Security.Cryptography;
using Autoship.Core;
using Autoship.Agents.Egress;
using Autoship.Core.Config;
using Polly;

namespace Autoship.Agents;

/// <summary>
/// Runs every author and reviewer agent, built-in or external, the same way: a fresh worktree, a scrubbed
/// environment, supervision and limits, then the harness's own checks. The runner never pushes.
/// </summary>
public sealed partial class AgentRunner : IAgentRunner, IWorkspaceJanitor
{
    /// <summary>The diff an author run produced, kept next to its log (<c>Path.GetDirectoryName(RunRecord.LogPath)</c>).</summary>
    public const string ChangePatchFile = "change.patch";

    private readonly AgentRunnerOptions options;
    private readonly ResiliencePipeline retry;

    public AgentRunner(AgentRunnerOptions options)
    {
        this.options = options;
        retry = options.Retry ?? TransientRetry.Create(options.Time);
    }

    /// <summary>Removes worktrees a crashed run left behind in <paramref name="repository"/>; call before dispatching.</summary>
    public Task<int> CleanupLeftoversAsync(string repository, CancellationToken cancellationToken) =>
        new WorktreeManager(repository, options.WorktreesDirectory).CleanupLeftoversAsync(cancellationToken);

    private static string NewRunId(WorkOrder order, string role) =>
        $"{order.Issue}-a{order.Attempt}-{role}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>The run's private directory (outside the worktree): prompt, log, private index, fresh home and tmp.</summary>
    private sealed record RunDirs(string Root, string Home, string Tmp, string PromptFile, string LogFile, string IndexFile)
    {
        /// <summary>What the egress proxy refused during the run's commands (host:port), for the run record.</summary>
        public List<string> EgressRefused { get; } = [];

        /// <summary>The run's live progress step: every command's output lines are reported on it.</summary>
        public ProgressScope? Progress { get; init; }
    }

    private RunDirs CreateRunDirs(string runId, ProgressScope? progress = null)
    {
        var root = Path.Combine(options.RunsDirectory, runId);
        var dirs = new RunDirs(root, Path.Combine(root, "home"), Path.Combine(root, "tmp"), Path.Combine(root, "prompt.md"), Path.Combine(root, "agent.log"), Path.Combine(root, "index"))
        {
            Progress = progress,
        };
        Directory.CreateDirectory(dirs.Home);
        Directory.CreateDirectory(dirs.Tmp);
        return dirs;
    }

    private static void CleanRunDirs(RunDirs dirs)
    {
        // The log and the prompt stay for `autoship explain`; the agent's scratch space goes.
        WorktreeManager.DeleteDirectory(dirs.Home);
        WorktreeManager.DeleteDirectory(dirs.Tmp);
        try
        {
            File.Delete(dirs.IndexFile);
        }
        catch (IOException)
        {
        }
    }

    private (IReadOnlyDictionary<string, string> Env, IReadOnlyList<Reason> Refused, SecretRedactor Redactor) Environment(AgentDefinition agent, RunDirs dirs)
    {
        var harness = options.HarnessEnvironment ?? AgentEnvironment.Current();
        var (env, refused) = AgentEnvironment.Build(agent.Env, harness, dirs.Home, dirs.Tmp);
        return (env, refused, new SecretRedactor(harness));
    }

    /// <summary>Runs one command of an agent (or its validation) under the agent's limits and sandbox.</summary>
    private async Task<(ProcessOutcome? Outcome, Reason? Refused, IReadOnlyList<string> Command)> ExecuteAsync(
        AgentDefinition agent, PresetCommand preset, Worktree worktree, bool writable, GitMetadataGuard? guard,
        IReadOnlyDictionary<string, string> env, SecretRedactor redactor, RunDirs dirs, TimeSpan? inactivity, CancellationToken cancellationToken)
    {
        var argv = preset.Argv;
        if (preset.Env is { Count: > 0 } extra)
        {
            var merged = new Dictionary<string, string>(env, StringComparer.Ordinal);
            foreach (var (k, v) in extra)
            {
                merged[k] = v;
            }

            env = merged;
        }

        if (preset.HomeFiles.Count > 0 && env.GetValueOrDefault("HOME") is { Length: > 0 } home)
        {
            foreach (var (relative, text) in preset.HomeFiles)
            {
                var path = Path.Combine(home, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, text, cancellationToken);
            }
        }

        var command = argv;
        EgressProxy? proxy = null;
        try
        {
            if (agent.Sandbox == SandboxKind.Bwrap)
            {
                var bwrap = BubblewrapSandbox.Find(env.GetValueOrDefault("PATH"));
                if (bwrap is null)
                {
                    return (null, Because.Of("sandbox.unavailable", $"{agent.Name} asks for `sandbox: bwrap` but bubblewrap is not installed (Debian: apt-get install bubblewrap); it is never run unsandboxed"), argv);
                }

                SandboxEgress? egress = null;
                if (agent.Egress is not null)
                {
                    var node = ExecutableResolver.Resolve("node", env.GetValueOrDefault("PATH"));
                    if (node is null)
                    {
                        return (null, Because.Of("egress.relay-unavailable", $"{agent.Name} has `network: allow-list` but node (which runs the egress relay inside the sandbox) is not on its PATH; it is never run with the whole network"), argv);
                    }

                    (proxy, egress) = StartEgress(agent, env, dirs, node);
                    var proxied = new Dictionary<string, string>(env, StringComparer.Ordinal);
                    foreach (var (k, v) in EgressRelay.ProxyEnv)
                    {
                        proxied[k] = v;
                    }

                    env = proxied;
                }

                command = BubblewrapSandbox.Wrap(bwrap, argv, worktree.Path, writable, agent.Network, guard?.CommonDir, guard?.AdminDir, dirs.Root, env, egress, preset.HomeFiles.Keys);
            }
            else if (agent.Egress is not null)
            {
                return (null, Because.Of("egress.needs-sandbox", $"{agent.Name} has `network: allow-list`, which only bwrap can enforce; set `sandbox: bwrap`"), argv);
            }

            var timeout = agent.Timeout > TimeSpan.Zero ? agent.Timeout : options.DefaultTimeout;
            var quiet = inactivity ?? (agent.Inactivity > TimeSpan.Zero ? agent.Inactivity : options.DefaultInactivity);
            var spec = new ProcessSpec(command, worktree.Path, env, timeout, quiet, options.OutputLimitBytes, dirs.LogFile, redactor) { Stdin = preset.Stdin, Abort = proxy?.Unreachable, OnLine = dirs.Progress is { } progress ? progress.AgentLine : null };
            var outcome = await AgentProcess.RunAsync(spec, options.Time, cancellationToken);
            if (proxy is not null)
            {
                await RecordEgressAsync(proxy, dirs, cancellationToken);
            }

            return (outcome, null, command);
        }
        finally
        {
            if (proxy is not null)
            {
                await proxy.DisposeAsync();
            }
        }
    }

    /// <summary>The run's proxy on a fresh socket (short path: a Unix socket path has at most 107 bytes) and the relay script.</summary>
    private static (EgressProxy Proxy, SandboxEgress Egress) StartEgress(AgentDefinition agent, IReadOnlyDictionary<string, string> env, RunDirs dirs, string node)
    {
        var allowed = EgressAllowList.For(agent, AgentPresets.Find(agent.Runner.Preset), env);
        var socket = Path.Combine(dirs.Root, "egress.sock");
        if (System.Text.Encoding.UTF8.GetByteCount(socket) > 100)
        {
            socket = Path.Combine(Path.GetTempPath(), $"autoship-egress-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.sock");
        }

        File.Delete(socket);
        var relay = Path.Combine(dirs.Root, "egress-relay.js");
        File.WriteAllText(relay, EgressRelay.Script);
        return (EgressProxy.Start(socket, allowed), new SandboxEgress(socket, relay, node));
    }

    private static async Task RecordEgressAsync(EgressProxy proxy, RunDirs dirs, CancellationToken cancellationToken)
    {
        var lines = new List<string> { $"# egress allow-list: {string.Join(", ", proxy.Allowed)}" };
        lines.AddRange(proxy.Refusals.Select(r => $"# egress refused (not on the allow-list): {r}"));
        lines.AddRange(proxy.Failures.Select(f => $"# egress could not reach: {f}"));
        dirs.EgressRefused.AddRange(proxy.Refusals.Where(r => !dirs.EgressRefused.Contains(r)));
        await File.AppendAllLinesAsync(dirs.LogFile, lines, cancellationToken);
    }

    /// <summary>A run's end as progress shows it: the outcome and its first reason.</summary>
    private static string Outcome(string outcome, IReadOnlyList<Reason> reasons) =>
        reasons.Count == 0 ? outcome : $"{outcome}: {reasons[0].Message}";

    /// <summary>The command line as recorded: the prompt text itself is replaced by a pointer to its file.</summary>
    private static IReadOnlyList<string> Recorded(IReadOnlyList<string> argv, string promptText, string promptFile) =>
        argv.Select(a => a == promptText ? $"<prompt: {promptFile}>" : a).ToList();
}
