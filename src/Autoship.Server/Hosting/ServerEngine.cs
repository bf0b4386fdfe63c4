using Autoship.Core.Config;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Forge;
using Microsoft.Extensions.Logging;

namespace Autoship.Server.Hosting;

/// <summary>
/// What the server runs the loop on: an open forge and store, and a way to make reconcilers (one for the loop, one
/// for dashboard reads, since a reconciler keeps an unsynchronised cache). The caller owns and disposes forge and store.
/// </summary>
public sealed record ServerEngine(
    IForge Forge,
    IStateStore Store,
    Func<ReconcilerOptions, ILogger, Reconciler> CreateReconciler,
    string StateDirectory,
    TimeProvider Clock)
{
    /// <summary>The <c>--config</c> override, or null to read <c>.github/autoship.yml</c> from the default branch.</summary>
    public AutoshipConfig? ConfigOverride { get; init; }

    /// <summary>A fixed time between ticks (<c>serve --every</c>, a repository's <c>every:</c>) instead of the repository's <c>loop.schedule</c>.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>What runs now for this repository (ticks, agents): the dashboard's "Running now"; ticks and the worker pool report to it.</summary>
    public Autoship.Server.Loop.RunningSteps Running { get; init; } = new(Clock);

    /// <summary>Whether a job of this repository runs, or waits to be collected, in this process (see <see cref="Loop.RepositoryLoop.HasJobsInFlightAsync"/>).</summary>
    public Func<CancellationToken, Task<bool>> JobsInFlight { get; init; } = _ => Task.FromResult(false);

    public string Holder { get; init; } = Autoship.Engine.Store.LeaseHolder.ForThisProcess("serve");
}
