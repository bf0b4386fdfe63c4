using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Autoship.Core.Config;
using Octokit;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge : IForgeSetup
{
    public async Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken)
    {
        var labels = await _author.Issue.Labels.GetAllForRepository(Owner, Repo).WaitAsync(cancellationToken);
        return labels.Select(RestMapping.Label).ToList();
    }

    /// <summary>Creates the label, or updates it when GitHub says it already exists (one request in the common case).</summary>
    public async Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken)
    {
        var description = string.IsNullOrEmpty(label.Description) ? null : label.Description;
        try
        {
            // Not Octokit's NewLabel: it rejects some colors itself; GitHub's own 422 says precisely what is wrong.
            var uri = new Uri($"repos/{Owner}/{Repo}/labels", UriKind.Relative);
            await new ApiConnection(_author.Connection).Post<Label>(uri, new { Name = label.Name, Color = label.Color, Description = description }).WaitAsync(cancellationToken);
        }
        catch (ApiValidationException e) when (e.ApiError?.Errors?.Any(x => x.Code == "already_exists") == true)
        {
            await PatchLabelAsync(label.Name, label.Name, label.Color, description ?? string.Empty, cancellationToken);
        }
        catch (ApiValidationException e)
        {
            throw new ForgeException("validation-failed", $"GitHub refused label '{label.Name}': {Describe(e)}", e);
        }
    }

    /// <summary>
    /// <c>PATCH /labels/{name}</c> as documented; Octokit's own label update sends POST, which the REST
    /// description does not declare.
    /// </summary>
    internal async Task<LabelDefinition> PatchLabelAsync(string currentName, string newName, string color, string? description, CancellationToken cancellationToken)
    {
        var uri = new Uri($"repos/{Owner}/{Repo}/labels/{Uri.EscapeDataString(currentName)}", UriKind.Relative);
        var label = await new ApiConnection(_author.Connection).Patch<Label>(uri, new { NewName = newName, Color = color, Description = description }).WaitAsync(cancellationToken);
        return RestMapping.Label(label);
    }

    internal static string Describe(ApiException e)
    {
        var details = e.ApiError?.Errors?.Select(x => $"{x.Resource}.{x.Field} {x.Code}{(x.Message is null ? string.Empty : " (" + x.Message + ")")}") ?? [];
        return string.Join("; ", new[] { e.ApiError?.Message ?? e.Message }.Concat(details));
    }

    public async Task DeleteLabelAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await _author.Issue.Labels.Delete(Owner, Repo, name).WaitAsync(cancellationToken);
        }
        catch (NotFoundException)
        {
        }
    }

    public async Task<BranchProtection?> GetBranchProtectionAsync(string branch, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await _author.Repository.Branch.GetBranchProtection(Owner, Repo, branch).WaitAsync(cancellationToken);
            return RestMapping.Protection(settings) with { RequireMergeQueue = await RequiresMergeQueueAsync(branch, cancellationToken) };
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Written as the documented JSON body rather than Octokit's settings type: it must carry the seed's
    /// <c>allow_force_pushes</c>/<c>allow_deletions</c> and the explicit nulls GitHub requires.
    /// </summary>
    public async Task SetBranchProtectionAsync(string branch, BranchProtection protection, CancellationToken cancellationToken)
    {
        using var response = await _raw.PutAsJsonAsync($"repos/{Owner}/{Repo}/branches/{Uri.EscapeDataString(branch)}/protection", ProtectionBody(protection), cancellationToken);
        await EnsureSuccessAsync(response, "branch protection", cancellationToken);
    }

    internal static JsonObject ProtectionBody(BranchProtection protection) => new()
    {
        ["required_status_checks"] = protection.RequiredChecks.Count == 0 ? null : new JsonObject
        {
            // Without a merge queue, a PR merges only once it contains the base it was tested with (Autoship updates it).
            ["strict"] = protection.RequireUpToDate,
            ["contexts"] = new JsonArray([.. protection.RequiredChecks.Select(c => (JsonNode)JsonValue.Create(c))]),
        },
        ["enforce_admins"] = false,
        ["required_pull_request_reviews"] = protection.RequirePullRequest ? new JsonObject
        {
            ["dismiss_stale_reviews"] = protection.DismissStaleReviews,
            ["require_code_owner_reviews"] = false,
            ["required_approving_review_count"] = protection.RequiredApprovals,
        } : null,
        ["restrictions"] = null,
        ["allow_force_pushes"] = protection.AllowForcePushes,
        ["allow_deletions"] = protection.AllowDeletions,
    };

    /// <summary>The repository settings <c>autoship protect</c> manages: auto-merge and squash merging.</summary>
    public async Task<RepositorySettings> GetRepositorySettingsAsync(CancellationToken cancellationToken)
    {
        var repo = await _author.Repository.Get(Owner, Repo).WaitAsync(cancellationToken);
        return new RepositorySettings(repo.DefaultBranch, repo.AllowAutoMerge ?? false, repo.AllowSquashMerge ?? false, RestMapping.Permission(repo.Permissions));
    }

    public async Task SetRepositorySettingsAsync(bool allowAutoMerge, bool allowSquashMerge, CancellationToken cancellationToken) =>
        await _author.Repository.Edit(Owner, Repo, new RepositoryUpdate { AllowAutoMerge = allowAutoMerge, AllowSquashMerge = allowSquashMerge }).WaitAsync(cancellationToken);

    public async Task<MergeSettings?> GetMergeSettingsAsync(CancellationToken cancellationToken)
    {
        var repo = await GetRepositorySettingsAsync(cancellationToken);
        return new MergeSettings(repo.AllowAutoMerge, repo.AllowSquashMerge);
    }

    public Task SetMergeSettingsAsync(MergeSettings settings, CancellationToken cancellationToken) =>
        SetRepositorySettingsAsync(settings.AllowAutoMerge, settings.AllowSquashMerge, cancellationToken);

    public async Task<string?> ReadFileAsync(string path, string? gitRef, CancellationToken cancellationToken)
    {
        try
        {
            var contents = gitRef is null
                ? await _author.Repository.Content.GetAllContents(Owner, Repo, path).WaitAsync(cancellationToken)
                : await _author.Repository.Content.GetAllContentsByRef(Owner, Repo, path, gitRef).WaitAsync(cancellationToken);
            return contents.Count == 1 && contents[0].Type.StringValue == "file" ? Decode(path, contents[0].EncodedContent) : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>GitHub wraps base64 at 60 columns; anything else undecodable is reported, not thrown as a crash.</summary>
    private static string? Decode(string path, string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        var compact = string.Concat(base64.Where(c => !char.IsWhiteSpace(c)));
        var bytes = new byte[compact.Length];
        return Convert.TryFromBase64String(compact, bytes, out var written)
            ? System.Text.Encoding.UTF8.GetString(bytes, 0, written)
            : throw new ForgeException("unreadable-file", $"GitHub sent {path} in an encoding Autoship cannot read");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ForgeException($"http-{(int)response.StatusCode}", $"GitHub refused to change {what} (HTTP {(int)response.StatusCode}): {text}");
        }
    }
}
