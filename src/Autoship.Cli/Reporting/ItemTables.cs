using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Reconcile;
using Spectre.Console;

namespace Autoship.Cli.Reporting;

/// <summary>The tables people read: items with their lane, gate and reasons; actions with their outcome.</summary>
internal static class ItemTables
{
    public static CliTable Items(IEnumerable<ItemView> items)
    {
        var table = new CliTable("issue", "title", "phase", "lane", "owner → reviewer", "PR", "gate", "why");
        foreach (var item in items)
        {
            table.AddRow(
                Markup.Escape($"#{item.Issue}"),
                Markup.Escape(item.Title),
                PhaseMarkup(item.Phase),
                Markup.Escape(item.Lane is { } l ? $"{l.Letter()} {l.Name()}" : "—"),
                Markup.Escape(item.Owner is null ? "—" : $"{item.Owner} → {item.Reviewer ?? "?"}"),
                Markup.Escape(item.PullRequest is { } pr ? $"#{pr}" : "—"),
                Markup.Escape(item.Verdict?.ToString().ToLowerInvariant() ?? "—"),
                Markup.Escape(Why(item.QueuePosition is { } q ? [q, .. item.Reasons] : item.Reasons, item.HumanActions)));
        }

        return table;
    }

    public static CliTable Actions(IEnumerable<ActionResult> results)
    {
        var table = new CliTable("action", "outcome", "what happened");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.Action.Kind), OutcomeMarkup(r.Outcome), Markup.Escape(r.Message));
        }

        return table;
    }

    public static CliTable Planned(IEnumerable<PlannedAction> actions)
    {
        var table = new CliTable("would do", "because");
        foreach (var a in actions)
        {
            table.AddRow(Markup.Escape(a.Describe()), Markup.Escape(string.Join("; ", a.Reasons.Select(r => r.Message))));
        }

        return table;
    }

    public static string Why(IReadOnlyList<Reason> reasons, IReadOnlyList<string> humanActions)
    {
        var text = string.Join("; ", reasons.Take(3).Select(r => r.Message));
        if (humanActions.Count > 0)
        {
            text += " → human: " + string.Join("; ", humanActions);
        }

        return text.Length == 0 ? "—" : text;
    }

    /// <summary>Markup for a phase's text (the demo's outcomes use the phases' words).</summary>
    public static string PhaseMarkup(string text) => WireNames.TryParse<ItemPhase>(text, out var phase) ? PhaseMarkup(phase) : Markup.Escape(text);

    public static string PhaseMarkup(ItemPhase phase) => phase switch
    {
        ItemPhase.Merged => "[green]merged[/]",
        ItemPhase.Held => "[yellow]held[/]",
        ItemPhase.Blocked or ItemPhase.Refused => $"[red]{phase.Wire()}[/]",
        ItemPhase.Skipped or ItemPhase.Paused => $"[grey]{phase.Wire()}[/]",
        _ => Markup.Escape(phase.Wire()),
    };

    private static string OutcomeMarkup(ActionOutcome outcome) => outcome switch
    {
        ActionOutcome.Ok => "[green]ok[/]",
        ActionOutcome.Failed or ActionOutcome.Refused => $"[red]{outcome.Wire()}[/]",
        _ => $"[yellow]{Markup.Escape(outcome.Wire())}[/]",
    };
}
