namespace Autoship.Core.Planning;

/// <summary>
/// Which pull-request comments reach the author's next prompt (fix forward): those of people with write, maintain or
/// admin access made since the previous attempt started, conversation and inline alike. Never a reader's or a
/// stranger's, never one of the harness's own identities or an agent's login or any bot, and never a comment that
/// carries an Autoship marker (<c>&lt;!-- autoship:…</c>: only the harness writes those, so a person's copy is a
/// forgery). Bounded: the newest <see cref="MaxComments"/>, at most <see cref="MaxTotalChars"/> characters in all.
/// </summary>
public static class HumanComments
{
    public const int MaxComments = 10;
    public const int MaxTotalChars = 16_000;
    public const string MarkerPrefix = "<!-- autoship";

    /// <param name="since">When the previous attempt started (its work order's issue time): older comments were already there for it.</param>
    /// <param name="notHuman">Logins that are never people: the harness's identities and every agent's forge login.</param>
    public static IReadOnlyList<FixFeedback> Feedback(IEnumerable<PullRequestComment> comments, DateTimeOffset since, IReadOnlyCollection<string> notHuman)
    {
        var excluded = new HashSet<string>(notHuman, StringComparer.OrdinalIgnoreCase);
        var kept = comments
            .Where(c => c.CreatedAt >= since && IsHuman(c.Author, excluded) && c.Body.Trim().Length > 0
                && !c.Body.Contains(MarkerPrefix, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(c => c.CreatedAt)
            .Take(MaxComments)
            .Select(c => FixFeedback.Of(FixFeedback.Comment, c.Author.Login, Text(c)))
            .ToList();

        var budget = MaxTotalChars;
        var within = new List<FixFeedback>();
        foreach (var f in kept)
        {
            if (f.Text.Length > budget)
            {
                break;
            }

            budget -= f.Text.Length;
            within.Add(f);
        }

        within.Reverse(); // oldest first, as the conversation reads
        return within;
    }

    private static bool IsHuman(Actor author, HashSet<string> excluded) =>
        author.CanWrite
        && !excluded.Contains(author.Login)
        && !author.Login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase);

    private static string Text(PullRequestComment c) => c.Path is { } path
        ? $"(inline on {path}{(c.Line is { } line ? $":{line}" : string.Empty)}) {c.Body.Trim()}"
        : c.Body.Trim();
}
