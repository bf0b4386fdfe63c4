namespace Autoship.Forge.GitHub;

/// <summary>
/// The one GraphQL query of a tick. Both connections page with their own cursor; <c>@include</c> drops
/// a connection once it is exhausted so later pages fetch only what is left.
/// </summary>
/// <remarks>
/// Only Autoship's own pull requests are asked for: a search by head branch prefix (<see cref="PullsSearch"/>), not
/// every open PR of the repository. Check data comes from the head's <c>statusCheckRollup</c> — one connection per
/// PR instead of <c>checkSuites(first: 20) × checkRuns(first: 50)</c> (20 of the query's cost units per PR); a head
/// with more than 100 contexts is read on with <see cref="MoreContexts"/>, a PR with more than 100 files with
/// <see cref="MoreFiles"/>, rather than judged on a partial list.
/// Each text is checked against GitHub's published GraphQL schema by <c>GraphQlSchemaTests</c>.
/// </remarks>
internal static class ObserveQuery
{
    /// <summary>GitHub's search syntax for the open PRs whose head branch starts with Autoship's prefix.</summary>
    public static string PullsSearch(string owner, string repo) =>
        $"repo:{owner}/{repo} is:pr is:open head:{GitHubForge.BranchPrefix.TrimEnd('/')}";

    public const string Text = """
        query Observe($owner: String!, $name: String!, $labels: [String!], $environments: [String!],
                      $withIssues: Boolean!, $issuesAfter: String, $withPulls: Boolean!, $pullsAfter: String, $pullsQuery: String!) {
          rateLimit { cost remaining resetAt }
          repository(owner: $owner, name: $name) {
            nameWithOwner
            defaultBranchRef { name target { oid } }
            config: object(expression: "HEAD:.github/autoship.yml") { ... on Blob { text } }
            gitattributes: object(expression: "HEAD:.gitattributes") { ... on Blob { text } }
            issues(first: 100, after: $issuesAfter, states: OPEN, labels: $labels) @include(if: $withIssues) {
              pageInfo { hasNextPage endCursor }
              nodes {
                number title body state updatedAt
                labels(first: 50) { nodes { name } }
                assignees(first: 10) { nodes { login } }
                comments(last: 20) { totalCount nodes { databaseId body viewerDidAuthor author { login } } }
                timelineItems(last: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT]) {
                  nodes {
                    __typename
                    ... on LabeledEvent { createdAt actor { login } label { name } }
                    ... on UnlabeledEvent { createdAt actor { login } label { name } }
                  }
                }
              }
            }
          }
          pulls: search(type: ISSUE, query: $pullsQuery, first: 100, after: $pullsAfter) @include(if: $withPulls) {
            pageInfo { hasNextPage endCursor }
            nodes { ... on PullRequest { ...ObservedPull } }
          }
        }

        """ + PullFragment + ContextsFragment + FilesFragment;

    /// <summary>One pull request, read fresh right before Autoship acts on it, with the fields the observation has.</summary>
    public const string Pull = """
        query Pull($owner: String!, $name: String!, $number: Int!, $environments: [String!]) {
          repository(owner: $owner, name: $name) { pullRequest(number: $number) { ...ObservedPull } }
        }

        """ + PullFragment + ContextsFragment + FilesFragment;

    /// <summary>The rest of one head's check contexts, when the first 100 did not hold them all.</summary>
    public const string MoreContexts = """
        query MoreContexts($id: ID!, $after: String) {
          node(id: $id) { ... on Commit { statusCheckRollup { contexts(first: 100, after: $after) { ...ObservedContexts } } } }
        }

        """ + ContextsFragment;

    /// <summary>The rest of a PR's changed files, when it has more than 100: every path decides the lane.</summary>
    public const string MoreFiles = """
        query MoreFiles($id: ID!, $after: String) {
          node(id: $id) { ... on PullRequest { files(first: 100, after: $after) { ...ObservedFiles } } }
        }

        """ + FilesFragment;

    private const string PullFragment = """
        fragment ObservedPull on PullRequest {
          id number title body state merged updatedAt mergeable changedFiles
          headRefName headRefOid baseRefName
          mergeQueueEntry { position state headCommit { oid status { contexts { context state description targetUrl } } } }
          repository { nameWithOwner }
          author { login }
          labels(first: 50) { nodes { name } }
          latestReviews(first: 20) { nodes { author { login } state body submittedAt commit { oid } } }
          files(first: 100) { ...ObservedFiles }
          commits(last: 1) {
            nodes {
              commit {
                id oid
                statusCheckRollup { contexts(first: 100) { ...ObservedContexts } }
                deployments(first: 10, environments: $environments, orderBy: { field: CREATED_AT, direction: DESC }) {
                  nodes { environment createdAt commitOid latestStatus { state environmentUrl createdAt } }
                }
              }
            }
          }
        }
        """;

    private const string FilesFragment = """
        fragment ObservedFiles on PullRequestChangedFileConnection {
          pageInfo { hasNextPage endCursor }
          nodes { path additions deletions changeType }
        }
        """;

    private const string ContextsFragment = """
        fragment ObservedContexts on StatusCheckRollupContextConnection {
          pageInfo { hasNextPage endCursor }
          nodes {
            __typename
            ... on StatusContext { context state description targetUrl createdAt creator { login } }
            ... on CheckRun { name status conclusion detailsUrl }
          }
        }
        """;
}
