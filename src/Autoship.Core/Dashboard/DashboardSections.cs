using Autoship.Core.Config;
using Autoship.Core.Planning;

namespace Autoship.Core.Dashboard;

/// <summary>The sections of <see cref="DashboardIssue.Body"/>, each a heading and its lines (Markdown).</summary>
internal static class DashboardSections
{
    private static readonly ItemPhase[] Finished = [ItemPhase.Merged, ItemPhase.Closed, ItemPhase.NotObserved];

    public static IEnumerable<string> Controls(DashboardInput input)
    {
        yield return "## Controls";
        var killed = input.Controls.KillSwitch || input.Loop.KillSwitch;
        yield return killed ? "- **The kill switch is on**: no agent starts and nothing merges." : "- Kill switch: off";
        var paused = input.Controls.PausedLanes.Concat(input.Loop.PausedLanes).Distinct().Order().Select(l => $"{l.Letter()} {l.Name()}").ToList();
        yield return paused.Count == 0 ? "- Paused lanes: none" : "- Paused lanes: " + string.Join(", ", paused);
        yield return string.Empty;
    }

    public static IEnumerable<string> MainHealth(IReadOnlyList<Reason> notices)
    {
        yield return "## Main branch";
        var red = notices.Where(n => n.Code == "main-red").ToList();
        if (red.Count == 0)
        {
            yield return "- green: no required check fails on the default branch";
        }

        foreach (var reason in red)
        {
            yield return "- " + Text(reason.Message);
        }

        yield return string.Empty;
    }

    public static IEnumerable<string> Queue(IReadOnlyList<ItemView> items, IReadOnlyList<QueueAlert> health)
    {
        yield return "## Queue";
        var queued = items.Where(i => i.Phase == ItemPhase.Queued).OrderBy(i => i.QueueRank ?? int.MaxValue).ThenBy(i => i.Issue).ToList();
        yield return queued.Count == 0 ? "- nothing waits to start" : $"- {Plural(queued.Count, "item")} waiting to start, next first:";
        foreach (var item in queued)
        {
            yield return $"  {item.QueueRank?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}. #{item.Issue} {Text(item.Title)}";
        }

        foreach (var alert in health)
        {
            yield return $"- :warning: {Text(alert.Message)}";
        }

        yield return string.Empty;
    }

    public static IEnumerable<string> WaitingForHuman(IReadOnlyList<ItemView> items)
    {
        var waiting = items.Where(i => i.HumanActions.Count > 0).OrderBy(i => i.Issue).ToList();
        if (waiting.Count == 0)
        {
            yield break;
        }

        yield return "## Waiting for a person";
        foreach (var item in waiting)
        {
            yield return $"- [ ] #{item.Issue}{Pr(item)}: {Text(string.Join("; ", item.HumanActions))}";
        }

        yield return string.Empty;
    }

    public static IEnumerable<string> ByState(IReadOnlyList<ItemView> items)
    {
        yield return "## Items by state";
        var open = items.Where(i => !Finished.Contains(i.Phase)).ToList();
        if (open.Count == 0)
        {
            yield return "- no open item";
        }

        foreach (var group in open.GroupBy(i => i.Phase).OrderBy(g => g.Key))
        {
            yield return string.Empty;
            yield return $"### {group.Key.Wire()} ({group.Count()})";
            foreach (var item in group.OrderBy(i => i.Issue))
            {
                var lane = item.Lane is { } l ? $" · lane {l.Letter()} {l.Name()}" : string.Empty;
                var why = item.Reasons.Count == 0 ? string.Empty : " — " + Text(string.Join("; ", item.Reasons.Take(3).Select(r => r.Message)));
                yield return $"- #{item.Issue}{Pr(item)} {Text(item.Title)}{lane}{why}";
            }
        }

        yield return string.Empty;
    }

    public static IEnumerable<string> Budgets(LoopSettings loop, IReadOnlyDictionary<string, Reason> unavailable)
    {
        yield return "## Budgets";
        yield return $"- Agent minutes per UTC day: {loop.MaxAgentMinutesPerDay}; circuit breaker after {Plural(loop.CircuitBreakerFailures, "failed attempt")} in a row";
        if (unavailable.Count == 0)
        {
            yield return "- every agent may start work";
        }

        foreach (var (agent, reason) in unavailable.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return $"- `{agent}` starts nothing: {Text(reason.Message)}";
        }
    }

    private static string Pr(ItemView item) => item.PullRequest is { } pr ? $" (PR #{pr})" : string.Empty;

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>One line of Markdown from text a stranger may have written: no line breaks, no @mentions that ping.</summary>
    private static string Text(string text) =>
        text.ReplaceLineEndings(" ").Replace("@", "@\u200B", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
