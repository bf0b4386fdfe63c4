namespace Autoship.Server.Fleet;

/// <summary>One repository of the server as the picker and <c>/api/repos</c> show it.</summary>
public sealed record RepositoryView(
    string Key,
    string Name,
    string Path,
    string? HeldBy,
    bool RunningHere,
    bool TickRunning,
    int TicksHere,
    DateTimeOffset? NextTickAt,
    DateTimeOffset? LastTickAt,
    string? LastTickOutcome,
    int? Items);

/// <summary>What <c>/api/repos</c> returns: this replica, the live replicas and every repository.</summary>
public sealed record RepositoriesView(string Replica, int LiveReplicas, int Share, IReadOnlyList<string> HeldHere, IReadOnlyList<RepositoryView> Repositories);
