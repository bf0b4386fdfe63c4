using Autoship.Core;

namespace Autoship.Core.Tests.Fleet;

/// <summary>
/// Generated fleets: N replicas over M repositories, joining, stopping and being killed in a random order, some
/// seeing a join one heartbeat late, some holding repositories whose jobs run in their pool. Throughout, a replica
/// never takes beyond its share and never gives back a repository whose job runs there; once the members stop
/// changing, every repository is held by exactly one live replica, each within ceil(M / N), and nothing moves any more.
/// A kill moves only the killed replica's repositories.
/// </summary>
public sealed class FleetAssignmentPropertyTests
{
    private const int Scenarios = 300;

    [Fact]
    public void Plan_RandomJoinLeaveKill_SettlesWithEveryRepositoryHeldOnceWithinTheShare()
    {
        for (var seed = 0; seed < Scenarios; seed++)
        {
            var random = new Random(seed);
            var sim = new FleetSimulation(Enumerable.Range(0, random.Next(1, 41)).Select(i => $"local:/forges/{seed}-{i}").ToList(), random);
            sim.Join();
            for (var step = random.Next(3, 15); step > 0; step--)
            {
                Churn(sim, random);
                for (var rounds = random.Next(0, 3); rounds >= 0; rounds--)
                {
                    sim.Round(staleViews: true);
                }
            }

            sim.ClearPins();
            Settle(sim, seed);

            // kill -9 of the replica holding the most: the survivors keep what they held and take its repositories.
            if (sim.Members.Count > 1)
            {
                var victim = sim.Members.OrderByDescending(m => sim.HeldBy(m).Count).First();
                var kept = sim.Members.Where(m => m != victim).ToDictionary(m => m, m => sim.HeldBy(m).ToHashSet(StringComparer.Ordinal));
                sim.Leave(victim, graceful: false);
                Settle(sim, seed);
                foreach (var (member, held) in kept)
                {
                    held.IsSubsetOf(sim.HeldBy(member)).ShouldBeTrue($"seed {seed}: {member} lost a repository when another replica was killed\n{string.Join("\n", sim.Log)}");
                }
            }
        }
    }

    private static void Churn(FleetSimulation sim, Random random)
    {
        switch (random.Next(6))
        {
            case 0 or 1 when sim.Members.Count < 8:
                sim.Join();
                break;
            case 2 when sim.Members.Count > 1:
                sim.Leave(sim.Members[random.Next(sim.Members.Count)], graceful: random.Next(2) == 0);
                break;
            case 3:
                var member = sim.Members[random.Next(sim.Members.Count)];
                var held = sim.HeldBy(member);
                if (held.Count > 0)
                {
                    sim.Pin(member, held[random.Next(held.Count)], random.Next(1, 4));
                }

                break;
        }
    }

    /// <summary>With the members fixed, accurate views and no jobs pinning anything, a few heartbeats settle the fleet.</summary>
    private static void Settle(FleetSimulation sim, int seed)
    {
        for (var round = 0; round < 3; round++)
        {
            sim.Round(staleViews: false);
        }

        var why = $"seed {seed}, {sim.Repositories.Count} repositories, {sim.Members.Count} replicas\n{string.Join("\n", sim.Log.TakeLast(40))}";
        sim.Holders.Count.ShouldBe(sim.Repositories.Count, "every repository is held: " + why);
        sim.Holders.Values.ShouldAllBe(h => sim.Members.Contains(h), "only live replicas hold repositories: " + why);
        sim.Members.ShouldAllBe(m => sim.HeldBy(m).Count <= sim.Share, "each replica within ceil(M / N): " + why);
        sim.Round(staleViews: false).ShouldBe(0, "settled: nothing moves any more: " + why);
    }
}
