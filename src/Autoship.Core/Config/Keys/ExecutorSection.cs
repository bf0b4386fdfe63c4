namespace Autoship.Core.Config;

/// <summary>The keys of <c>executor</c>: where agent work orders run.</summary>
internal static class ExecutorSection
{
    private static readonly SectionBuilder B = new("executor", "executor", "Where agent work orders run.");

    public static readonly ConfigKey<string> Kind = B.Choice("kind", ExecutorSettings.Local, ExecutorSettings.Kinds, "executor",
        "local: worker processes beside the orchestrator; github-actions: one workflow_dispatch run per work order; inline: inside the tick.");

    public static readonly ConfigKey<string> Workflow = B.String("workflow", "autoship-agent.yml",
        "The workflow file (under .github/workflows) the github-actions executor dispatches.", pattern: "^[A-Za-z0-9._-]+\\.ya?ml$");

    public static readonly ConfigSection Section = B.Build();

    public static ExecutorSettings Read(MapView view) => new(Kind.Read(view), Workflow.Read(view));
}
