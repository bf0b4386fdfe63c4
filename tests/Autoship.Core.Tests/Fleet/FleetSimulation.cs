using Autoship.Core;

namespace Autoship.Core.Tests.Fleet;

/// <summary>
/// Replicas sharing one lease table, driven only by <see cref="FleetAssignment.Plan"/>: each heartbeat a replica
/// reads the members (possibly one heartbeat late, as a replica that has not seen a join yet) and the holders, gives
/// back what the plan says and takes what it says with compare-and-set, as the real fleet service does on the store.
/// </summary>
internal sealed class FleetSimulation(IReadOnlyList<string> repositories, Random random)
{
    private readonly Dictionary<string, string> holders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, int>> pins = new(StringComparer.Ordinal);
    private List<string> seenMembers = [];
    private int named;

    public List<string> Members { get; } = [];

    public IReadOnlyDictionary<string, string> Holders => holders;

    public List<string> Log { get; } = [];

    public IReadOnlyList<string> Repositories => repositories;

    public int Share => FleetAssignment.Share(repositories.Count, Members.Count);

    public string Join()
    {
        var name = $"replica-{named++}";
        Members.Add(name);
        pins[name] = new(StringComparer.Ordinal);
        Log.Add($"join {name}");
        return name;
    }

    /// <summary>kill -9 (graceful: it also gives its holds back; either way they are free once its leases are gone).</summary>
    public void Leave(string name, bool graceful)
    {
        Members.Remove(name);
        pins.Remove(name);
        foreach (var repo in holders.Where(h => h.Value == name).Select(h => h.Key).ToList())
        {
            holders.Remove(repo);
        }

        Log.Add($"{(graceful ? "stop" : "kill -9")} {name}");
    }

    /// <summary>A job of <paramref name="repo"/> runs in <paramref name="name"/>'s pool for the next <paramref name="heartbeats"/> of it.</summary>
    public void Pin(string name, string repo, int heartbeats) => pins[name][repo] = heartbeats;

    public void ClearPins()
    {
        foreach (var p in pins.Values)
        {
            p.Clear();
        }
    }

    public IReadOnlyList<string> HeldBy(string name) => holders.Where(h => h.Value == name).Select(h => h.Key).ToList();

    /// <summary>Every live replica heartbeats once, in a random order; returns how many repositories moved.</summary>
    public int Round(bool staleViews)
    {
        var moved = 0;
        var previous = seenMembers;
        seenMembers = [.. Members];
        foreach (var name in Members.OrderBy(_ => random.Next()).ToList())
        {
            var members = staleViews && random.Next(2) == 0 ? previous.Where(Members.Contains).ToList() : [.. Members];
            moved += Heartbeat(name, members);
        }

        return moved;
    }

    private int Heartbeat(string name, List<string> members)
    {
        var mine = pins[name];
        foreach (var repo in mine.Keys.ToList())
        {
            if (--mine[repo] <= 0 || !holders.TryGetValue(repo, out var h) || h != name)
            {
                mine.Remove(repo);
            }
        }

        var before = HeldBy(name).Count;
        var moves = FleetAssignment.Plan(new FleetView(name, members, repositories, new Dictionary<string, string>(holders, StringComparer.Ordinal), mine.Keys.ToHashSet(StringComparer.Ordinal)));
        foreach (var repo in moves.GiveBack)
        {
            mine.ContainsKey(repo).ShouldBeFalse($"{name} gave back {repo}, whose job runs there\n{string.Join("\n", Log)}");
            holders[repo].ShouldBe(name);
            holders.Remove(repo);
        }

        var taken = 0;
        foreach (var repo in moves.Take)
        {
            if (holders.TryAdd(repo, name))
            {
                taken++;
            }
        }

        var after = HeldBy(name).Count;
        if (taken > 0)
        {
            after.ShouldBeLessThanOrEqualTo(moves.Share, $"{name} took {taken} and holds {after}, over its share {moves.Share}\n{string.Join("\n", Log)}");
        }

        Log.Add($"{name} (sees {members.Count}): held {before}, gave back {moves.GiveBack.Count}, took {taken}, holds {after}");
        return moves.GiveBack.Count + taken;
    }
}
