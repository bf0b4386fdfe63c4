namespace Autoship.Core.Config;

/// <summary>
/// Where work orders run. <c>local</c>: worker processes on the orchestrator's machine; <c>github-actions</c>: one
/// <c>workflow_dispatch</c> run of <see cref="Workflow"/> per work order; <c>inline</c>: inside the tick (tests, demo).
/// </summary>
public sealed record ExecutorSettings(string Kind, string Workflow)
{
    public const string Inline = "inline";
    public const string Local = "local";
    public const string GitHubActions = "github-actions";

    public static IReadOnlyList<string> Kinds { get; } = [Local, GitHubActions, Inline];

    public static ExecutorSettings Default { get; } = new(Local, "autoship-agent.yml");
}
