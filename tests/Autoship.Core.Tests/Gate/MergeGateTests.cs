using Autoship.Core.Config;
using static Autoship.Core.Tests.Gate.Prs;

namespace Autoship.Core.Tests.Gate;

public sealed class MergeGateTests
{
    [Fact]
    public void Decide_RejectHoldAndWaitTogether_RejectsAndListsEveryReasonMostSevereFirst()
    {
        var pr = Green(Lane.Human) with
        {
            Checks = [new("ci", CheckState.Failure, Head)],
            Reviews = [AgentReview(Reviewer, ReviewState.Approved)],
            Body = string.Empty,
            Mergeable = false,
        };

        var decision = Decide(pr, Lane.Human, TestConfigs.Default() with { Loop = TestConfigs.Default().Loop with { KillSwitch = true } });

        decision.Verdict.ShouldBe(GateVerdict.Reject);
        decision.Reasons.Select(r => r.Code).ShouldBe(
            ["merge-conflict", "check-failed", "human-approval-missing", "verification-evidence-missing", "kill-switch"]);
        decision.HumanActions.ShouldBeEmpty();
        decision.Summary.ShouldStartWith("reject (lane C human): ");
    }

    [Fact]
    public void Decide_HoldAndWait_HoldsWithExactHumanActions()
    {
        var pr = Green(Lane.Human) with { Checks = [], Body = string.Empty, Reviews = [AgentReview(Reviewer, ReviewState.Approved)] };

        var decision = Decide(pr, Lane.Human);

        decision.Verdict.ShouldBe(GateVerdict.Hold);
        decision.Reasons.Select(r => r.Code).ShouldBe(["human-approval-missing", "verification-evidence-missing", "check-missing"]);
        decision.HumanActions.Count.ShouldBe(2);
        decision.HumanActions[0].ShouldContain("approves the pull request at commit headsha");
        decision.HumanActions[1].ShouldContain("## Verification evidence");
    }

