using Autoship.Engine.Simulation;

namespace Autoship.Cli.Reporting;

/// <summary>
/// The <c>simulate --json</c> shape: the simulator counts in minutes and hours, JSON shows durations as seconds under
/// <c>…Seconds</c> keys like every other output (rates stay per hour and per day).
/// </summary>
internal sealed record SimulationJson(SimulationJson.Run Serial, SimulationJson.Run Batched, double CiBoundMergesPerHour)
{
    public static SimulationJson From(SimulationResult serial, SimulationResult batched) =>
        new(Of(serial), Of(batched), serial.Settings.CiBoundMergesPerHour);

    private static Run Of(SimulationResult r) => new(
        new Settings(TimeSpan.FromHours(r.Settings.Hours), r.Settings.ArrivalsPerHour, TimeSpan.FromMinutes(r.Settings.CiMinutes), r.Settings.FlakeRate,
            r.Settings.BreakRate, r.Settings.BatchSize, r.Settings.Wait, r.Settings.Seed),
        r.Arrived, r.Merged, r.Ejected, r.InnocentEjected, r.Validations, r.MergesPerHour, r.MergesPerDay,
        TimeSpan.FromMinutes(r.MeanQueueWaitMinutes), TimeSpan.FromMinutes(r.P90QueueWaitMinutes), r.MaxQueueLength, TimeSpan.FromMinutes(r.MainRedMinutes), r.Hourly);

    public sealed record Settings(TimeSpan Simulated, double ArrivalsPerHour, TimeSpan Ci, double FlakeRate, double BreakRate, int BatchSize, TimeSpan Wait, int Seed);

    public sealed record Run(
        Settings Settings,
        int Arrived,
        int Merged,
        int Ejected,
        int InnocentEjected,
        int Validations,
        double MergesPerHour,
        double MergesPerDay,
        TimeSpan MeanQueueWait,
        TimeSpan P90QueueWait,
        int MaxQueueLength,
        TimeSpan MainRed,
        IReadOnlyList<SimulationHour> Hourly);
}
