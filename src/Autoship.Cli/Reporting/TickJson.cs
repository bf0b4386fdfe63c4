using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;

namespace Autoship.Cli.Reporting;

/// <summary>The <c>--json</c> shape of a tick.</summary>
internal sealed record TickJson(
    string Tick,
    string Outcome,
    int Rounds,
    int Requests,
    int? RateLimitRemaining,
    TimeSpan Duration,
    IReadOnlyList<Reason> Notices,
    IReadOnlyList<TickJson.ActionJson> Actions,
    IReadOnlyList<TickJson.ActionJson> Planned,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<QueueAlert> Health)
{
    public sealed record ActionJson(string Kind, int Issue, string Outcome, string Message, IReadOnlyList<Reason> Reasons);

    public static TickJson From(TickReport r) => new(
        r.TickId, r.Outcome.Wire(), r.Rounds, r.Requests, r.RateLimitRemaining, r.Duration, r.Notices,
        r.Actions.Select(a => new ActionJson(a.Action.Kind, a.Action.Issue, a.Outcome.Wire(), a.Message, a.Reasons)).ToList(),
        r.Outcome == TickOutcome.DryRun ? r.Planned.Select(p => new ActionJson(p.Kind, p.Issue, ActionOutcome.Planned.Wire(), p.Describe(), p.Reasons)).ToList() : [],
        r.Items,
        r.Health);
}
