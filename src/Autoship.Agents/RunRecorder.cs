using Autoship.Core;

namespace Autoship.Agents;

/// <summary>Collects a run's facts as it goes, so every exit path can produce a complete <see cref="RunRecord"/>.</summary>
internal sealed class RunRecorder(string id, string agent, AgentRole role, WorkOrder order, DateTimeOffset startedAt)
{
    public string Id { get; } = id;

    public IReadOnlyList<string> CommandLine { get; set; } = [];

    public int? ExitCode { get; set; }

    public WorktreeDiff? Diff { get; set; }

    public string? ValidationCommand { get; set; }

    public int? ValidationExitCode { get; set; }

    public string? LogPath { get; set; }

    public RunUsage? Usage { get; set; }

    public IReadOnlyList<string> EgressRefused { get; set; } = [];

    public RunRecord Finish(DateTimeOffset endedAt, string exitReason) => new(
        Id, order.Issue, order.Attempt, agent, role, order.Id, CommandLine, startedAt, endedAt, exitReason, ExitCode,
        Diff?.Stat ?? string.Empty, Diff?.Digest, ValidationCommand, ValidationExitCode, LogPath) { Usage = Usage, EgressRefused = [.. EgressRefused] };
}
