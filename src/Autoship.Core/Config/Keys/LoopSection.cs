namespace Autoship.Core.Config;

/// <summary>The keys of <c>loop</c>: the control loop's schedule and limits.</summary>
internal static class LoopSection
{
    private static readonly SectionBuilder B = new("loop", "loop", "The control loop's schedule and limits.");

    public static readonly ConfigKey<string> Schedule = B.String("schedule", ConfigDefaults.Schedule,
        "Five-field cron expression for ticks (the workflow's schedule should match).", check: s => CronCheck.Problem(s) is { } p ? $"bad cron schedule '{s}': {p}" : null);

    public static readonly ConfigKey<TimeSpan> ClaimTimeout = B.Duration("claimTimeout", "2h", "A claim with no open PR after this long goes back to the queue.");

    public static readonly ConfigKey<TimeSpan> ClaimHeartbeat = B.Duration("claimHeartbeat", "1m",
        "How often a claim's holder renews it on the forge while its agent works; another orchestrator takes a claim not renewed for 3 × this over (any host).",
        check: d => d < TimeSpan.FromSeconds(1) ? $"loop.claimHeartbeat must be at least 1s, not {Durations.Format(d)}" : null);

    public static readonly ConfigKey<int> MaxAttempts = B.Int("maxAttempts", 3, 1, "Attempts per issue before it is labeled autonomy:blocked.");

    public static readonly ConfigKey<int> MaxConcurrent = B.Int("maxConcurrent", 2, 1, "Agents running at once (author jobs, reviews, fixes forward); an open PR waiting for CI, a merge or a person holds no slot.");

    public static readonly ConfigKey<bool> KillSwitch = B.Bool("killSwitch", false, "true stops all agent work (the merge gate still runs).");

    public static readonly ConfigKey<IReadOnlyList<Lane>> PausedLanes = B.Lanes("pausedLanes", "Lanes that take no new work, e.g. [staging].");

    public static readonly ConfigKey<int> MaxAgentMinutesPerDay = B.Int("maxAgentMinutesPerDay", 240, 1, "Agent minutes per UTC day across all agents.");

    public static readonly ConfigKey<int> CircuitBreakerFailures = B.Int("circuitBreakerFailures", 3, 1, "Consecutive failed attempts before the loop pauses itself.");

    public static readonly ConfigKey<bool> DashboardIssue = B.Bool("dashboardIssue", false,
        "true keeps one 'Autoship dashboard' issue up to date (controls, main health, queue, items and why, budgets); rewritten only when it changes.");

    public static readonly ConfigSection Section = B.Build();

    public static LoopSettings Read(MapView view) => new(
        Schedule.Read(view), ClaimTimeout.Read(view), MaxAttempts.Read(view), MaxConcurrent.Read(view), KillSwitch.Read(view),
        PausedLanes.Read(view), MaxAgentMinutesPerDay.Read(view), CircuitBreakerFailures.Read(view), DashboardIssue.Read(view))
    {
        ClaimHeartbeat = ClaimHeartbeat.Read(view),
    };
}
