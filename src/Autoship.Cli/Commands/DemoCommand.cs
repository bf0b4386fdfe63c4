using Autoship.Core;
using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using Autoship.Cli.Engine;
using Autoship.Cli.Reporting;
using Autoship.Core.Config;
using Autoship.Engine.Demo;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create()
    {
        var dir = new Option<string?>("--dir") { Description = "Create the demo's local forge here (a new or empty directory) so that 'autoship status --forge local:DIR' or 'serve' can open it afterwards. Default: a new temporary directory." };
        var output = new OutputOptions();
        var serve = new Option<bool>("--serve") { Description = "After the demo, serve its forge: the dashboard, webhooks and the loop (like 'autoship serve')." };
        var urls = ServeCommand.Urls();
        var command = new Command("demo", "Run the whole control loop on an embedded local forge with a sample project: issues for every path of the seed, built-in agents, real git, real CI. No GitHub account or network needed.");
        command.Options.Add(dir);
        output.AddTo(command);
        command.Options.Add(serve);
        command.Options.Add(urls);
        command.SetAction(async (parse, ct) =>
        {
            var cli = CommandContext.For(parse, output);
            var directory = parse.GetValue(dir) ?? Path.Combine(Path.GetTempPath(), "autoship-demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            var asJson = cli.Json;
            var console = cli.Console;
            var progress = asJson ? (Action<string>)(line => cli.Error.WriteLine(line)) : line => console.MarkupLine(Markup.Escape(line));
            var report = await new DemoRunner(directory, progress).RunAsync(ct);
            if (asJson)
            {
                await cli.WriteJsonAsync(report, ct);
                return parse.GetValue(serve) ? await ServeCommand.ServeAsync(console, new EngineArgs(report.Forge, null, null, null), parse.GetValue(urls), ct, parse.GetValue(AutoshipCli.Quiet) ? null : cli.Error) : ExitCodes.Ok;
            }

            console.Write(Table(report));
            console.MarkupLine(Markup.Escape($"{Plural.Of(report.Items.Count, "item")} in {Durations.Human(report.Duration)} over {Plural.Of(report.Ticks, "tick")}. The forge is at {report.Forge.Replace("local:", string.Empty, StringComparison.Ordinal)}:"));
            console.MarkupLine(Markup.Escape($"  autoship status --forge {report.Forge}"));
            console.MarkupLine(Markup.Escape($"  autoship explain --forge {report.Forge} '#{report.Items.First().Issue}'"));
            console.MarkupLine(Markup.Escape($"  autoship local pr list --forge {report.Forge}"));
            console.MarkupLine(Markup.Escape("(from a clone, 'autoship' is 'dotnet run --project src/Autoship.Cli --')"));
            if (parse.GetValue(serve))
            {
                return await ServeCommand.ServeAsync(console, new EngineArgs(report.Forge, null, null, null), parse.GetValue(urls), ct, parse.GetValue(AutoshipCli.Quiet) ? null : cli.Error);
            }

            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship demo", "autoship demo --dir ./demo-forge && autoship status --forge local:./demo-forge");
    }

    private static CliTable Table(DemoReport report)
    {
        var table = new CliTable("issue", "shows", "lane", "owner → reviewer", "PR", "outcome", "why") { LeadCells = 1 };
        foreach (var item in report.Items)
        {
            table.AddRow(
                Markup.Escape($"#{item.Issue} {item.Title}"),
                Markup.Escape(item.Shows),
                Markup.Escape(item.Lane ?? "—"),
                Markup.Escape(item.Owner is null ? "—" : $"{item.Owner} → {item.Reviewer}"),
                Markup.Escape(item.Pr is { } pr ? $"#{pr}" : "—"),
                ItemTables.PhaseMarkup(item.Outcome),
                Markup.Escape(ItemTables.Why(item.Reasons, [])));
        }

        return table;
    }
}
