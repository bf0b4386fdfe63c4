namespace Autoship.Engine.Simulation;

/// <summary>
/// One simulated run of a merge queue: pull requests that the gate allowed arrive at random (Poisson); some pass alone but
/// break together with one change already waiting (<see cref="BreakRate"/>); each validation takes <see cref="CiMinutes"/> and fails at random
/// with <see cref="FlakeRate"/>. One CI slot validates one candidate at a time, as a bors-style queue does.
/// </summary>
public sealed record SimulationSettings(
    double Hours = 72,
    double ArrivalsPerHour = 6,
    double CiMinutes = 15,
    double FlakeRate = 0.02,
    double BreakRate = 0.05,
    int BatchSize = 4,
    TimeSpan Wait = default,
    int Seed = 1)
{
    /// <summary>Validations per hour that one CI slot can run: the CI-bound limit of serial merging.</summary>
    public double CiBoundMergesPerHour => 60.0 / CiMinutes;
}
