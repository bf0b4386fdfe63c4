using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

public sealed partial class LocalForge
{
    /// <summary>An agent's review, recorded as the trusted reviewer identity with the agent's name.</summary>
    public async Task SubmitReviewAsync(int number, ReviewSubmission review, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "submit reviews for agents", cancellationToken);
        _ = await RequirePullAsync(c, number, cancellationToken);
        await InsertReviewAsync(c, number, ReviewerLogin, review.Verdict, review.CommitSha, review.Body, review.Agent, cancellationToken);
    }

    /// <summary>A person's review (as the acting user) on the pull request's current head.</summary>
    public async Task<ReviewSnapshot> SubmitPersonReviewAsync(int number, ReviewVerdict verdict, string body, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        var pull = await RequirePullAsync(c, number, cancellationToken);
        if (verdict != ReviewVerdict.Comment)
        {
            await RequireWriteAsync(c, verdict == ReviewVerdict.Approve ? "approve pull requests" : "request changes on pull requests", cancellationToken);
        }

        var author = (await IssueRowAsync(c, number, cancellationToken))!.Author;
        if (verdict != ReviewVerdict.Comment && string.Equals(author, ActingAs, StringComparison.OrdinalIgnoreCase))
        {
            throw new ForgeException("own-pull-request", $"{ActingAs} cannot approve or request changes on their own pull request");
        }

        if (pull.State != "open")
        {
            throw new ForgeException("not-open", $"pull request #{number} is {pull.State}");
        }

        var head = await HeadShaAsync(c, pull, cancellationToken);
        return await InsertReviewAsync(c, number, ActingAs, verdict, head, body, null, cancellationToken);
    }

    private async Task<ReviewSnapshot> InsertReviewAsync(
        SqliteConnection c, int number, string login, ReviewVerdict verdict, string sha, string body, string? agent, CancellationToken cancellationToken)
    {
        var state = verdict switch
        {
            ReviewVerdict.Approve => ReviewState.Approved,
            ReviewVerdict.RequestChanges => ReviewState.ChangesRequested,
            _ => ReviewState.Commented,
        };
        var at = Now;
        await LocalDb.ExecAsync(
            c,
            "INSERT INTO reviews(pr, login, state, commit_sha, body, agent, submitted_at) VALUES ($n, $l, $s, $c, $b, $a, $t)",
            cancellationToken,
            ("$n", number), ("$l", login), ("$s", state.ToString()), ("$c", sha), ("$b", body), ("$a", agent), ("$t", LocalDb.Time(at)));
        await TouchAsync(c, number, cancellationToken);
        await RecordAsync(c, "reviewed", Target(number), new { login, state = state.ToString(), sha, agent }, cancellationToken);
        return new ReviewSnapshot(await ActorAsync(c, login, cancellationToken), state, sha, at, agent, body);
    }
}
