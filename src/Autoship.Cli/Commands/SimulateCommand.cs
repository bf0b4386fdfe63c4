using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using System.Globalization;
using Autoship.Cli.Reporting;
using Autoship.Engine.Simulation;
using Autoship.Engine.Simulation.Pipeline;
using Spectre.Console;

namespace Autoship.Cli.Commands;

/// <summary>
/// <c>autoship simulate</c>: by default the whole pipeline (the real planner, gate and merge queue over simulated time);
/// <c>--queue-only</c> keeps the merge-queue-only comparison of serial merging and batches.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var o = new SimulateOptions();
        var output = new OutputOptions();
        var command = new Command("simulate", """
            Simulate the whole pipeline over simulated time with the real planner, gate and merge queue: issues arrive in a mix
            of lanes, agents take time and fail, reviewers ask for changes, CI takes time and flakes, lane C waits for a
            person. Runs the lanes' batch sizes and serial merging side by side; reports merges per hour and day, queue wait,
            agent utilisation, human reviews, main-red minutes and the capacity limit that binds. --queue-only simulates the
            merge queue alone (serial vs batched).
            """);
        o.AddTo(command);
        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = CommandContext.For(parse, output);
            return parse.GetValue(o.QueueOnly) ? await QueueOnlyAsync(cli, o.Queue(parse), parse.GetValue(o.Batch) ?? 4, parse.GetValue(o.Svg), ct)
                : await SimulatePipelineReport.RunAsync(cli, o.Pipeline(parse), parse.GetValue(o.Svg), ct);
        });
        return command.WithExamples("autoship simulate --arrivals 6 --svg pipeline.svg", "autoship simulate --ci-slots 1 --max-concurrent 4 --json",
            "autoship simulate --queue-only --arrivals 8 --ci-minutes 15 --svg queue.svg");
    }

    private static async Task<int> QueueOnlyAsync(CommandContext cli, SimulationSettings settings, int batchSize, FileInfo? svg, CancellationToken ct)
    {
        SimulateOptions.Check(batchSize is >= 1 and <= 64, "--batch-size must be 1..64");
        var serial = QueueSimulator.Run(settings);
        var batched = QueueSimulator.Run(settings with { BatchSize = batchSize });
        if (svg is not null)
        {
            File.WriteAllText(svg.FullName, SimulationPlot.Svg([("serial (batch 1)", serial), ($"batched (batch {batched.Settings.BatchSize})", batched)]));
        }

        if (cli.Json)
        {
            await cli.WriteJsonAsync(SimulationJson.From(serial, batched), ct);
            return ExitCodes.Ok;
        }

        var table = new CliTable("run", "arrived", "merged", "merges/h", "merges/day", "wait mean", "wait p90", "max queue", "validations", "ejected (innocent)", "main red");
        foreach (var (label, r) in new[] { ("serial", serial), ($"batch {batched.Settings.BatchSize}", batched) })
        {
            table.AddRow(label, Num(r.Arrived), Num(r.Merged), r.MergesPerHour.ToString("0.00", CultureInfo.InvariantCulture), r.MergesPerDay.ToString("0.0", CultureInfo.InvariantCulture),
                Min(r.MeanQueueWaitMinutes), Min(r.P90QueueWaitMinutes), Num(r.MaxQueueLength), Num(r.Validations), $"{r.Ejected} ({r.InnocentEjected})", Min(r.MainRedMinutes));
        }

        cli.Console.Write(table);
        cli.Console.MarkupLine(Markup.Escape($"CI-bound limit of serial merging: {settings.CiBoundMergesPerHour:0.00} merges/h (one CI slot ÷ {settings.CiMinutes:0.#} min)."));
        return ExitCodes.Ok;
    }

    internal static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static string Min(double minutes) => minutes.ToString("0", CultureInfo.InvariantCulture) + " min";
}
