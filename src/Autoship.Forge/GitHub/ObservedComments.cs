using System.Collections.Concurrent;
using System.Text.Json;

namespace Autoship.Forge.GitHub;

/// <summary>
/// The newest comments of each issue as the observe query read them (<c>comments(last: N)</c>), so that reading
/// an issue's state comment costs no request. Only comments this token's identity wrote
/// (<c>viewerDidAuthor</c>) are kept; the author login stays with each one. An issue with more comments than were
/// read, whose state comment is not among them, is not known here: the caller lists its comments over REST.
/// </summary>
internal sealed class ObservedComments
{
    internal sealed record Comment(long Id, string Body, string? AuthorLogin);

    private sealed record Entry(IReadOnlyList<Comment> Own, bool Complete);

    private readonly ConcurrentDictionary<int, Entry> _byIssue = new();

    public void Clear() => _byIssue.Clear();

    /// <summary>Remembers the comments of an issue node of the observe answer; ignores nodes without them.</summary>
    public void Add(JsonElement issue)
    {
        if (!issue.TryGetProperty("number", out var number) || !issue.TryGetProperty("comments", out var comments) || comments.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var nodes = comments.GetProperty("nodes");
        var own = new List<Comment>();
        foreach (var node in nodes.EnumerateArray())
        {
            if (node.TryGetProperty("viewerDidAuthor", out var mine) && mine.ValueKind == JsonValueKind.True
                && node.TryGetProperty("databaseId", out var id) && id.ValueKind == JsonValueKind.Number)
            {
                own.Add(new Comment(id.GetInt64(), GraphQlMapping.Str(node, "body") ?? string.Empty,
                    node.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.Object ? GraphQlMapping.Str(a, "login") : null));
            }
        }

        var total = comments.TryGetProperty("totalCount", out var t) ? t.GetInt32() : int.MaxValue;
        _byIssue[number.GetInt32()] = new Entry(own, total <= nodes.GetArrayLength());
    }

    /// <summary>
    /// Known: the newest own comment carrying <paramref name="marker"/> (or null, when every comment was read and
    /// none is). Unknown (<c>false</c>): the issue was not observed, or its state comment may be older than what was read.
    /// </summary>
    public bool TryFind(int issue, string marker, out Comment? comment)
    {
        comment = null;
        if (!_byIssue.TryGetValue(issue, out var entry))
        {
            return false;
        }

        comment = entry.Own.LastOrDefault(c => c.Body.Contains(marker, StringComparison.Ordinal));
        return comment is not null || entry.Complete;
    }

    /// <summary>After our own write: the comment as it now is (edits keep their place; a new one is the newest).</summary>
    public void Wrote(int issue, Comment comment)
    {
        if (_byIssue.TryGetValue(issue, out var entry))
        {
            var own = entry.Own.Where(c => c.Id != comment.Id).Append(comment).ToList();
            _byIssue[issue] = entry with { Own = own };
        }
    }
}
