using Autoship.Core.Config;
using Autoship.Core.Planning;

namespace Autoship.Engine.Reconcile;

/// <summary>How a reconciler runs: who it is (lease holder), where it keeps its files, and test seams.</summary>
public sealed record ReconcilerOptions(string Holder, string StateDirectory)
{
    /// <summary>Use this configuration instead of the one on the default branch (<c>--config</c>).</summary>
    public AutoshipConfig? ConfigOverride { get; init; }

    /// <summary>Observe → plan → act passes per tick; a tick stops earlier when a pass plans nothing.</summary>
    public int MaxRounds { get; init; } = 8;

    /// <summary>
    /// How long the lease outlives its last renewal. Short, because a heartbeat renews it while the tick works; a
    /// holder on this host that was killed is taken over at once (see <see cref="Store.LeaseHolder"/>).
    /// </summary>
    public TimeSpan LeaseTtl { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// With a forge whose CI shares validations (<see cref="Forge.ISharedValidation"/>), the harness validates a clean
    /// checkout of the change as CI runs it and CI reuses the pass; false: each validates on its own (a comparison seam).
    /// </summary>
    public bool ShareValidation { get; init; } = true;

    /// <summary>
    /// Where the store is (file path or connection string), or null. The orchestrator id kept in the state directory
    /// is kept per store location: orchestrators with different stores that share a state directory (the default one
    /// beside a local forge) stay different orchestrators on the forge's claims, and never both win one attempt.
    /// </summary>
    public string? StoreLocation { get; init; }

    /// <summary>Where the <c>autoship/gate</c> status links (dashboard), or null.</summary>
    public string? DashboardUrl { get; init; }

    /// <summary>Called after each applied action with its index in the tick; tests inject crashes here.</summary>
    public Func<PlannedAction, int, Task>? AfterAction { get; init; }

    /// <summary>Called with each pass's plan (live progress for the demo and <c>run</c>).</summary>
    public Action<Plan>? OnPlan { get; init; }

    /// <summary>
    /// The executor for the configured <c>executor.kind</c> (null: none here, the attempt is refused). When this is
    /// null altogether, work orders run inline, inside the tick (tests, demo).
    /// </summary>
    public Func<ExecutorSettings, Executors.IWorkExecutor?>? Executors { get; init; }

    /// <summary>The text of <see cref="ConfigOverride"/>, handed to executors' workers.</summary>
    public string? ConfigOverrideText { get; init; }

    /// <summary>Called after each applied action with its result (live progress).</summary>
    public Action<ActionResult>? OnAction { get; init; }

    /// <summary>Live progress: each pass, each action and, inline, the agent runs (the runner reports those itself).</summary>
    public Autoship.Agents.IAgentProgress? Progress { get; init; }

    /// <summary>The client queue-health webhooks are posted with (tests pass a loopback one); null uses a shared client.</summary>
    public HttpClient? AlertClient { get; init; }
}
