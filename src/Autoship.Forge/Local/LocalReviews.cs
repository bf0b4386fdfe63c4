using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>What gates a merge: reviews (agents' as the trusted reviewer identity, people's as themselves) and commit statuses.</summary>
internal sealed class LocalReviews(LocalContext context, LocalGit git, LocalIssues issues)
{
    /// <summary>An agent's review, recorded as the trusted reviewer identity with the agent's name.</summary>
    public Task SubmitAsync(int number, ReviewSubmission review, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "submit reviews for agents", cancellationToken);
            await LocalPullRows.RequireAsync(c, number, cancellationToken);
            await InsertAsync(c, number, LocalForge.ReviewerLogin, review.Verdict, review.CommitSha, review.Body, review.Agent, cancellationToken);
        }, cancellationToken);

    /// <summary>A person's review (as the acting user) on the pull request's current head.</summary>
    public Task<ReviewSnapshot> SubmitPersonAsync(int number, ReviewVerdict verdict, string body, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            var pull = await LocalPullRows.RequireAsync(c, number, cancellationToken);
            if (verdict != ReviewVerdict.Comment)
            {
                await context.RequireWriteAsync(c, verdict == ReviewVerdict.Approve ? "approve pull requests" : "request changes on pull requests", cancellationToken);
            }

            var author = (await LocalIssueRows.RequireAsync(c, number, cancellationToken)).Author;
            if (verdict != ReviewVerdict.Comment && string.Equals(author, context.ActingAs, StringComparison.OrdinalIgnoreCase))
            {
                throw new ForgeException("own-pull-request", $"{context.ActingAs} cannot approve or request changes on their own pull request");
            }

            if (pull.State != "open")
            {
                throw new ForgeException("not-open", $"pull request #{number} is {pull.State}");
            }

            var head = await LocalPullSnapshots.HeadShaAsync(c, git, pull, null, cancellationToken);
            return await InsertAsync(c, number, context.ActingAs, verdict, head, body, null, cancellationToken);
        }, cancellationToken);

    public Task SetStatusAsync(string sha, CommitStatus status, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "set commit statuses", cancellationToken);
            await UpsertStatusAsync(c, sha, status, null, cancellationToken);
        }, cancellationToken);

    public async Task UpsertStatusAsync(SqliteConnection c, string sha, CommitStatus status, string? logPath, CancellationToken cancellationToken)
    {
        var description = status.Description.Length > 140 ? status.Description[..140] : status.Description;
        await LocalDb.ExecAsync(
            c,
            """
            INSERT INTO statuses(sha, context, state, description, url, log_path, updated_at) VALUES ($s, $c, $st, $d, $u, $l, $t)
            ON CONFLICT(sha, context) DO UPDATE SET state = $st, description = $d, url = $u, log_path = COALESCE($l, log_path), updated_at = $t
            """,
            cancellationToken,
            ("$s", sha), ("$c", status.Context), ("$st", status.State.ToString()), ("$d", description), ("$u", status.TargetUrl), ("$l", logPath), ("$t", LocalDb.Time(context.Now)));
        await context.RecordAsync(c, "status", "sha:" + sha, new { context = status.Context, state = status.State.ToString(), description }, cancellationToken);
    }

    private async Task<ReviewSnapshot> InsertAsync(
        SqliteConnection c, int number, string login, ReviewVerdict verdict, string sha, string body, string? agent, CancellationToken cancellationToken)
    {
        var state = verdict switch
        {
            ReviewVerdict.Approve => ReviewState.Approved,
            ReviewVerdict.RequestChanges => ReviewState.ChangesRequested,
            _ => ReviewState.Commented,
        };
        var at = context.Now;
        await LocalDb.ExecAsync(
            c,
            "INSERT INTO reviews(pr, login, state, commit_sha, body, agent, submitted_at) VALUES ($n, $l, $s, $c, $b, $a, $t)",
            cancellationToken,
            ("$n", number), ("$l", login), ("$s", state.ToString()), ("$c", sha), ("$b", body), ("$a", agent), ("$t", LocalDb.Time(at)));
        await issues.TouchAsync(c, number, cancellationToken);
        await context.RecordAsync(c, "reviewed", LocalContext.Target(number), new { login, state = state.ToString(), sha, agent }, cancellationToken);
        return new ReviewSnapshot(await LocalIssueRows.ActorAsync(c, login, cancellationToken), state, sha, at, agent, body);
    }
}
