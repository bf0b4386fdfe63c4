using Autoship.Core;
using Autoship.Engine.Store;
using Autoship.Server.Hosting;
using Autoship.Server.Loop;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoship.Server.Fleet;

/// <summary>
/// Splits the server's repositories between the replicas that share its store. Every third of
/// <see cref="ServerOptions.ReplicaLeaseTtl"/> this replica renews its membership lease (<c>replica:NAME</c>) and its
/// hold on each repository it runs (<c>repo:NAME</c>), reads the live members and holders, and moves as the pure
/// <see cref="FleetAssignment"/> says: it gives back what exceeds its share (once its tick has ended, and never a
/// repository with a job running or waiting to be collected in this replica's worker pool) and takes the free
/// repositories assigned to it, never more than its share.
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

    /// <summary>The most repositories this replica holds, as of the last heartbeat (ceil(repositories / live replicas)).</summary>
    public int Share { get; private set; }

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
                var started = clock.GetUtcNow();
                try
                {
                    await HeartbeatAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogHeartbeatFailed(logger, e.Message);
                    if (clock.GetUtcNow() - lastRenewed >= options.ReplicaLeaseTtl)
                    {
                        // Fail closed: holds we could not renew may already be another replica's. Their ticks are
                        // asked to stop, not awaited, so the next heartbeat comes on time.
                        foreach (var loop in Snapshot())
                        {
                            loop.RequestStop();
                            Forget(loop);
                        }

                        shedding.Clear();
                    }
                }

                Heartbeats++;
                // A period from the start of this heartbeat, not its end: a slow store must not stretch the renewals
                // past the TTL.
                var wait = period - (clock.GetUtcNow() - started);
                await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, stoppingToken);
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
        // Register first: a replica that reads the members before it counts itself could take another's share.
        await Store.TryAcquireLeaseAsync(ReplicaPrefix + me, me, now, ttl, stoppingToken);

        // Renew what this replica runs; a hold taken by another replica (our heartbeat was too late) stops our loop
        // without waiting for its tick (the reconciler's own lease keeps that tick from overlapping the new holder's).
        foreach (var loop in Snapshot())
        {
            if (!await Store.TryAcquireLeaseAsync(RepoPrefix + loop.Name, me, now, ttl, stoppingToken))
            {
                LogLost(logger, loop.Name);
                loop.RequestStop();
                shedding.Remove(loop);
                Forget(loop);
            }
        }

        lastRenewed = now;
        var members = (await Store.ListLeasesAsync(ReplicaPrefix, now, stoppingToken)).Select(l => l.Repository[ReplicaPrefix.Length..]).ToList();
        LiveReplicas = Math.Max(1, members.Count(m => m != me) + 1);
        if (Heartbeats == 0 && registry.IsMulti)
        {
            // Joining: take nothing until the others starting with us have registered (one heartbeat later), so the
            // first replica up does not take every repository only to give most of them back at once.
            return;
        }

        var holders = (await Store.ListLeasesAsync(RepoPrefix, now, stoppingToken))
            .ToDictionary(l => l.Repository[RepoPrefix.Length..], l => l.Holder, StringComparer.Ordinal);
        var names = registry.Loops.Select(l => l.Name).ToList();
        var view = new FleetView(me, members, names, holders, new HashSet<string>(StringComparer.Ordinal));
        var moves = FleetAssignment.Plan(view);
        if (moves.GiveBack.Count > 0)
        {
            // Over the share: keep the repositories whose jobs run (or wait to be collected) in this replica's pool.
            var pinned = new HashSet<string>(StringComparer.Ordinal);
            foreach (var loop in Snapshot())
            {
                if (await loop.HasJobsInFlightAsync(stoppingToken))
                {
                    pinned.Add(loop.Name);
                }
            }

            moves = pinned.Count == 0 ? moves : FleetAssignment.Plan(view with { Pinned = pinned });
        }

        Share = moves.Share;
        await GiveBackAsync(moves, stoppingToken);
        foreach (var name in moves.Take)
        {
            if (await Store.TryAcquireLeaseAsync(RepoPrefix + name, me, clock.GetUtcNow(), ttl, stoppingToken))
            {
                var loop = registry.Loops.First(l => l.Name == name);
                lock (mine)
                {
                    mine.Add(loop);
                }

                LogTaken(logger, name, moves.Share, LiveReplicas);
            }
        }

        foreach (var loop in Snapshot().Where(l => !shedding.Contains(l) && !l.IsRunning))
        {
            loop.Start(stoppingToken);
        }
    }

    /// <summary>
    /// Stops the loops over the share without waiting for their tick to end; a later heartbeat gives each back once it
    /// has stopped, unless a tick dispatched a job meanwhile (its result is collected here, so it stays).
    /// </summary>
    private async Task GiveBackAsync(FleetMoves moves, CancellationToken stoppingToken)
    {
        var giveBack = moves.GiveBack.ToHashSet(StringComparer.Ordinal);
        foreach (var loop in Snapshot())
        {
            if (!giveBack.Contains(loop.Name))
            {
                // Kept after all (a replica left, so the share grew; or a job pins it): it runs again.
                shedding.Remove(loop);
                continue;
            }

            if (shedding.Add(loop))
            {
                loop.RequestStop();
                continue;
            }

            if (loop.IsRunning)
            {
                continue;
            }

            if (await loop.HasJobsInFlightAsync(stoppingToken))
            {
                shedding.Remove(loop);
                continue;
            }

            await Store.ReleaseLeaseAsync(RepoPrefix + loop.Name, options.Replica, CancellationToken.None);
            shedding.Remove(loop);
            Forget(loop);
            LogShed(logger, loop.Name, moves.Share, LiveReplicas);
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
