namespace Autoship.Core;

public enum CheckState
{
    Pending,
    Success,
    Failure,
    Error,
    Cancelled,
    Skipped,
    Neutral,
}

/// <summary>A check run or commit status on a commit.</summary>
public sealed record CheckSnapshot(string Name, CheckState State, string Sha, string? Description = null, string? Url = null)
{
    public bool IsGreen => State is CheckState.Success or CheckState.Neutral or CheckState.Skipped;

    public bool IsFinished => State is not CheckState.Pending;
}
