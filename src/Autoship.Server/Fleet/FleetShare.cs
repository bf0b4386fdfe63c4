using System.Security.Cryptography;
using System.Text;

namespace Autoship.Server.Fleet;

/// <summary>
/// How replicas split repositories, as pure functions: each takes at most its share (the repositories over the live
/// replicas, rounded up), and prefers the repositories it ranks highest by rendezvous hashing, so that replicas
/// that race for free repositories mostly want different ones and an assignment moves little when a replica comes or goes.
/// </summary>
public static class FleetShare
{
    /// <summary>The most repositories one replica holds: ceil(repositories / live replicas); every repository when alone.</summary>
    public static int Of(int repositories, int liveReplicas) =>
        repositories <= 0 ? 0 : (repositories + Math.Max(1, liveReplicas) - 1) / Math.Max(1, liveReplicas);

    /// <summary>The rank of <paramref name="repository"/> for <paramref name="replica"/> (higher is preferred).</summary>
    public static ulong Rank(string replica, string repository)
    {
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(repository);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(replica + "\n" + repository));
        return BitConverter.ToUInt64(hash, 0);
    }

    /// <summary>The repositories to try to take, best first: free ones (no live holder) this replica ranks highest, up to the room left.</summary>
    public static IReadOnlyList<string> ToTake(string replica, IEnumerable<string> free, int held, int share) =>
        share <= held ? [] : free.OrderByDescending(r => Rank(replica, r)).ThenBy(r => r, StringComparer.Ordinal).ToList();

    /// <summary>The repositories to give back when holding more than the share, the ones ranked lowest first.</summary>
    public static IReadOnlyList<string> ToShed(string replica, IEnumerable<string> held, int share)
    {
        var mine = held.ToList();
        return mine.Count <= share ? [] : mine.OrderBy(r => Rank(replica, r)).ThenBy(r => r, StringComparer.Ordinal).Take(mine.Count - share).ToList();
    }
}
