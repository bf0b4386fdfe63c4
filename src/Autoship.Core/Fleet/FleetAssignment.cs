using System.Security.Cryptography;
using System.Text;

namespace Autoship.Core;

/// <summary>
/// How replicas that share one store split the repositories: consistent hashing with bounded loads, computed by every
/// replica from the same inputs (the live members and the current holders), so they agree on who takes what.
/// <list type="number">
/// <item>The share is ceil(repositories / live members); no replica is ever assigned more (its pinned repositories aside).</item>
/// <item>Every member keeps what it holds, up to the share: its pinned repositories first, then those it ranks highest.
/// A repository moves only when its holder is over the share (a member joined) or gone (its leases expired).</item>
/// <item>Every other repository goes, in descending rendezvous rank over all (member, repository) pairs, to the
/// highest-ranked member with room; there is always room, since share × members ≥ repositories.</item>
/// </list>
/// A replica takes only free repositories assigned to it and gives back only what it holds beyond its share, so two
/// replicas whose views differ for a moment (one saw a member join first) never move a repository back and forth; the
/// store's compare-and-set lease decides a race for a free one.
/// </summary>
public static class FleetAssignment
{
    /// <summary>The most repositories one replica holds: ceil(repositories / live replicas); every repository when alone.</summary>
    public static int Share(int repositories, int liveReplicas) =>
        repositories <= 0 ? 0 : (repositories + Math.Max(1, liveReplicas) - 1) / Math.Max(1, liveReplicas);

    /// <summary>The rendezvous rank of <paramref name="repository"/> for <paramref name="replica"/> (higher is preferred).</summary>
    public static ulong Rank(string replica, string repository)
    {
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(repository);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(replica + "\n" + repository));
        return BitConverter.ToUInt64(hash, 0);
    }

    /// <summary>This replica's moves for <paramref name="view"/>.</summary>
    public static FleetMoves Plan(FleetView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var members = view.Members.Append(view.Me).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var share = Share(view.Repositories.Count, members.Count);
        var target = Assign(view, members, share);
        var mine = view.Repositories.Where(r => Holder(view, r) == view.Me).ToList();
        var keep = mine.Where(r => target.GetValueOrDefault(r) == view.Me).ToList();
        var giveBack = mine.Where(r => target.GetValueOrDefault(r) != view.Me && !view.Pinned.Contains(r))
            .OrderBy(r => Rank(view.Me, r)).ThenBy(r => r, StringComparer.Ordinal).ToList();
        var take = view.Repositories.Where(r => Holder(view, r) is null && target.GetValueOrDefault(r) == view.Me)
            .OrderByDescending(r => Rank(view.Me, r)).ThenBy(r => r, StringComparer.Ordinal).ToList();
        return new FleetMoves(share, take, giveBack, keep);
    }

    /// <summary>The member each repository is assigned to; a repository held by a non-member (leaving) is nobody's.</summary>
    private static Dictionary<string, string> Assign(FleetView view, List<string> members, int share)
    {
        var target = new Dictionary<string, string>(StringComparer.Ordinal);
        var load = members.ToDictionary(m => m, _ => 0, StringComparer.Ordinal);
        var elsewhere = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            var held = view.Repositories.Where(r => Holder(view, r) == member)
                .OrderByDescending(r => member == view.Me && view.Pinned.Contains(r))
                .ThenByDescending(r => Rank(member, r)).ThenBy(r => r, StringComparer.Ordinal);
            foreach (var repository in held)
            {
                if (load[member] < share || (member == view.Me && view.Pinned.Contains(repository)))
                {
                    target[repository] = member;
                    load[member]++;
                }
            }
        }

        foreach (var repository in view.Repositories)
        {
            if (Holder(view, repository) is { } holder && !load.ContainsKey(holder))
            {
                elsewhere.Add(repository);
            }
        }

        var pairs = view.Repositories.Where(r => !target.ContainsKey(r) && !elsewhere.Contains(r))
            .SelectMany(r => members.Select(m => (Rank: Rank(m, r), Member: m, Repository: r)))
            .OrderByDescending(p => p.Rank).ThenBy(p => p.Member, StringComparer.Ordinal).ThenBy(p => p.Repository, StringComparer.Ordinal);
        foreach (var (_, member, repository) in pairs)
        {
            if (!target.ContainsKey(repository) && load[member] < share)
            {
                target[repository] = member;
                load[member]++;
            }
        }

        return target;
    }

    private static string? Holder(FleetView view, string repository) => view.Holders.GetValueOrDefault(repository);
}
