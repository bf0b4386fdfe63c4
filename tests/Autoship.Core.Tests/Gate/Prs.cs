using Autoship.Core.Config;

namespace Autoship.Core.Tests.Gate;

/// <summary>Pull requests for gate tests: <see cref="Green"/> meets every requirement of its lane.</summary>
internal static class Prs
{
    public const string Head = "headsha1111111";
    public const string OldHead = "oldsha22222222";
    public const string Author = TestConfigs.Orchestrator;
    public const string Reviewer = TestConfigs.Qa;

    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly Actor Bot = new("autoship[bot]", Permission.Write);
    public static readonly Actor Maintainer = new("maria", Permission.Maintain);
    public static readonly Actor Reader = new("rita", Permission.Read);

    public const string Evidence = "## Summary\nChange.\n\n## Verification evidence\nRan `scripts/test.sh`: 120 passed.\n";

    public static PullRequestSnapshot Green(Lane lane) => new(
        7, "Fix", lane == Lane.Human ? Evidence : "## Summary\nChange.", Bot, "autoship/1-fix", Head, "main", Open: true, Merged: false,
        lane == Lane.Safe ? [Labels.Safe, "size:xs"] : [],
        lane == Lane.Human ? [AgentReview(Reviewer, ReviewState.Approved), HumanReview(Maintainer, ReviewState.Approved)] : [AgentReview(Reviewer, ReviewState.Approved)],
        [new CheckSnapshot("ci", CheckState.Success, Head)],
        lane == Lane.Staging ? [new DeploymentSnapshot("staging", Head, DeploymentState.Success, T0)] : [],
        [], T0)
    {
        Mergeable = true,
    };

    public static ReviewSnapshot AgentReview(string agent, ReviewState state, string sha = Head, int minute = 1) =>
        new(Bot, state, sha, T0.AddMinutes(minute), agent);

    public static ReviewSnapshot HumanReview(Actor who, ReviewState state, string sha = Head, int minute = 2) =>
        new(who, state, sha, T0.AddMinutes(minute));

    public static Classification Classified(Lane lane, bool allowed = true, params Reason[] violations) => new(
        lane, SizeClass.XS, allowed, violations, new LaneDecision(lane, []), new SizeDecision(SizeClass.XS, 1, [], []), new GuardrailDecision(allowed, violations));

    public static GateInput Input(PullRequestSnapshot pr, Lane lane, AutoshipConfig? config = null) =>
        new(pr, Classified(lane), Author, config ?? TestConfigs.Default());

    public static GateDecision Decide(PullRequestSnapshot pr, Lane lane, AutoshipConfig? config = null) =>
        MergeGate.Decide(Input(pr, lane, config));
}
