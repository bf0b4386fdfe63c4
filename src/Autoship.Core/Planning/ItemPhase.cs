namespace Autoship.Core.Planning;

/// <summary>Where an item stands, as Autoship reports it (CLI, dashboard, comment).</summary>
public static class ItemPhase
{
    public const string Queued = "queued";
    public const string Skipped = "skipped";
    public const string Claimed = "claimed";
    public const string PullRequest = "pr-open";
    public const string Held = "held";
    public const string Merged = "merged";
    public const string Released = "released";
    public const string Blocked = "blocked";
    public const string Refused = "refused";
    public const string Stopped = "stopped";
    public const string Paused = "paused";
}