    [Fact]
    public void Decide_SafeLaneWithoutLabels_SaysWhichLabelsToAdd()
    {
        var decision = Decide(Green(Lane.Safe) with { Labels = [] }, Lane.Safe);

        decision.Verdict.ShouldBe(GateVerdict.Hold);
        decision.HumanActions.ShouldContain(a => a.Contains("autonomy:safe"));
        decision.HumanActions.ShouldContain(a => a.Contains("size:xs or size:s"));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Decide_KillSwitch_WaitsFromConfigOrRunTime(bool inConfig, bool atRunTime)
    {
        var config = TestConfigs.Default();
        config = config with { Loop = config.Loop with { KillSwitch = inConfig } };

        var decision = MergeGate.Decide(Input(Green(Lane.Safe), Lane.Safe, config) with { KillSwitch = atRunTime });

        decision.Verdict.ShouldBe(GateVerdict.Wait);
        decision.Reasons.Single().Code.ShouldBe("kill-switch");
    }

    [Fact]
    public void Decide_PausedLane_WaitsOnlyForThatLane()
    {
        var config = TestConfigs.Default();
        config = config with { Loop = config.Loop with { PausedLanes = [Lane.Staging] } };

        Decide(Green(Lane.Staging), Lane.Staging, config).Reasons.Single().Code.ShouldBe("lane-paused");
        Decide(Green(Lane.Safe), Lane.Safe, config).Verdict.ShouldBe(GateVerdict.Merge);
        MergeGate.Decide(Input(Green(Lane.Safe), Lane.Safe) with { PausedLanes = [Lane.Safe] }).Reasons.Single().Code.ShouldBe("lane-paused");
    }

    [Fact]
    public void Decide_LaneWithoutAutoMerge_Holds()
    {
        var config = TestConfigs.Default().WithLane(TestConfigs.StagingLane() with { AutoMerge = false });

        var decision = Decide(Green(Lane.Staging), Lane.Staging, config);

        decision.Verdict.ShouldBe(GateVerdict.Hold);
        decision.Reasons.Single().Code.ShouldBe("no-auto-merge");
    }

    [Fact]
    public void Decide_GuardrailsRefuse_RejectsWithTheirReasons()
    {
        var violation = new Reason("never-path", ".github/workflows/ci.yml matches never-glob");

        var decision = MergeGate.Decide(Input(Green(Lane.Safe), Lane.Safe) with { Classification = Classified(Lane.Safe, false, violation) });

        decision.Verdict.ShouldBe(GateVerdict.Reject);
        decision.Reasons.ShouldBe([violation]);
    }

    [Theory]
    [InlineData(ReviewState.Approved, ReviewState.ChangesRequested, GateVerdict.Reject)]
    [InlineData(ReviewState.ChangesRequested, ReviewState.Approved, GateVerdict.Merge)]
    [InlineData(ReviewState.Approved, ReviewState.Commented, GateVerdict.Merge)]
    [InlineData(ReviewState.Approved, ReviewState.Dismissed, GateVerdict.Wait)]
    public void Decide_SeveralReviewsBySameAgent_LatestDecisiveOneCounts(ReviewState first, ReviewState second, GateVerdict verdict)
    {
        var pr = Green(Lane.Safe) with { Reviews = [AgentReview(Reviewer, second, minute: 9), AgentReview(Reviewer, first, minute: 1)] };

        Decide(pr, Lane.Safe).Verdict.ShouldBe(verdict);
    }

    [Fact]
    public void Decide_ReviewOnOldCommit_SaysTheApprovalWasForAnOlderCommit()
    {
        var pr = Green(Lane.Safe) with { Reviews = [AgentReview(Reviewer, ReviewState.Approved, OldHead)] };

        Decide(pr, Lane.Safe).Reasons.Single().Message.ShouldContain("approval was for an older commit");
    }

    [Fact]
    public void Decide_ChangesRequestedOnOldCommit_IsIgnored()
    {
        var pr = Green(Lane.Safe) with { Reviews = [.. Green(Lane.Safe).Reviews, AgentReview(Reviewer, ReviewState.ChangesRequested, OldHead, minute: 30)] };

        Decide(pr, Lane.Safe).Verdict.ShouldBe(GateVerdict.Merge);
    }

    [Fact]
    public void Decide_OnlyTheAuthorApproved_ExplainsThatItDoesNotCount()
    {
        var pr = Green(Lane.Safe) with { Reviews = [AgentReview(Author, ReviewState.Approved)] };

        var decision = Decide(pr, Lane.Safe);

        decision.Verdict.ShouldBe(GateVerdict.Wait);
        decision.Reasons.ShouldContain(r => r.Message.Contains("own approval never counts"));
    }

    [Fact]
    public void Decide_NoReviewerApprovalsConfigured_StillNeedsSomeoneOtherThanTheAuthor()
    {
        var config = TestConfigs.Default().WithLane(TestConfigs.SafeLane() with { ReviewerApprovals = 0 });
        var pr = Green(Lane.Safe) with { Reviews = [AgentReview(Author, ReviewState.Approved)] };

        Decide(pr, Lane.Safe, config).Reasons.Single().Code.ShouldBe("no-approval");
    }

    [Fact]
    public void Decide_HumanLaneConfiguredWithoutHumanApproval_StillNeedsOne()
    {
        var config = TestConfigs.Default().WithLane(TestConfigs.HumanLane() with { HumanApproval = false });
        var pr = Green(Lane.Human) with { Reviews = [AgentReview(Reviewer, ReviewState.Approved)] };

        Decide(pr, Lane.Human, config).Reasons.Single().Code.ShouldBe("human-approval-missing");
    }

    [Theory]
    [InlineData("maria", GateVerdict.Merge)]
    [InlineData("@maria", GateVerdict.Merge)]
    [InlineData("someone-else", GateVerdict.Hold)]
    public void Decide_ApproversListed_OnlyTheyCount(string approver, GateVerdict verdict)
    {
        var config = TestConfigs.Default().WithLane(TestConfigs.HumanLane() with { Approvers = [approver] });

        var decision = Decide(Green(Lane.Human), Lane.Human, config);

        decision.Verdict.ShouldBe(verdict);
        if (verdict == GateVerdict.Hold)
        {
            decision.HumanActions.Single().ShouldStartWith("One of someone-else");
        }
    }

    [Fact]
    public void Decide_NonRequiredCheckFails_DoesNotBlock()
    {
        var pr = Green(Lane.Safe) with { Checks = [.. Green(Lane.Safe).Checks, new("lint-optional", CheckState.Failure, Head)] };

        Decide(pr, Lane.Safe).Verdict.ShouldBe(GateVerdict.Merge);
    }

    [Fact]
    public void Decide_RequiredCheckReportedTwiceOnHead_WorstStateWins()
    {
        var pr = Green(Lane.Safe) with { Checks = [new("ci", CheckState.Success, Head), new("ci", CheckState.Failure, Head)] };

        Decide(pr, Lane.Safe).Verdict.ShouldBe(GateVerdict.Reject);
    }

    [Fact]
    public void Decide_NoRequiredChecksNamed_EveryCheckOnHeadMustBeGreen()
    {
        var config = TestConfigs.Default() with { Validation = new ValidationSettings("scripts/test.sh", []) };

        Decide(Green(Lane.Safe) with { Checks = [] }, Lane.Safe, config).Reasons.Single().Code.ShouldBe("checks-missing");
        Decide(Green(Lane.Safe) with { Checks = [new("build", CheckState.Pending, Head)] }, Lane.Safe, config).Verdict.ShouldBe(GateVerdict.Wait);
        Decide(Green(Lane.Safe) with { Checks = [new("build", CheckState.Success, Head)] }, Lane.Safe, config).Verdict.ShouldBe(GateVerdict.Merge);
    }

    [Theory]
    [InlineData("autoship/gate", CheckState.Pending)]
    [InlineData("autoship/gate", CheckState.Failure)]
    [InlineData("autoship/queue", CheckState.Success)]
    [InlineData("Autoship/Review", CheckState.Pending)]
    public void Decide_NoRequiredChecksNamed_AutoshipsOwnStatusesAreNotChecksToWaitFor(string own, CheckState state)
    {
        var config = TestConfigs.Default() with { Validation = new ValidationSettings("scripts/test.sh", []) };

        // A held PR's gate status is pending; once a human unblocks the PR it must not wait for its own status.
        var green = Decide(Green(Lane.Safe) with { Checks = [new("build", CheckState.Success, Head), new(own, state, Head)] }, Lane.Safe, config);
        green.Verdict.ShouldBe(GateVerdict.Merge, string.Join("; ", green.Reasons));
        green.Reasons.ShouldNotContain(r => r.Message.Contains(own, StringComparison.Ordinal));

        // Only Autoship's own statuses on the head: no CI check has reported yet.
        Decide(Green(Lane.Safe) with { Checks = [new(own, CheckState.Success, Head)] }, Lane.Safe, config).Reasons.ShouldContain(r => r.Code == "checks-missing");
    }

    [Fact]
    public void Decide_MergeabilityUnknown_DoesNotBlock()
    {
        Decide(Green(Lane.Safe) with { Mergeable = null }, Lane.Safe).Verdict.ShouldBe(GateVerdict.Merge);
    }

    [Fact]
    public void Decide_LatestStagingDeploymentFailedAfterSuccess_Rejects()
    {
        var pr = Green(Lane.Staging) with
        {
            Deployments = [new("staging", Head, DeploymentState.Success, T0), new("staging", Head, DeploymentState.Failure, T0.AddMinutes(5))],
        };

        Decide(pr, Lane.Staging).Verdict.ShouldBe(GateVerdict.Reject);
    }
}
