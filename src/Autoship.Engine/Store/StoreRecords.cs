using Autoship.Agents;
using Autoship.Core;

using System.Text.Json.Serialization;
using Autoship.Engine.Reconcile;

namespace Autoship.Engine.Store;

/// <summary>One entry of the append-only event log: an action or decision, with its reasons.</summary>
public sealed record StoredEvent(
    long Id,
    DateTimeOffset At,
    string Repository,
    string TickId,
    int? Issue,
    int? PullRequest,
    string Kind,
    string Message,
    IReadOnlyList<Reason> Reasons,
    string Outcome = "ok")
{
    /// <summary>The outcome as an <see cref="ActionOutcome"/>, or null for a text this version does not know.</summary>
    [JsonIgnore]
    public ActionOutcome? Result => WireNames.TryParse<ActionOutcome>(Outcome, out var outcome) ? outcome : null;
}

public sealed record EventQuery(string Repository, int? Issue = null, string? Kind = null, string? Text = null, int Limit = 200, long? BeforeId = null);

public sealed record LeaseInfo(string Repository, string Holder, DateTimeOffset ExpiresAt);

/// <summary>
/// A stored agent run: the runner's <see cref="RunRecord"/>, the repository it ran for and its outcome. Serialized flat
/// (the run's fields with <c>repository</c> after <c>id</c>, the command line as one string, then <c>outcome</c> and
/// <c>duration</c>; see <see cref="StoredRunJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(StoredRunJsonConverter))]
public sealed record StoredRun(string Repository, RunRecord Run, string Outcome)
{
    public TimeSpan Duration => Run.EndedAt - Run.StartedAt;
}

/// <summary>What one tick did: when, how long, how many actions and forge requests, and how it ended.</summary>
public sealed record TickRecord(
    string Id,
    string Repository,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int Rounds,
    int Actions,
    int Requests,
    int? RateLimitRemaining,
    string Outcome,
    string Summary)
{
    public TimeSpan Duration => EndedAt - StartedAt;
}
