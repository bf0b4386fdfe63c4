using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Engine;
using Autoship.Cli.Reporting;
using Autoship.Core;
using Autoship.Core.Planning;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create()
    {
        var engine = new EngineOptions();
        var output = new OutputOptions();
        var command = new Command("status", "Show the queue, active claims, PRs by lane with the gate's reasons, paused lanes and the last ticks. Reads only.");
        engine.AddTo(command);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = engine.Context(parse, output);
            await using var session = await cli.OpenSessionAsync(ct);
            var (plan, _) = await session.CreateReconciler().ObserveAndPlanAsync(ct);
            var controls = await session.Store.GetControlsAsync(session.Forge.Name, ct);
            var ticks = await session.Store.RecentTicksAsync(session.Forge.Name, 5, ct);
            var lease = await session.Store.GetLeaseAsync(session.Forge.Name, ct);
            if (cli.Json)
            {
                await cli.WriteJsonAsync(new { forge = session.Forge.Name, controls = new { controls.KillSwitch, pausedLanes = controls.PausedLanes.Select(l => l.Name()) }, lease, notices = plan.Notices, health = plan.Health, items = plan.Items, ticks }, ct);
                return ExitCodes.Ok;
            }

            var console = cli.Console;
            console.MarkupLine($"[bold]{Markup.Escape(session.Forge.Name)}[/]");
            foreach (var notice in plan.Notices)
            {
                console.MarkupLine($"[yellow]![/] {Markup.Escape(notice.Message)}");
            }

            if (controls.KillSwitch || controls.PausedLanes.Count > 0)
            {
                console.MarkupLine($"[yellow]paused:[/] {(controls.KillSwitch ? "everything (kill switch)" : string.Join(", ", controls.PausedLanes.Select(l => $"lane {l.Letter()} {l.Name()}")))}");
            }

            Section(console, "Queue", plan.Items.Where(i => i.Phase is ItemPhase.Queued or ItemPhase.Paused or ItemPhase.Released)
                .OrderBy(i => i.QueueRank ?? int.MaxValue).ThenBy(i => i.Issue));
            Section(console, "Claims", plan.Items.Where(i => i.Phase == ItemPhase.Claimed));
            foreach (var lane in Enum.GetValues<Lane>())
            {
                Section(console, $"PRs in lane {lane.Letter()} ({lane.Name()})", plan.Items.Where(i => i.PullRequest is not null && i.Lane == lane && i.Phase is ItemPhase.PullRequest or ItemPhase.Held));
            }

            Section(console, "Skipped and blocked", plan.Items.Where(i => i.Phase is ItemPhase.Skipped or ItemPhase.Blocked));
            if (ticks.Count > 0)
            {
                var table = new CliTable("last ticks", "took", "actions", "requests", "outcome");
                foreach (var t in ticks)
                {
                    table.AddRow($"{t.StartedAt:yyyy-MM-dd HH:mm:ss}", Autoship.Core.Config.Durations.Human(t.Duration), $"{t.Actions}", $"{t.Requests}", Markup.Escape(t.Outcome));
                }

                console.Write(table);
            }

            if (lease is not null)
            {
                console.MarkupLine(Markup.Escape($"lease: held by {lease.Holder} until {lease.ExpiresAt:u}"));
            }

            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship status", "autoship status -R octo/hello --json items", "autoship status --forge local:./forge --jq '.items[] | select(.phase == \"held\") | .issue'");
    }

    private static void Section(IAnsiConsole console, string title, IEnumerable<ItemView> items)
    {
        var list = items.ToList();
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/] ({list.Count})");
        if (list.Count > 0)
        {
            console.Write(ItemTables.Items(list));
        }
    }
}
