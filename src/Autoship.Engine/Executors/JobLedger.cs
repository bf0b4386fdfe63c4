using Autoship.Engine.Store;

namespace Autoship.Engine.Executors;

/// <summary>
/// The jobs in flight on one repository, kept in the store (one setting, written only by the lease holder). The issue's
/// Autoship comment names the job too, and job ids derive from work order ids, so a lost ledger is repaired by the
/// next tick: the claim is resumed and the executor adopts the job under way instead of starting a second one.
/// </summary>
public sealed class JobLedger(IStateStore store, string repository)
{
    private const string Setting = "executor-jobs";

    public async Task<IReadOnlyList<JobTicket>> ListAsync(CancellationToken cancellationToken) =>
        await store.GetSettingAsync(repository, Setting, cancellationToken) is { } text ? JobJson.Read<List<JobTicket>>(text) ?? [] : [];

    public async Task AddAsync(JobTicket ticket, CancellationToken cancellationToken)
    {
        var jobs = (await ListAsync(cancellationToken)).Where(j => j.Issue != ticket.Issue).Append(ticket).ToList();
        await store.SetSettingAsync(repository, Setting, JobJson.Write(jobs), cancellationToken);
    }

    public async Task RemoveAsync(JobTicket ticket, CancellationToken cancellationToken)
    {
        var jobs = (await ListAsync(cancellationToken)).Where(j => j.Id != ticket.Id).ToList();
        await store.SetSettingAsync(repository, Setting, JobJson.Write(jobs), cancellationToken);
    }
}
