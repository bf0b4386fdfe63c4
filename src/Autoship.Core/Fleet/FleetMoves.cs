namespace Autoship.Core;

/// <summary>What a replica does at a heartbeat: take free repositories, give back the ones over its share.</summary>
/// <param name="Share">The most repositories a replica holds: ceil(repositories / live replicas).</param>
/// <param name="Take">Free repositories assigned to this replica, the ones it ranks highest first.</param>
/// <param name="GiveBack">Repositories this replica holds beyond its share, the ones it ranks lowest first (never a pinned one).</param>
/// <param name="Keep">The repositories this replica keeps.</param>
public sealed record FleetMoves(int Share, IReadOnlyList<string> Take, IReadOnlyList<string> GiveBack, IReadOnlyList<string> Keep);
