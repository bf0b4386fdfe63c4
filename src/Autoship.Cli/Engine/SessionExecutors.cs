using System.Reflection;
using Autoship.Agents;
using Autoship.Core.Config;
using Autoship.Engine.Executors;

namespace Autoship.Cli.Engine;

/// <summary>
/// The executors a session offers, by <c>executor.kind</c>: <c>local</c> (detached <c>autoship work</c> processes for
/// <c>tick</c>, a worker pool for <c>run</c>/<c>serve</c>) and <c>github-actions</c> on a GitHub forge.
/// </summary>
internal sealed class SessionExecutors(IWorkExecutor local, Func<ExecutorSettings, IWorkExecutor?> remote)
{
    public IWorkExecutor Local { get; } = local;

    public IWorkExecutor? For(ExecutorSettings settings) => settings.Kind switch
    {
        ExecutorSettings.Local => Local,
        _ => remote(settings),
    };

    public static string JobsDirectory(EngineSession session) => Path.Combine(session.StateDirectory, "jobs");

    public static SessionExecutors Detached(EngineSession session) =>
        new(new LocalExecutor(JobsDirectory(session), new DetachedLauncher(WorkerCommand()), session.Clock), Remote(session));

    public static SessionExecutors Pool(EngineSession session, Action? onCompleted, IAgentProgress? progress = null) =>
        new(new LocalExecutor(JobsDirectory(session), new InProcessLauncher(RunnerFor(session.Clock, progress), onCompleted), session.Clock), Remote(session));

    public static Func<string, IAgentRunner> RunnerFor(TimeProvider clock, IAgentProgress? progress = null) =>
        stateDirectory => new AgentRunner(new AgentRunnerOptions(stateDirectory) { Time = clock, Progress = progress });

    /// <summary>This program's own command line for <c>autoship work --job DIR</c> (also under <c>dotnet exec autoship.dll</c>).</summary>
    public static IReadOnlyList<string> WorkerCommand()
    {
        var exe = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this program is unknown");
        return string.Equals(Path.GetFileNameWithoutExtension(exe), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? [exe, "exec", Assembly.GetEntryAssembly()!.Location, "work", "--job"]
            : [exe, "work", "--job"];
    }

    /// <summary>github-actions on a GitHub forge (same repository, same author identity); no other remote kind here.</summary>
    private static Func<ExecutorSettings, IWorkExecutor?> Remote(EngineSession session)
    {
        var byWorkflow = new Dictionary<string, GitHubActionsExecutor>(StringComparer.Ordinal);
        return settings => settings.Kind == ExecutorSettings.GitHubActions && session.Forge is Autoship.Forge.GitHub.GitHubForge github
            ? byWorkflow.TryGetValue(settings.Workflow, out var known) ? known : byWorkflow[settings.Workflow] = new GitHubActionsExecutor(
                new Autoship.Forge.GitHub.GitHubActionsClient(github.Options), settings.Workflow, Path.Combine(session.StateDirectory, "cache", "repo.git"), session.Clock)
            : null;
    }
}
