using System.Globalization;
using Autoship.Cli.Context;
using Autoship.Cli.Reporting;
using Autoship.Engine.Simulation;
using Autoship.Engine.Simulation.Pipeline;
using Spectre.Console;
using static Autoship.Cli.Commands.SimulateCommand;

namespace Autoship.Cli.Commands;

/// <summary>The pipeline simulation's output: the lanes' batches and serial merging side by side, the limits, the plot.</summary>
internal static class SimulatePipelineReport
{
    public static async Task<int> RunAsync(CommandContext cli, PipelineSettings settings, FileInfo? svg, CancellationToken ct)
    {
        var batched = PipelineSimulator.Run(settings);
        var serial = PipelineSimulator.Run(settings with { BatchSize = 1 });
        var batchLabel = settings.BatchSize is { } b ? $"batch {b}" : "lane batches";
        if (svg is not null)
        {
            File.WriteAllText(svg.FullName, SimulationPlot.Svg([(batchLabel, batched.Hourly), ("serial (batch 1)", serial.Hourly)]));
        }

        if (cli.Json)
        {
            await cli.WriteJsonAsync(PipelineJson.From(batched, serial), ct);
            return ExitCodes.Ok;
        }

        var table = new CliTable("run", "arrived", "merged", "blocked", "merges/h", "merges/day", "of limit", "queue wait", "wait p90", "agents busy",
            "human reviews/day", "validations", "ejected", "main red");
        foreach (var (label, r) in new[] { (batchLabel, batched), ("serial", serial) })
        {
            table.AddRow(Markup.Escape(label), Num(r.Arrived), Num(r.Merged), Num(r.Blocked), F(r.MergesPerHour, "0.00"), F(r.MergesPerDay, "0.0"),
                F(r.OfLimit * 100, "0") + " %", Min(r.MeanQueueWaitMinutes), Min(r.P90QueueWaitMinutes), F(r.AgentUtilisation * 100, "0") + " %",
                F(r.HumanReviewsPerDay, "0.0"), Num(r.Validations), Num(r.Ejected), Min(r.MainRedMinutes));
        }

        cli.Console.Write(table);
        var lanes = string.Join(", ", batched.Lanes.Select(l => $"{l.Lane} {l.Merged}/{l.Arrived}"));
        cli.Console.MarkupLine(Markup.Escape($"merged/arrived per lane ({batchLabel}): {lanes}."));
        foreach (var limit in new[] { batched.Limits.Agents, batched.Limits.CiRunners, batched.Limits.Queue })
        {
            var binding = limit.Name == batched.Limits.Binding.Name ? " ← binds" : string.Empty;
            cli.Console.MarkupLine(Markup.Escape($"limit {limit.Name}: {limit.MergesPerHour:0.00} merges/h = {limit.Formula}{binding}"));
        }

        return ExitCodes.Ok;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
