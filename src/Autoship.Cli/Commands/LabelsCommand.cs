using Autoship.Cli.Reporting;
using Autoship.Cli.Help;
using System.CommandLine;
using Autoship.Cli.Context;
using Autoship.Cli.Doctor;
using Autoship.Forge;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class LabelsCommand
{
    public static Command Create()
    {
        var forge = ForgeOptions.Any(actAs: true);
        var config = CommonOptions.Config();
        var output = new OutputOptions();
        var dryRun = CommonOptions.DryRun();
        var prune = new Option<bool>("--prune") { Description = "Also delete labels that the configuration does not list." };
        var sync = new Command("sync", "Create or update every configured label (name, color, description) and show the difference.")
        {
            config, prune, dryRun,
        };
        forge.AddTo(sync);
        output.AddTo(sync);
        sync.SetAction(async (parse, ct) =>
        {
            var cli = CommandContext.For(parse, output, forge, config);
            await using var target = await cli.OpenForgeAsync(ct);
            var settings = await cli.LoadConfigAsync(target, ct);
            var existing = await target.RequireSetup().ListLabelsAsync(ct);
            var changes = LabelChange.Plan(settings.Labels, existing, parse.GetValue(prune));
            var apply = !parse.GetValue(dryRun);
            if (apply)
            {
                foreach (var change in changes)
                {
                    switch (change.Action)
                    {
                        case LabelAction.Create or LabelAction.Update:
                            await target.RequireSetup().UpsertLabelAsync(change.Desired!, ct);
                            break;
                        case LabelAction.Delete:
                            await target.RequireSetup().DeleteLabelAsync(change.Name, ct);
                            break;
                    }
                }
            }

            if (cli.Json)
            {
                await cli.WriteJsonAsync(new
                {
                    forge = target.Name,
                    dryRun = !apply,
                    changes = changes.Select(c => new { action = c.Action, name = c.Name, desired = c.Desired, current = c.Current }),
                    summary = Enum.GetValues<LabelAction>().ToDictionary(a => a.ToString().ToLowerInvariant(), a => changes.Count(c => c.Action == a)),
                    usage = target.Usage,
                }, ct);
                return ExitCodes.Ok;
            }

            Print(parse, target.Name, changes, apply);
            return ExitCodes.Ok;
        });

        return new Command("labels", "Manage the repository's labels.") { sync.WithExamples("autoship labels sync --dry-run", "autoship labels sync -R octo/hello --prune") }.WithExamples("autoship labels sync --dry-run");
    }

    private static void Print(ParseResult parse, string forgeName, IReadOnlyList<LabelChange> changes, bool applied)
    {
        var console = CommandContext.For(parse).Console;
        var table = new CliTable("action", "label", "color", "description");
        foreach (var c in changes.OrderBy(c => c.Action).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            var color = c.Action == LabelAction.Update && !string.Equals(c.Current!.Color, c.Desired!.Color, StringComparison.OrdinalIgnoreCase)
                ? $"{c.Current.Color} → {c.Desired.Color}"
                : (c.Desired ?? c.Current)!.Color;
            var description = c.Action == LabelAction.Update && c.Current!.Description != c.Desired!.Description
                ? $"{c.Current.Description} → {c.Desired.Description}"
                : (c.Desired ?? c.Current)!.Description;
            table.AddRow(Markup.Escape(c.Action.ToString().ToLowerInvariant()), Markup.Escape(c.Name), Markup.Escape(color), Markup.Escape(description));
        }

        console.Write(table);
        var counts = string.Join(", ", Enum.GetValues<LabelAction>().Select(a => $"{changes.Count(c => c.Action == a)} {a.ToString().ToLowerInvariant()}"));
        console.WriteLine($"{forgeName}: {counts}{(applied ? string.Empty : " (dry run: nothing changed)")}");
    }
}
