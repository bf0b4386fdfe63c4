using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Autoship.Core;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    /// <summary>
    /// <c>PUT /repos/{owner}/{repo}/pulls/{n}/update-branch</c> with <c>expected_head_sha</c>: GitHub merges the base into
    /// the PR's branch (202, asynchronously) only if the head is still the one the gate decided on. The new head is
    /// reviewed (the agent review carries over when its patch-id is unchanged) and checked before any merge.
    /// </summary>
    internal async Task<MergeResult> UpdateBranchAsync(int number, string expectedHeadSha, string baseBranch, CancellationToken cancellationToken)
    {
        using var response = await _raw.PutAsJsonAsync($"repos/{Owner}/{Repo}/pulls/{number}/update-branch", new { expected_head_sha = expectedHeadSha }, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Accepted || response.IsSuccessStatusCode)
        {
            return new MergeResult(MergeOutcome.BranchUpdated, null, Because.One("branch-updated",
                $"the branch was behind {baseBranch}: GitHub is merging {baseBranch} into it; the new head's checks run before it merges"));
        }

        var message = await MessageAsync(response, cancellationToken);
        return response.StatusCode == HttpStatusCode.UnprocessableEntity && message.Contains("expected head sha", StringComparison.OrdinalIgnoreCase)
            ? Refused("head-changed", $"GitHub: {message}")
            : Refused("not-mergeable", $"GitHub could not update the branch with {baseBranch}: {message}");
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : $"HTTP {(int)response.StatusCode}";
        }
        catch (JsonException)
        {
            return $"HTTP {(int)response.StatusCode}";
        }
    }
}
