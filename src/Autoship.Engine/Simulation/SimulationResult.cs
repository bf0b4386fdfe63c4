namespace Autoship.Engine.Simulation;

/// <summary>What one simulated run measured; <see cref="Hourly"/> feeds the plot.</summary>
public sealed record SimulationResult(
    SimulationSettings Settings,
    int Arrived,
    int Merged,
    int Ejected,
    int InnocentEjected,
    int Validations,
    double MergesPerHour,
    double MergesPerDay,
    double MeanQueueWaitMinutes,
    double P90QueueWaitMinutes,
    int MaxQueueLength,
    double MainRedMinutes,
    IReadOnlyList<SimulationHour> Hourly);

/// <summary>Merges during one simulated hour and the queue's length at its end.</summary>
public sealed record SimulationHour(int Hour, int Merges, int QueueLength);
