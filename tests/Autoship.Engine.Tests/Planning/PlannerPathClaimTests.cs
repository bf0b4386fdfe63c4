using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Planning;

/// <summary>MUTX: no two work orders on overlapping paths at once; the waiting one says which item holds its paths.</summary>
public sealed class PlannerPathClaimTests
{
    private static readonly AutoshipConfig Wide = WithLoop(l => l with { MaxConcurrent = 4 }) with
    {
        Agents = Config.Agents.Select(a => a with { MaxConcurrent = 4 }).ToList(),
    };

    [Fact]
    public void Plan_TwoReadyItemsOnTheSameArea_StartsOneAndSaysThePathsAreBusy()
    {
        var plan = Planner.Plan(Input([Ready(1, "docs"), Ready(2, "docs")], config: Wide));

        plan.Actions.OfType<StartAttempt>().ShouldHaveSingleItem().Issue.ShouldBe(1);
        var waiting = plan.Items.Single(i => i.Issue == 2);
        waiting.Phase.ShouldBe(ItemPhase.Queued);
        waiting.Reasons.ShouldHaveSingleItem().Code.ShouldBe("paths-busy");
        waiting.Reasons[0].Message.ShouldContain("#1");
    }

    [Fact]
    public void Plan_ClaimInFlightOnOverlappingPaths_HoldsThemAcrossTicks()
    {
        var config = Wide with
        {
            Areas = Wide.Areas.Select(a => a.Name == "web" ? a with { Paths = ["src/**"] } : a).ToList(),
        };
        var claimed = Ready(1, "api", "medium", safe: false, claimed: true);
        var memories = new Dictionary<int, ItemMemory> { [1] = Memory(ItemPhase.Claimed, "control-plane-steward") };
        var plan = Planner.Plan(Input([claimed, Ready(2, "web", "medium", safe: false), Ready(3, "docs")], memories: memories, config: config) with { Running = new HashSet<int> { 1 } });

        plan.Actions.OfType<StartAttempt>().Select(s => s.Issue).ShouldBe([3]);
        var waiting = plan.Items.Single(i => i.Issue == 2);
        waiting.Reasons.ShouldHaveSingleItem().Message.ShouldContain("src/api/**");
    }

    [Fact]
    public void Plan_ItemsOnDisjointAreas_StartTogether()
    {
        var plan = Planner.Plan(Input([Ready(1, "docs"), Ready(2, "test"), Ready(3, "cli-sdk")], config: Wide));

        plan.Actions.OfType<StartAttempt>().Select(s => s.Issue).ShouldBe([1, 2, 3]);
    }
}
