using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Engine;
using Autoship.Cli.Progress;
using Autoship.Cli.Reporting;
using Autoship.Core;
using Autoship.Engine.Reconcile;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class TickCommand
{
    public static Command Create()
    {
        var engine = new EngineOptions();
        var dryRun = CommonOptions.DryRun();
        var output = new OutputOptions();
        var command = new Command("tick", "Run one pass of the control loop: lease → observe → plan → act → report. With --dry-run, print the plan and change nothing.");
        engine.AddTo(command);
        command.Options.Add(dryRun);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = engine.Context(parse, output);
            await using var session = await cli.OpenSessionAsync(ct);
            // Live progress goes to stderr, so stdout (the tables, --json) is the same with or without it.
            using var progress = CliProgress.For(cli);
            var reconciler = session.CreateReconciler(progress: progress.Sink);
            var report = await progress.RunAsync(() => reconciler.TickAsync(parse.GetValue(dryRun), ct));
            if (cli.Json)
            {
                await cli.WriteJsonAsync(TickJson.From(report), ct);
            }
            else
            {
                Print(cli.Console, report);
            }

            return report.Outcome is TickOutcome.Done or TickOutcome.DryRun or TickOutcome.LeaseBusy ? ExitCodes.Ok : ExitCodes.Problem;
        });
        return command.WithExamples("# what would the next tick do? (changes nothing)", "autoship tick --dry-run", "autoship tick -R octo/hello --json", "# no progress lines on stderr", "autoship tick --quiet");
    }

    public static void Print(IAnsiConsole console, TickReport report)
    {
        foreach (var notice in report.Notices)
        {
            console.MarkupLine($"[yellow]![/] {Markup.Escape(notice.Message)}");
        }

        if (report.Outcome == TickOutcome.DryRun)
        {
            console.MarkupLine(report.Planned.Count == 0 ? "Nothing to do: the repository is in the desired state." : $"[bold]Plan[/] ({Plural.Of(report.Planned.Count, "action")}, nothing changed):");
            if (report.Planned.Count > 0)
            {
                console.Write(ItemTables.Planned(report.Planned));
            }
        }
        else if (report.Actions.Count > 0)
        {
            console.Write(ItemTables.Actions(report.Actions));
        }

        if (report.Items.Count > 0)
        {
            console.Write(ItemTables.Items(report.Items));
        }

        console.MarkupLine(Markup.Escape(
            $"tick {report.TickId}: {report.Outcome.Wire()}, {Plural.Of(report.Rounds, "pass")}, {Plural.Of(report.Actions.Count, "action")}, {Plural.Of(report.Requests, "forge request")}" +
            (report.RateLimitRemaining is { } left ? $", {left} left in the rate limit" : string.Empty) + ", " + Autoship.Core.Config.Durations.Human(report.Duration)));
    }
}
