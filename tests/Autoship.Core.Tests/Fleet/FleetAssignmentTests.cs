using Autoship.Core;

namespace Autoship.Core.Tests.Fleet;

public sealed class FleetAssignmentTests
{
    private static readonly HashSet<string> NoPins = new(StringComparer.Ordinal);

    [Theory]
    [InlineData(20, 3, 7)]
    [InlineData(20, 2, 10)]
    [InlineData(6, 3, 2)]
    [InlineData(1, 3, 1)]
    [InlineData(5, 0, 5)]
    [InlineData(0, 2, 0)]
    public void Share_IsTheRepositoriesOverLiveReplicasRoundedUp(int repositories, int replicas, int share) =>
        FleetAssignment.Share(repositories, replicas).ShouldBe(share);

    [Fact]
    public void Plan_AloneWithNothingHeld_TakesEveryRepository()
    {
        var repos = Repos(20);
        var moves = FleetAssignment.Plan(new FleetView("a", [], repos, new Dictionary<string, string>(), NoPins));
        moves.Share.ShouldBe(20);
        moves.Take.Order(StringComparer.Ordinal).ShouldBe(repos.Order(StringComparer.Ordinal));
        moves.GiveBack.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_TwoJoinTheReplicaHoldingAll_ItGivesBackAllButItsShareAndTheyTakeExactlyThose()
    {
        var repos = Repos(20);
        var holders = repos.ToDictionary(r => r, _ => "a", StringComparer.Ordinal);
        string[] members = ["a", "b", "c"];

        var a = FleetAssignment.Plan(new FleetView("a", members, repos, holders, NoPins));
        a.Share.ShouldBe(7);
        a.Keep.Count.ShouldBe(7);
        a.GiveBack.Count.ShouldBe(13);
        a.Take.ShouldBeEmpty();
        // Before it gives anything back, the others have nothing free to take.
        FleetAssignment.Plan(new FleetView("b", members, repos, holders, NoPins)).Take.ShouldBeEmpty();

        foreach (var r in a.GiveBack)
        {
            holders.Remove(r);
        }

        var b = FleetAssignment.Plan(new FleetView("b", members, repos, holders, NoPins));
        var c = FleetAssignment.Plan(new FleetView("c", members, repos, holders, NoPins));
        b.Take.Intersect(c.Take).ShouldBeEmpty();
        b.Take.Concat(c.Take).Order(StringComparer.Ordinal).ShouldBe(a.GiveBack.Order(StringComparer.Ordinal));
        b.Take.Count.ShouldBeLessThanOrEqualTo(7);
        c.Take.Count.ShouldBeLessThanOrEqualTo(7);
    }

    [Fact]
    public void Plan_OverTheShareWithAPinnedRepository_KeepsItAndGivesBackAnotherOne()
    {
        var repos = Repos(4);
        var holders = repos.ToDictionary(r => r, _ => "a", StringComparer.Ordinal);
        var unpinned = FleetAssignment.Plan(new FleetView("a", ["a", "b"], repos, holders, NoPins));
        var lowest = unpinned.GiveBack[0];

        var pinned = FleetAssignment.Plan(new FleetView("a", ["a", "b"], repos, holders, new HashSet<string>(StringComparer.Ordinal) { lowest }));
        pinned.GiveBack.ShouldNotContain(lowest);
        pinned.GiveBack.Count.ShouldBe(2);
        pinned.Keep.ShouldContain(lowest);
    }

    [Fact]
    public void Plan_RepositoryHeldByAReplicaThatLeftTheMembers_IsNotTaken()
    {
        var repos = Repos(3);
        var holders = new Dictionary<string, string>(StringComparer.Ordinal) { [repos[0]] = "gone" };
        var moves = FleetAssignment.Plan(new FleetView("a", ["a"], repos, holders, NoPins));
        moves.Take.ShouldNotContain(repos[0]);
        moves.Take.Count.ShouldBe(2);
    }

    [Fact]
    public void Plan_ReplicasRacingForFreeRepositories_MostlyWantDifferentOnes()
    {
        var repos = Repos(20);
        string[] members = ["a", "b", "c"];
        var wants = members.Select(m => FleetAssignment.Plan(new FleetView(m, members, repos, new Dictionary<string, string>(), NoPins)).Take).ToList();
        wants.SelectMany(w => w).Count().ShouldBe(20);
        wants.SelectMany(w => w).Distinct().Count().ShouldBe(20, "with the same view, every free repository is assigned to exactly one replica");
    }

    private static List<string> Repos(int n) => Enumerable.Range(1, n).Select(i => $"local:/srv/forges/r{i}").ToList();
}
