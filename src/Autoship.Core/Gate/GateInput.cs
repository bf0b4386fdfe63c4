using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>
/// Everything the merge gate looks at. <paramref name="AuthorAgent"/> is the agent that wrote the change (its
/// approval never counts). <paramref name="Classification"/> is the lane/size/guardrails of the PR's current diff.
/// </summary>
public sealed record GateInput(PullRequestSnapshot PullRequest, Classification Classification, string AuthorAgent, AutoshipConfig Config)
{
    /// <summary>Lanes paused at run time (dashboard or <c>autoship pause</c>), on top of the configuration's own.</summary>
    public IReadOnlyCollection<Lane> PausedLanes { get; init; } = [];

    /// <summary>The kill switch set at run time; the configuration's <c>loop.killSwitch</c> counts too.</summary>
    public bool KillSwitch { get; init; }

    /// <summary>Logins of the harness itself (Autoship's own forge identity, its reviewer); never a human approval.</summary>
    public IReadOnlyCollection<string> HarnessLogins { get; init; } = [];
}
