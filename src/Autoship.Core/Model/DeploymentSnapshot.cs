namespace Autoship.Core;

public enum DeploymentState
{
    Pending,
    InProgress,
    Success,
    Failure,
    Error,
    Inactive,
}

/// <summary>A deployment of a commit to an environment with its latest status.</summary>
public sealed record DeploymentSnapshot(string Environment, string Sha, DeploymentState State, DateTimeOffset At, string? Url = null);
