namespace Autoship.Core;

/// <summary>
/// A comment on a pull request: in its conversation, or inline on a line of its diff (<see cref="Path"/> set). Its
/// author's access is the one at the time we looked; the body is untrusted text.
/// </summary>
public sealed record PullRequestComment(Actor Author, string Body, DateTimeOffset CreatedAt)
{
    /// <summary>The file an inline review comment is on; null for a conversation comment.</summary>
    public string? Path { get; init; }

    /// <summary>The line of <see cref="Path"/> it is on, when the forge says.</summary>
    public int? Line { get; init; }
}
