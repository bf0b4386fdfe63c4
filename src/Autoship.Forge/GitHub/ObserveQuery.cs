namespace Autoship.Forge.GitHub;

/// <summary>
/// The one GraphQL query of a tick. Both connections page with their own cursor; <c>@include</c> drops
/// a connection once it is exhausted so later pages fetch only what is left.
/// </summary>
internal static class ObserveQuery
{
    public const string Text = """
        query Observe($owner: String!, $name: String!, $labels: [String!], $environments: [String!],
                      $withIssues: Boolean!, $issuesAfter: String, $withPulls: Boolean!, $pullsAfter: String) {
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
                blockedBy(first: 20) { nodes { number state stateReason } }
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
            pullRequests(first: 30, after: $pullsAfter, states: OPEN) @include(if: $withPulls) {
              pageInfo { hasNextPage endCursor }
              nodes {
                number title body state merged updatedAt mergeable
                headRefName headRefOid baseRefName
                author { login }
                labels(first: 50) { nodes { name } }
                latestReviews(first: 20) { nodes { author { login } state body submittedAt commit { oid } } }
                files(first: 100) { nodes { path additions deletions changeType } }
                commits(last: 1) {
                  nodes {
                    commit {
                      oid
                      status { contexts { context state description targetUrl createdAt creator { login } } }
                      checkSuites(first: 20) { nodes { checkRuns(first: 50) { nodes { name status conclusion detailsUrl } } } }
                      deployments(first: 10, environments: $environments, orderBy: { field: CREATED_AT, direction: DESC }) {
                        nodes { environment createdAt commitOid latestStatus { state environmentUrl createdAt } }
                      }
                    }
                  }
                }
              }
            }
          }
        }
        """;
}
