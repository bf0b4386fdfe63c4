using System.Security.Cryptography;
using Autoship.Core;
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
    private sealed record RunDirs(string Root, string Home, string Tmp, string PromptFile, string LogFile, string IndexFile);

    private RunDirs CreateRunDirs(string runId)
    {
        var root = Path.Combine(options.RunsDirectory, runId);
        var dirs = new RunDirs(root, Path.Combine(root, "home"), Path.Combine(root, "tmp"), Path.Combine(root, "prompt.md"), Path.Combine(root, "agent.log"), Path.Combine(root, "index"));
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
        AgentDefinition agent, PresetCommand preset, Worktree worktree, bool writable, GitMetadataGuard guard,
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
        if (agent.Sandbox == SandboxKind.Bwrap)
        {
            var bwrap = BubblewrapSandbox.Find(env.GetValueOrDefault("PATH"));
            if (bwrap is null)
            {
                return (null, Because.Of("sandbox.unavailable", $"{agent.Name} asks for `sandbox: bwrap` but bubblewrap is not installed (Debian: apt-get install bubblewrap); it is never run unsandboxed"), argv);
            }

            command = BubblewrapSandbox.Wrap(bwrap, argv, worktree.Path, writable, agent.Network, guard.CommonDir, guard.AdminDir, dirs.Root, env);
        }

        var timeout = agent.Timeout > TimeSpan.Zero ? agent.Timeout : options.DefaultTimeout;
        var quiet = inactivity ?? (agent.Inactivity > TimeSpan.Zero ? agent.Inactivity : options.DefaultInactivity);
        var spec = new ProcessSpec(command, worktree.Path, env, timeout, quiet, options.OutputLimitBytes, dirs.LogFile, redactor) { Stdin = preset.Stdin };
        return (await AgentProcess.RunAsync(spec, options.Time, cancellationToken), null, command);
    }

    /// <summary>The command line as recorded: the prompt text itself is replaced by a pointer to its file.</summary>
    private static IReadOnlyList<string> Recorded(IReadOnlyList<string> argv, string promptText, string promptFile) =>
        argv.Select(a => a == promptText ? $"<prompt: {promptFile}>" : a).ToList();
}
