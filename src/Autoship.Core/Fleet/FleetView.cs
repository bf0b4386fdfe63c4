namespace Autoship.Core;

/// <summary>What one replica knows at a heartbeat, read from the shared store after renewing its own leases.</summary>
/// <param name="Me">This replica's name (always counted as a member: it registered before reading).</param>
/// <param name="Members">The replicas whose membership lease is live (this one included or not: it is added).</param>
/// <param name="Repositories">Every repository the replicas serve (the same list on every replica).</param>
/// <param name="Holders">The live holder of each held repository; a repository absent here is free.</param>
/// <param name="Pinned">Repositories this replica holds that must stay here for now (a job of theirs runs or waits to be collected here).</param>
public sealed record FleetView(
    string Me,
    IReadOnlyCollection<string> Members,
    IReadOnlyList<string> Repositories,
    IReadOnlyDictionary<string, string> Holders,
    IReadOnlySet<string> Pinned);
