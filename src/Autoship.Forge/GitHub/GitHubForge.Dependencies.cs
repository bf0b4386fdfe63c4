using System.Globalization;
using System.Text;
using System.Text.Json;
using Autoship.Core;
using Autoship.Core.Planning;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    private const int ReferencesPerQuery = 50;

    /// <summary>
    /// The state of each issue a <c>Blocked by #N</c> body line names that the observe query did not return (closed, or not
    /// labeled) and GitHub's own dependencies did not already state: one aliased GraphQL query per 50 numbers, and none
    /// at all when no body names such an issue.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, IssueLinkState>> ReferencedIssuesAsync(IReadOnlyList<IssueSnapshot> issues, CancellationToken cancellationToken)
    {
        var observed = issues.Select(i => i.Number).ToHashSet();
        var known = issues.SelectMany(i => i.BlockedBy).Where(b => b.Repository is null).Select(b => b.Number).ToHashSet();
        var wanted = issues.SelectMany(i => DependencyLines.Parse(i.Body)).Where(n => !observed.Contains(n) && !known.Contains(n)).Distinct().Order().ToList();
        var states = new Dictionary<int, IssueLinkState>();
        foreach (var chunk in wanted.Chunk(ReferencesPerQuery))
        {
            var query = new StringBuilder("query Referenced($owner: String!, $name: String!) { repository(owner: $owner, name: $name) {");
            foreach (var n in chunk)
            {
                query.Append(CultureInfo.InvariantCulture, $" i{n}: issueOrPullRequest(number: {n}) {{ ... on Issue {{ number state stateReason }} ... on PullRequest {{ number pullState: state }} }}");
            }

            var data = await GraphQlAsync(query.Append(" } }").ToString(), new Dictionary<string, object?> { ["owner"] = Owner, ["name"] = Repo }, cancellationToken);
            if (!data.TryGetProperty("repository", out var repository) || repository.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var n in chunk)
            {
                if (repository.TryGetProperty("i" + n.ToString(CultureInfo.InvariantCulture), out var issue) && issue.ValueKind == JsonValueKind.Object)
                {
                    states[n] = GraphQlMapping.LinkState(issue);
                }
            }
        }

        return states;
    }
}
