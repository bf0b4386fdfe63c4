using Autoship.Core;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Adversarial;

/// <summary>
/// Class 8 in the planner: removing <c>autonomy:blocked</c> restarts a blocked item only when a person with write
/// access removed it — not a reader, not a harness identity (forge logins, agent logins, bots), not a missing history.
/// </summary>
public sealed class UnblockTrustTests
{
    private const int Cases = 500;
    private static readonly string[] ReadyLabels = [Labels.Ready, Labels.Safe, "area:docs", "risk:low"];

    [Fact]
    public void Plan_GeneratedUntrustedUnblocks_StartNothing()
    {
        var random = new Random(1716);
        for (var i = 0; i < Cases; i++)
        {
            var harness = new[] { $"autoship-{i}", $"reviewer-{i}" };
            Actor? remover = random.Next(5) switch
            {
                0 => new($"reader-{i}", random.Next(2) == 0 ? Permission.Read : Permission.None),
                1 => new(harness[random.Next(2)], Permission.Write),
                2 => new($"ci-{i}[bot]", Permission.Admin),
                3 => new(Bot.Login, Permission.Write),
                _ => null,
            };

            var plan = Planner.Plan(Blocked(remover, harness));

            plan.Actions.ShouldNotContain(a => a is StartAttempt, $"case {i}: removed by {remover?.Login ?? "(no history)"}");
            var item = plan.Items.ShouldHaveSingleItem();
            item.Phase.ShouldBe(ItemPhase.Blocked, $"case {i}");
            item.Reasons.ShouldContain(r => r.Code == "unblock-untrusted", $"case {i}");
        }
    }

    [Fact]
    public void Plan_GeneratedUnblocksByAWriter_StartAFreshAttempt()
    {
        var random = new Random(1717);
        for (var i = 0; i < Cases; i++)
        {
            var person = new Actor($"maintainer-{random.Next(100_000)}", (Permission)random.Next((int)Permission.Write, (int)Permission.Admin + 1));

            var plan = Planner.Plan(Blocked(person, [$"autoship-{i}"]));

            var start = plan.Actions.OfType<StartAttempt>().ShouldHaveSingleItem($"case {i}: {person.Login} ({person.Permission})");
            start.Order.Attempt.ShouldBe(1, $"case {i}");
        }
    }

    private static PlanInput Blocked(Actor? remover, IReadOnlyList<string> harness)
    {
        var issue = Issue(1, ReadyLabels);
        var events = issue.LabelEvents.Append(new LabelEvent(Labels.Blocked, true, Bot, Now.AddMinutes(-30))).ToList();
        if (remover is not null)
        {
            events.Add(new LabelEvent(Labels.Blocked, false, remover, Now.AddMinutes(-2)));
        }

        var input = Input([issue with { LabelEvents = events }], memories: new Dictionary<int, ItemMemory> { [1] = Memory(ItemPhase.Blocked, attempt: 3) });
        return input with { Snapshot = input.Snapshot with { HarnessLogins = harness } };
    }
}
