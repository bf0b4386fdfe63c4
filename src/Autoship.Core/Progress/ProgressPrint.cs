namespace Autoship.Core.Progress;

/// <summary>What a plain (non-terminal) progress renderer prints for a step now, if anything.</summary>
public enum ProgressPrint
{
    /// <summary>Nothing now (the line is held, or too little time passed).</summary>
    Nothing,

    /// <summary>The step has run long enough to be worth a line of its own, and printed nothing yet.</summary>
    Running,

    /// <summary>The step's last output line.</summary>
    Line,

    /// <summary>No new output for a long time: say it still runs (with its last line, if any).</summary>
    StillRunning,

    /// <summary>The step ended (with its last line if that was held).</summary>
    Finished,
}
