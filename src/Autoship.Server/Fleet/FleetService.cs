using Autoship.Engine.Store;
using Autoship.Server.Hosting;
using Autoship.Server.Loop;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoship.Server.Fleet;

/// <summary>
/// Splits the server's repositories between the replicas that share its store. Every third of
/// <see cref="ServerOptions.ReplicaLeaseTtl"/> this replica renews its membership lease (<c>replica:NAME</c>) and its
/// hold on each repository it runs (<c>repo:NAME</c>), counts the live replicas, gives back what exceeds its share
/// (only a repository with no tick running and no job in flight here) and takes free repositories up to its share.
/// A replica killed with -9 stops renewing: its holds expire within the TTL (at once when the store sees, on the same
/// host, that its process is gone) and the others take its repositories. The reconciler's own per-tick lease still
/// serialises ticks, so a hold lost mid-tick never lets two replicas act on one repository at once.
/// </summary>
public sealed partial class FleetService(RepositoryRegistry registry, ServerOptions options, TimeProvider clock, ILogger<FleetService> logger) : BackgroundService
{
    public const string ReplicaPrefix = "replica:";
    public const string RepoPrefix = "repo:";

    private readonly HashSet<RepositoryLoop> mine = [];
    private readonly HashSet<RepositoryLoop> shedding = [];
    private DateTimeOffset lastRenewed = DateTimeOffset.MinValue;

    /// <summary>How many heartbeats have completed (tests wait on it).</summary>
    public int Heartbeats { get; private set; }

    /// <summary>The repositories this replica runs now.</summary>
    public IReadOnlyList<string> Held
    {
        get
        {
            lock (mine)
            {
                return mine.Select(l => l.Name).Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>The live replicas at the last heartbeat.</summary>
    public int LiveReplicas { get; private set; } = 1;

    private IStateStore Store => registry.Default.Engine.Store;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RunLoop)
        {
            return;
        }

        var period = options.ReplicaLeaseTtl / 3;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await HeartbeatAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogHeartbeatFailed(logger, e.Message);
                    if (clock.GetUtcNow() - lastRenewed >= options.ReplicaLeaseTtl)
                    {
                        // Fail closed: holds we could not renew may already be another replica's.
                        await StopAllAsync(release: false);
                    }
                }

                Heartbeats++;
                await Task.Delay(period, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync gives the repositories back.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await StopAllAsync(release: true);
        try
        {
            await Store.ReleaseLeaseAsync(ReplicaPrefix + options.Replica, options.Replica, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogHeartbeatFailed(logger, e.Message);
        }
    }

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow();
        var ttl = options.ReplicaLeaseTtl;
        var me = options.Replica;
        await Store.TryAcquireLeaseAsync(ReplicaPrefix + me, me, now, ttl, stoppingToken);
        var live = Math.Max(1, (await Store.ListLeasesAsync(ReplicaPrefix, now, stoppingToken)).Count);
        LiveReplicas = live;
        var share = FleetShare.Of(registry.Loops.Count, live);

        // Renew what this replica runs; a hold taken by another replica (our heartbeat was too late) stops our loop.
        foreach (var loop in Snapshot())
        {
            if (!await Store.TryAcquireLeaseAsync(RepoPrefix + loop.Name, me, now, ttl, stoppingToken))
            {
                LogLost(logger, loop.Name);
                await loop.StopAsync();
                shedding.Remove(loop);
                Forget(loop);
            }
            else if (shedding.Contains(loop))
            {
                if (loop.IsRunning)
                {
                    continue;
                }

                shedding.Remove(loop);
                if (!loop.HasNoJobsInFlight())
                {
                    // A tick dispatched a job while stopping: its result is collected here, so keep the repository.
                    loop.Start(stoppingToken);
                    continue;
                }

                await Store.ReleaseLeaseAsync(RepoPrefix + loop.Name, me, CancellationToken.None);
                Forget(loop);
                LogShed(logger, loop.Name, share, live);
            }
            else if (!loop.IsRunning)
            {
                loop.Start(stoppingToken);
            }
        }

        lastRenewed = now;
        // Over the share (a replica joined): stop the loops ranked lowest, without waiting for their tick to end; a
        // later heartbeat gives each back once it has stopped. A repository with a job in flight here stays here.
        var keep = Snapshot().Where(l => !shedding.Contains(l)).ToList();
        foreach (var name in FleetShare.ToShed(me, keep.Select(l => l.Name), share))
        {
            var loop = keep.First(l => l.Name == name);
            if (loop.HasNoJobsInFlight())
            {
                shedding.Add(loop);
                loop.RequestStop();
            }
        }

        var held = (await Store.ListLeasesAsync(RepoPrefix, now, stoppingToken)).Select(l => l.Repository[RepoPrefix.Length..]).ToHashSet(StringComparer.Ordinal);
        var free = registry.Loops.Select(l => l.Name).Where(n => !held.Contains(n));
        foreach (var name in FleetShare.ToTake(me, free, Snapshot().Count, share))
        {
            if (Snapshot().Count >= share)
            {
                break;
            }

            if (await Store.TryAcquireLeaseAsync(RepoPrefix + name, me, clock.GetUtcNow(), ttl, stoppingToken))
            {
                var loop = registry.Loops.First(l => l.Name == name);
                lock (mine)
                {
                    mine.Add(loop);
                }

                LogTaken(logger, name, share, live);
                loop.Start(stoppingToken);
            }
        }
    }

    private async Task StopAllAsync(bool release)
    {
        foreach (var loop in Snapshot())
        {
            await loop.StopAsync();
            if (release)
            {
                try
                {
                    await Store.ReleaseLeaseAsync(RepoPrefix + loop.Name, options.Replica, CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogHeartbeatFailed(logger, e.Message);
                }
            }

            Forget(loop);
        }

        shedding.Clear();
    }

    private List<RepositoryLoop> Snapshot()
    {
        lock (mine)
        {
            return [.. mine];
        }
    }

    private void Forget(RepositoryLoop loop)
    {
        lock (mine)
        {
            mine.Remove(loop);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Took {Repo} (share {Share}; live replicas: {Live})")]
    private static partial void LogTaken(ILogger logger, string repo, int share, int live);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gave {Repo} back (share {Share}; live replicas: {Live})")]
    private static partial void LogShed(ILogger logger, string repo, int share, int live);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the hold on {Repo} to another replica; its loop stops here")]
    private static partial void LogLost(ILogger logger, string repo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replica heartbeat failed: {Problem}")]
    private static partial void LogHeartbeatFailed(ILogger logger, string problem);
}
