using System.Net;
using System.Text.Json;
using Autoship.Core;
using Octokit;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    public async Task<MergeResult> MergeAsync(int number, string expectedHeadSha, string commitTitle, string commitMessage, CancellationToken cancellationToken)
    {
        var pr = await _author.PullRequest.Get(Owner, Repo, number).WaitAsync(cancellationToken);
        if (!string.Equals(pr.Head.Sha, expectedHeadSha, StringComparison.OrdinalIgnoreCase))
        {
            return Refused("head-changed", $"the head moved from {Short(expectedHeadSha)} to {Short(pr.Head.Sha)} since the gate decided");
        }

        if (await RequiresMergeQueueAsync(pr.Base.Ref, cancellationToken))
        {
            return await EnqueueAsync(pr.NodeId, expectedHeadSha, cancellationToken);
        }

        if (pr.MergeableState?.Value == MergeableState.Behind)
        {
            // Without a merge queue the checks must pass on what the base becomes: bring the branch up to date first.
            return await UpdateBranchAsync(number, expectedHeadSha, pr.Base.Ref, cancellationToken);
        }

        try
        {
            var merge = new MergePullRequest { Sha = expectedHeadSha, MergeMethod = PullRequestMergeMethod.Squash, CommitTitle = commitTitle, CommitMessage = commitMessage };
            var result = await _author.PullRequest.Merge(Owner, Repo, number, merge).WaitAsync(cancellationToken);
            return result.Merged
                ? new MergeResult(MergeOutcome.Merged, result.Sha, [])
                : Refused("not-mergeable", result.Message ?? "GitHub did not merge the pull request");
        }
        catch (ApiException e) when (e.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity)
        {
            return MergeRefusal(e.StatusCode, e.ApiError?.Message ?? e.Message);
        }
    }

    /// <summary>Turns GitHub's refusals into reasons the gate can show; the message wording is GitHub's.</summary>
    internal static MergeResult MergeRefusal(HttpStatusCode status, string message)
    {
        if (status == HttpStatusCode.Conflict || message.Contains("Head branch was modified", StringComparison.OrdinalIgnoreCase))
        {
            return Refused("head-changed", $"GitHub: {message}");
        }

        if (message.Contains("review", StringComparison.OrdinalIgnoreCase))
        {
            return Refused("required-review-missing", $"GitHub: {message}");
        }

        if (message.Contains("status check", StringComparison.OrdinalIgnoreCase))
        {
            return Refused("required-check-missing", $"GitHub: {message}");
        }

        return Refused("not-mergeable", $"GitHub: {message}");
    }

    private static MergeResult Refused(string code, string message) => new(MergeOutcome.Refused, null, Because.One(code, message));

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    /// <summary>Branch rules (rulesets) say whether the base requires a merge queue; classic protection cannot.</summary>
    public async Task<bool> RequiresMergeQueueAsync(string branch, CancellationToken cancellationToken)
    {
        using var response = await _raw.GetAsync($"repos/{Owner}/{Repo}/rules/branches/{Uri.EscapeDataString(branch)}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return doc.RootElement.ValueKind == JsonValueKind.Array
            && doc.RootElement.EnumerateArray().Any(r => r.TryGetProperty("type", out var t) && t.GetString() == "merge_queue");
    }

    private const string EnqueueMutation = "mutation($pr:ID!,$head:GitObjectID){enqueuePullRequest(input:{pullRequestId:$pr,expectedHeadOid:$head}){mergeQueueEntry{id position}}}";

    private async Task<MergeResult> EnqueueAsync(string nodeId, string expectedHeadSha, CancellationToken cancellationToken)
    {
        try
        {
            await GraphQlAsync(EnqueueMutation, new Dictionary<string, object?> { ["pr"] = nodeId, ["head"] = expectedHeadSha }, cancellationToken);
            return new MergeResult(MergeOutcome.Enqueued, null, Because.One("enqueued", "the base branch requires a merge queue; the pull request was added to it"));
        }
        catch (ForgeException e) when (e.Code == "graphql")
        {
            return Refused("not-mergeable", $"GitHub refused to enqueue: {e.Message}");
        }
    }
}
