using System.Text.Json;
using Autoship.Core;

namespace Autoship.Forge.GitHub;

/// <summary>The observe query's JSON to Core records.</summary>
internal static class GraphQlMapping
{
    public static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<JsonElement> Nodes(JsonElement e, string connection) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(connection, out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("nodes", out var n) && n.ValueKind == JsonValueKind.Array
            ? n.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object)
            : [];

    private static string? Login(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Object ? Str(a, "login") : null;

    private static DateTimeOffset Date(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetDateTimeOffset() : DateTimeOffset.MinValue;

    public static string? BlobText(JsonElement repository, string alias) =>
        repository.TryGetProperty(alias, out var blob) && blob.ValueKind == JsonValueKind.Object ? Str(blob, "text") : null;

    /// <summary>Every login whose access matters: who labeled issues, who opened and reviewed our PRs.</summary>
    public static IEnumerable<string> Logins(IEnumerable<JsonElement> issues, IEnumerable<JsonElement> pulls)
    {
        foreach (var issue in issues)
        {
            foreach (var e in Nodes(issue, "timelineItems"))
            {
                if (Login(e, "actor") is { } l)
                {
                    yield return l;
                }
            }
        }

        foreach (var pr in pulls)
        {
            if (Login(pr, "author") is { } a)
            {
                yield return a;
            }

            foreach (var r in Nodes(pr, "latestReviews"))
            {
                if (Login(r, "author") is { } l)
                {
                    yield return l;
                }
            }
        }
    }

    public static IssueSnapshot Issue(JsonElement i, Func<string?, Actor> actor) => IssueFields(i, actor) with
    {
        BlockedBy = Nodes(i, "blockedBy").Where(b => b.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number)
            .Select(b => new IssueLink(b.GetProperty("number").GetInt32(), LinkState(b))).ToList(),
    };

    /// <summary>
    /// GitHub's <c>IssueState</c> and <c>IssueStateReason</c> (or a pull request's <c>pullState</c>) as a blocker's state:
    /// only CLOSED as COMPLETED (or with no reason) and MERGED are done.
    /// </summary>
    public static IssueLinkState LinkState(JsonElement issue) => (Str(issue, "state") ?? Str(issue, "pullState"), Str(issue, "stateReason")) switch
    {
        ("OPEN", _) => IssueLinkState.Open,
        ("MERGED", _) => IssueLinkState.Completed,
        ("CLOSED", null) when Str(issue, "pullState") is not null => IssueLinkState.NotPlanned,
        ("CLOSED", "NOT_PLANNED" or "DUPLICATE") => IssueLinkState.NotPlanned,
        ("CLOSED", _) => IssueLinkState.Completed,
        _ => IssueLinkState.Unknown,
    };

    private static IssueSnapshot IssueFields(JsonElement i, Func<string?, Actor> actor) => new(
        i.GetProperty("number").GetInt32(),
        Str(i, "title") ?? string.Empty,
        Str(i, "body") ?? string.Empty,
        Str(i, "state") == "OPEN",
        Nodes(i, "labels").Select(l => Str(l, "name")!).ToList(),
        Nodes(i, "assignees").Select(a => Str(a, "login")!).ToList(),
        Nodes(i, "timelineItems")
            .Where(e => e.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.Object)
            .Select(e => new LabelEvent(Str(e.GetProperty("label"), "name")!, Str(e, "__typename") == "LabeledEvent", actor(Login(e, "actor")), Date(e, "createdAt")))
            .ToList(),
        Date(i, "updatedAt"));

    /// <summary>The head commit as the observe query returns it (<c>commits(last: 1)</c>), or <c>default</c>.</summary>
    public static JsonElement HeadCommit(JsonElement pr) =>
        Nodes(pr, "commits").Select(c => c.TryGetProperty("commit", out var commit) ? commit : default).FirstOrDefault(c => c.ValueKind == JsonValueKind.Object);

    /// <summary>A connection of <paramref name="e"/> (with <c>pageInfo</c> and <c>nodes</c>), or <c>default</c>.</summary>
    public static JsonElement Connection(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var c) && c.ValueKind == JsonValueKind.Object ? c : default;

    /// <summary>A commit's <c>statusCheckRollup.contexts</c> connection, or <c>default</c> when it has none.</summary>
    public static JsonElement Contexts(JsonElement commit) =>
        commit.ValueKind == JsonValueKind.Object && commit.TryGetProperty("statusCheckRollup", out var rollup) && rollup.ValueKind == JsonValueKind.Object
        && rollup.TryGetProperty("contexts", out var contexts) && contexts.ValueKind == JsonValueKind.Object
            ? contexts
            : default;

    /// <summary>A PR from the observe query, with every check context of its head (statuses and check runs).</summary>
    public static PullRequestSnapshot PullRequest(JsonElement p, IReadOnlyList<JsonElement> contexts, IReadOnlyList<JsonElement> files, Func<string?, Actor> actor, string? reviewerIdentity, string? singleIdentity)
    {
        var head = Str(p, "headRefOid") ?? string.Empty;
        var commit = HeadCommit(p);
        var checks = new List<CheckSnapshot>();
        var reviews = Nodes(p, "latestReviews").Select(r => Review(r, actor, reviewerIdentity)).ToList();
        var deployments = new List<DeploymentSnapshot>();
        foreach (var s in contexts)
        {
            if (Str(s, "__typename") == "CheckRun")
            {
                checks.Add(new CheckSnapshot(Str(s, "name")!, RestMapping.CheckRunStateOf(Str(s, "status"), Str(s, "conclusion")), head, null, Str(s, "detailsUrl")));
                continue;
            }

            if (Str(s, "__typename") != "StatusContext")
            {
                continue;
            }

            checks.Add(new CheckSnapshot(Str(s, "context")!, RestMapping.StatusStateOf(Str(s, "state")), head, Str(s, "description"), Str(s, "targetUrl")));
            if (singleIdentity is not null && Str(s, "context") == GitHubForge.ReviewStatusContext && GitHubForge.SameLogin(Login(s, "creator"), singleIdentity)
                && ReviewMarker.ParseStatus(Str(s, "state") ?? string.Empty, Str(s, "description")) is { } verdict)
            {
                reviews.Add(new ReviewSnapshot(actor(Login(s, "creator")), verdict.State, head, Date(s, "createdAt"), verdict.Agent));
            }
        }

        if (commit.ValueKind == JsonValueKind.Object)
        {
            foreach (var d in Nodes(commit, "deployments"))
            {
                var latest = d.TryGetProperty("latestStatus", out var ls) && ls.ValueKind == JsonValueKind.Object ? ls : default;
                deployments.Add(new DeploymentSnapshot(
                    Str(d, "environment") ?? string.Empty,
                    Str(d, "commitOid") ?? head,
                    RestMapping.DeploymentStateOf(latest.ValueKind == JsonValueKind.Object ? Str(latest, "state") : null),
                    latest.ValueKind == JsonValueKind.Object ? Date(latest, "createdAt") : Date(d, "createdAt"),
                    latest.ValueKind == JsonValueKind.Object ? Str(latest, "environmentUrl") : null));
            }
        }

        var queue = MergeQueueMapping.Read(p);
        return new PullRequestSnapshot(
            p.GetProperty("number").GetInt32(),
            Str(p, "title") ?? string.Empty,
            Str(p, "body") ?? string.Empty,
            actor(Login(p, "author")),
            Str(p, "headRefName") ?? string.Empty,
            head,
            Str(p, "baseRefName") ?? string.Empty,
            Str(p, "state") == "OPEN",
            p.TryGetProperty("merged", out var merged) && merged.ValueKind == JsonValueKind.True,
            Nodes(p, "labels").Select(l => Str(l, "name")!).ToList(),
            reviews,
            [.. checks, .. queue.GroupChecks],
            deployments,
            [.. files.Select(File), .. Unlisted(p, files.Count)],
            Date(p, "updatedAt"))
        {
            Mergeable = Str(p, "mergeable") switch { "MERGEABLE" => true, "CONFLICTING" => false, _ => null },
            ForgeQueue = queue.Entry,
        };
    }

    /// <summary>
    /// When GitHub lists fewer files than the PR changes (it stops at 3,000), one stand-in for the rest whose added text
    /// is unread: the guardrails refuse that PR alone (fail closed) instead of judging a partial diff, and every other
    /// item's tick goes on.
    /// </summary>
    private static IEnumerable<ChangedFile> Unlisted(JsonElement p, int listed)
    {
        if (p.TryGetProperty("changedFiles", out var changed) && changed.ValueKind == JsonValueKind.Number && changed.GetInt32() > listed)
        {
            yield return new ChangedFile($"({changed.GetInt32() - listed} more changed files that GitHub did not list)", 0, 0) { AddedTextUnread = true };
        }
    }

    private static ReviewSnapshot Review(JsonElement r, Func<string?, Actor> actor, string? reviewerIdentity)
    {
        var login = Login(r, "author");
        var body = Str(r, "body") ?? string.Empty;
        var sha = r.TryGetProperty("commit", out var c) && c.ValueKind == JsonValueKind.Object ? Str(c, "oid") ?? string.Empty : string.Empty;
        var agent = GitHubForge.SameLogin(login, reviewerIdentity) ? ReviewMarker.Agent(body) : null;
        return new ReviewSnapshot(actor(login), RestMapping.ReviewStateOf(Str(r, "state")), sha, Date(r, "submittedAt"), agent, body);
    }

    private static ChangedFile File(JsonElement f) => new(
        Str(f, "path") ?? string.Empty,
        f.GetProperty("additions").GetInt32(),
        f.GetProperty("deletions").GetInt32(),
        Str(f, "changeType") switch
        {
            "ADDED" => ChangeKind.Added,
            "DELETED" => ChangeKind.Deleted,
            "RENAMED" => ChangeKind.Renamed,
            _ => ChangeKind.Modified,
        });
}
