namespace Autoship.Agents;

public enum ProcessEnd
{
    Exited,
    TimedOut,
    Inactive,
    OutputLimit,
    Cancelled,
    StartFailed,

    /// <summary>Stopped by the harness (<see cref="ProcessSpec.Abort"/>); the detail says why.</summary>
    Aborted,
}

/// <summary>How a supervised process ended; <see cref="Output"/> and <see cref="Stdout"/> are already redacted.</summary>
public sealed record ProcessOutcome(ProcessEnd End, int? ExitCode, string Stdout, string Output, long OutputBytes, string Detail)
{
    public bool Succeeded => End == ProcessEnd.Exited && ExitCode == 0;
}
