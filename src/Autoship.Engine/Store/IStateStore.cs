using Autoship.Agents;
using Autoship.Core.Planning;

namespace Autoship.Engine.Store;

/// <summary>
/// Autoship's own state: the repository lease, the append-only event log, agent runs, work orders, webhook
/// deliveries, tick summaries and run-time switches. The forge stays the source of truth: losing this store loses
/// history, never correctness.
/// </summary>
public interface IStateStore : IAsyncDisposable
{
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Takes or renews the lease on <paramref name="repository"/>; false when another holder's lease has not expired.</summary>
    Task<bool> TryAcquireLeaseAsync(string repository, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken);

    Task ReleaseLeaseAsync(string repository, string holder, CancellationToken cancellationToken);

    Task<LeaseInfo?> GetLeaseAsync(string repository, CancellationToken cancellationToken);

    /// <summary>
    /// The leases whose name starts with <paramref name="prefix"/> that are live at <paramref name="now"/>: not expired,
    /// and not held by a process of this host that is provably dead (what replicas of <c>serve</c> count and split).
    /// </summary>
    Task<IReadOnlyList<LeaseInfo>> ListLeasesAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken);

    Task AppendEventAsync(StoredEvent stored, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredEvent>> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken);

    Task SaveRunAsync(string repository, RunRecord run, string outcome, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredRun>> ListRunsAsync(string repository, int? issue, DateTimeOffset? since, CancellationToken cancellationToken);

    Task SaveWorkOrderAsync(Autoship.Core.WorkOrder order, CancellationToken cancellationToken);

    Task<RuntimeControls> GetControlsAsync(string repository, CancellationToken cancellationToken);

    Task SetControlsAsync(string repository, RuntimeControls controls, CancellationToken cancellationToken);

    /// <summary>Records a webhook delivery id; false when it was already seen (a redelivery).</summary>
    Task<bool> TryRecordDeliveryAsync(string deliveryId, string eventName, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A small named value kept per repository (e.g. the last configuration that validated).</summary>
    Task<string?> GetSettingAsync(string repository, string name, CancellationToken cancellationToken);

    Task SetSettingAsync(string repository, string name, string value, CancellationToken cancellationToken);

    Task SaveTickAsync(TickRecord tick, CancellationToken cancellationToken);

    Task<IReadOnlyList<TickRecord>> RecentTicksAsync(string repository, int count, CancellationToken cancellationToken);
}
