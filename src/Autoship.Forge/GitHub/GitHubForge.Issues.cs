using Autoship.Core;
using Octokit;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    public async Task<IssueSnapshot?> GetIssueAsync(int number, CancellationToken cancellationToken)
    {
        Issue issue;
        try
        {
            issue = await _author.Issue.Get(Owner, Repo, number).WaitAsync(cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }

        var timeline = await _author.Issue.Timeline.GetAllForIssue(Owner, Repo, number).WaitAsync(cancellationToken);
        var events = new List<LabelEvent>();
        foreach (var e in timeline)
        {
            if (RestMapping.LabelEventOf(e) is { } raw)
            {
                events.Add(new LabelEvent(raw.Label, raw.Added, await ActorAsync(raw.Login, cancellationToken), raw.At));
            }
        }

        return RestMapping.Issue(issue, events);
    }

    public async Task AddLabelsAsync(int number, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        if (labels.Count > 0)
        {
            // The documented object form; Octokit's AddToIssue sends a bare array, which GitHub also takes.
            var uri = new Uri($"repos/{Owner}/{Repo}/issues/{number}/labels", UriKind.Relative);
            await new ApiConnection(_author.Connection).Post<IReadOnlyList<Label>>(uri, new { Labels = labels.ToArray() }).WaitAsync(cancellationToken);
        }
    }

    public async Task RemoveLabelAsync(int number, string label, CancellationToken cancellationToken)
    {
        try
        {
            // Octokit's RemoveFromIssue sends a body with the DELETE, which the REST description does not declare.
            await _author.Connection.Delete(new Uri($"repos/{Owner}/{Repo}/issues/{number}/labels/{Uri.EscapeDataString(label)}", UriKind.Relative)).WaitAsync(cancellationToken);
        }
        catch (NotFoundException)
        {
            // Already gone: removing is idempotent.
        }
    }

    public async Task SetAssigneesAsync(int number, IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        var issue = await _author.Issue.Get(Owner, Repo, number).WaitAsync(cancellationToken);
        var current = (issue.Assignees ?? []).Select(a => a.Login).ToList();
        var remove = current.Except(logins, StringComparer.OrdinalIgnoreCase).ToList();
        var add = logins.Except(current, StringComparer.OrdinalIgnoreCase).ToList();
        if (remove.Count > 0)
        {
            await _author.Issue.Assignee.RemoveAssignees(Owner, Repo, number, new AssigneesUpdate(remove)).WaitAsync(cancellationToken);
        }

        if (add.Count > 0)
        {
            await _author.Issue.Assignee.AddAssignees(Owner, Repo, number, new AssigneesUpdate(add)).WaitAsync(cancellationToken);
        }
    }

    public async Task UpsertCommentAsync(int number, string marker, string body, CancellationToken cancellationToken)
    {
        var text = body.Contains(marker, StringComparison.Ordinal) ? body : marker + "\n" + body;
        var existing = await FindOwnCommentAsync(number, marker, cancellationToken);
        if (existing is null)
        {
            var created = await _author.Issue.Comment.Create(Owner, Repo, number, text).WaitAsync(cancellationToken);
            _comments.Wrote(number, new ObservedComments.Comment(created.Id, text, created.User?.Login));
        }
        else if (existing.Body != text)
        {
            await _author.Issue.Comment.Update(Owner, Repo, existing.Id, text).WaitAsync(cancellationToken);
            _comments.Wrote(number, existing with { Body = text });
        }
    }

    public async Task<string?> FindCommentAsync(int number, string marker, CancellationToken cancellationToken) =>
        (await FindOwnCommentAsync(number, marker, cancellationToken))?.Body;

    private async Task<ObservedComments.Comment?> FindOwnCommentAsync(int number, string marker, CancellationToken cancellationToken)
    {
        // The tick's observation read each issue's newest comments: no request when the state comment is among them.
        if (_comments.TryFind(number, marker, out var observed))
        {
            return observed;
        }

        // Octokit's GetAllForIssue adds sort/direction, which this endpoint does not declare; the order is creation anyway.
        var comments = await new ApiConnection(_author.Connection).GetAll<IssueComment>(new Uri($"repos/{Owner}/{Repo}/issues/{number}/comments", UriKind.Relative)).WaitAsync(cancellationToken);
        var author = await AuthorLoginAsync(cancellationToken);

        // Anyone can paste our marker into a comment; only the one our identity wrote is ours.
        var own = comments.LastOrDefault(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true && SameLogin(c.User?.Login, author));
        return own is null ? null : new ObservedComments.Comment(own.Id, own.Body ?? string.Empty, own.User?.Login);
    }

    /// <summary>
    /// Sends only the state: Octokit's <c>IssueUpdate</c> always serialises <c>"milestone": null</c>, which would
    /// clear the milestone of every issue Autoship closes.
    /// </summary>
    public async Task CloseIssueAsync(int number, CancellationToken cancellationToken)
    {
        var uri = new Uri($"repos/{Owner}/{Repo}/issues/{number}", UriKind.Relative);
        await new ApiConnection(_author.Connection).Patch<Issue>(uri, new { State = "closed" }).WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The author identity's login: the option when given, a GitHub App's <c>&lt;slug&gt;[bot]</c> from <c>GET /app</c>,
    /// else <c>GET /user</c>. Unknown fails closed: without it nothing can tell Autoship's own comments and statuses
    /// from a stranger's copy of them.
    /// </summary>
    private async Task<string> AuthorLoginAsync(CancellationToken cancellationToken)
    {
        if (_authorLogin is null)
        {
            try
            {
                _authorLogin = await _options.Author.OwnLoginAsync(cancellationToken)
                    ?? (await _author.User.Current().WaitAsync(cancellationToken)).Login;
            }
            catch (ApiException e)
            {
                throw new ForgeException("own-login-unknown",
                    $"cannot tell which comments and statuses are Autoship's own: GitHub would not say who the author token is (HTTP {(int)e.StatusCode}); use a user token, or a GitHub App (its login is read from GET /app)", e);
            }

            if (string.IsNullOrWhiteSpace(_authorLogin))
            {
                _authorLogin = null;
                throw new ForgeException("own-login-unknown", "cannot tell which comments and statuses are Autoship's own: GitHub named no login for the author token");
            }
        }

        return _authorLogin;
    }

    private async Task<string?> ReviewerLoginAsync(CancellationToken cancellationToken) =>
        _reviewer is null ? null : _reviewerLogin ??= (await _reviewer.User.Current().WaitAsync(cancellationToken)).Login;

    /// <summary>GraphQL names a GitHub App <c>slug</c> where REST says <c>slug[bot]</c>.</summary>
    internal static bool SameLogin(string? a, string? b) =>
        a is not null && b is not null && string.Equals(StripBot(a), StripBot(b), StringComparison.OrdinalIgnoreCase);

    private static string StripBot(string login) => login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) ? login[..^5] : login;
}
