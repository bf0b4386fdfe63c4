using Autoship.Cli.Help;
using Autoship.Cli.Context;
using System.CommandLine;
using System.Globalization;
using Autoship.Cli.Reporting;
using Autoship.Engine.Simulation;
using Spectre.Console;

namespace Autoship.Cli.Commands;

internal static class SimulateCommand
{
    public static Command Create()
    {
        var hours = new Option<double>("--hours") { Description = "Simulated time.", DefaultValueFactory = _ => 72 };
        var arrivals = new Option<double>("--arrivals") { Description = "Pull requests the gate allows per hour (Poisson arrivals).", DefaultValueFactory = _ => 6 };
        var ciMinutes = new Option<double>("--ci-minutes") { Description = "How long one validation of a candidate takes.", DefaultValueFactory = _ => 15 };
        var flake = new Option<double>("--flake-rate") { Description = "Chance that a good candidate fails anyway (0..1).", DefaultValueFactory = _ => 0.02 };
        var breaks = new Option<double>("--break-rate") { Description = "Chance that a pull request passes alone but breaks together with one already waiting (0..1).", DefaultValueFactory = _ => 0.05 };
        var batch = new Option<int>("--batch-size") { Description = "Batch size of the batched run (the serial run uses 1).", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random arrivals, breaks and flakes (same seed, same run).", DefaultValueFactory = _ => 1 };
        var svg = new Option<FileInfo?>("--svg") { Description = "Write a plot (throughput and queue length over time, serial vs batched) to this SVG file." };
        var output = new OutputOptions();
        var command = new Command("simulate", """
            Simulate the merge queue (the real queue policy: order, batches, bisection) over simulated time and compare
            serial merging with batches. Reports merges per hour and day, queue wait, validations, ejections and main-red minutes.
            """);
        foreach (var option in new Option[] { hours, arrivals, ciMinutes, flake, breaks, batch, seed, svg })
        {
            command.Options.Add(option);
        }

        output.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var cli = CommandContext.For(parse, output);
            var settings = new SimulationSettings(parse.GetValue(hours), parse.GetValue(arrivals), parse.GetValue(ciMinutes), parse.GetValue(flake), parse.GetValue(breaks), 1, TimeSpan.Zero, parse.GetValue(seed));
            Check(settings.Hours is > 0 and <= 24 * 365, "--hours must be above 0 and at most a year");
            Check(settings.ArrivalsPerHour is > 0 and <= 1000, "--arrivals must be above 0 and at most 1000");
            Check(settings.CiMinutes is > 0 and <= 24 * 60, "--ci-minutes must be above 0 and at most a day");
            Check(settings.FlakeRate is >= 0 and < 1, "--flake-rate must be in [0, 1)");
            Check(settings.BreakRate is >= 0 and <= 1, "--break-rate must be in [0, 1]");
            Check(parse.GetValue(batch) is >= 1 and <= 64, "--batch-size must be 1..64");
            var serial = QueueSimulator.Run(settings);
            var batched = QueueSimulator.Run(settings with { BatchSize = parse.GetValue(batch) });
            if (parse.GetValue(svg) is { } file)
            {
                File.WriteAllText(file.FullName, SimulationPlot.Svg([("serial (batch 1)", serial), ($"batched (batch {batched.Settings.BatchSize})", batched)]));
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

            var console = cli.Console;
            console.Write(table);
            console.MarkupLine(Markup.Escape($"CI-bound limit of serial merging: {settings.CiBoundMergesPerHour:0.00} merges/h (one CI slot ÷ {settings.CiMinutes:0.#} min)."));
            return ExitCodes.Ok;
        });
        return command.WithExamples("autoship simulate --arrivals 8 --ci-minutes 15 --svg queue.svg", "autoship simulate --batch-size 8 --json");
    }

    private static void Check(bool ok, string message)
    {
        if (!ok)
        {
            throw new CliUsageException(message);
        }
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Min(double minutes) => minutes.ToString("0", CultureInfo.InvariantCulture) + " min";
}
