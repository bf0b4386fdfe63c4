using System.Text.RegularExpressions;
using Autoship.Core;

namespace Autoship.Forge.GitHub;

/// <summary>The hidden marker that says which agent a review (or <c>autoship/review</c> status) speaks for.</summary>
internal static partial class ReviewMarker
{
    public static string Body(string agent, string body) => $"<!-- autoship:review agent={agent} -->\n{body}";

    public static string? Agent(string? body) =>
        body is not null && MarkerPattern().Match(body) is { Success: true } m ? m.Groups["agent"].Value : null;

    public static CommitStatus Status(ReviewSubmission review) => review.Verdict switch
    {
        ReviewVerdict.Approve => new CommitStatus(GitHubForge.ReviewStatusContext, CheckState.Success, $"{review.Agent} approved", null),
        ReviewVerdict.RequestChanges => new CommitStatus(GitHubForge.ReviewStatusContext, CheckState.Failure, $"{review.Agent} requested changes", null),
        _ => new CommitStatus(GitHubForge.ReviewStatusContext, CheckState.Pending, $"{review.Agent} commented", null),
    };

    public static (ReviewState State, string Agent)? ParseStatus(string state, string? description)
    {
        if (description is null || StatusPattern().Match(description) is not { Success: true } m)
        {
            return null;
        }

        var reviewState = state.ToLowerInvariant() switch
        {
            "success" => ReviewState.Approved,
            "failure" or "error" => ReviewState.ChangesRequested,
            _ => ReviewState.Commented,
        };
        return (reviewState, m.Groups["agent"].Value);
    }

    [GeneratedRegex(@"<!--\s*autoship:review agent=(?<agent>[A-Za-z0-9._-]+)\s*-->")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"^(?<agent>[A-Za-z0-9._-]+) (approved|requested changes|commented)$")]
    private static partial Regex StatusPattern();
}
