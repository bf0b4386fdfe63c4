using Octokit;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    /// <summary>
    /// The claim is an annotated tag object (its message names the holder) on the default branch's head, and the
    /// ref <c>refs/autoship/claims/ISSUE/KEY</c> to it: <c>POST /git/refs</c> answers 422 "Reference already
    /// exists" to everyone but the first, which is the compare-and-set. Three requests to claim, two more to read a lost one.
    /// </summary>
    public async Task<ClaimResult> ClaimAsync(ForgeClaim claim, CancellationToken cancellationToken)
    {
        var head = await GetRefAsync("heads/" + claim.BaseBranch, cancellationToken);
        var tag = await _author.Git.Tag.Create(Owner, Repo, new NewTag
        {
            Tag = $"autoship-claim-{claim.Issue}-{claim.Key}",
            Message = claim.Text,
            Object = head.Object.Sha,
            Type = TaggedType.Commit,
        }).WaitAsync(cancellationToken);
        try
        {
            await _author.Git.Reference.Create(Owner, Repo, new NewReference(claim.Ref, tag.Sha)).WaitAsync(cancellationToken);
            return new ClaimResult(true, claim.Holder);
        }
        catch (ApiValidationException)
        {
            // 422: the ref exists. Whose is it?
        }

        var existing = await GetRefAsync(claim.Ref["refs/".Length..], cancellationToken);
        if (existing.Object.Type.Value != TaggedType.Tag)
        {
            return new ClaimResult(false, null);
        }

        var theirs = await _author.Git.Tag.Get(Owner, Repo, existing.Object.Sha).WaitAsync(cancellationToken);
        return new ClaimResult(false, ForgeClaim.HolderOf(theirs.Message));
    }

    /// <summary><c>GET /git/ref/{ref}</c> (one ref); Octokit's Get calls the older <c>/git/refs/{ref}</c>, which the description no longer has.</summary>
    private Task<Reference> GetRefAsync(string name, CancellationToken cancellationToken) =>
        new ApiConnection(_author.Connection).Get<Reference>(new Uri($"repos/{Owner}/{Repo}/git/ref/{name}", UriKind.Relative)).WaitAsync(cancellationToken);

    public async Task ReleaseClaimsAsync(int issue, CancellationToken cancellationToken)
    {
        var prefix = ForgeClaim.IssuePrefix(issue)["refs/".Length..];
        var refs = await new ApiConnection(_author.Connection).GetAll<Reference>(new Uri($"repos/{Owner}/{Repo}/git/matching-refs/{prefix}", UriKind.Relative)).WaitAsync(cancellationToken);
        foreach (var r in refs)
        {
            try
            {
                await _author.Git.Reference.Delete(Owner, Repo, r.Ref["refs/".Length..]).WaitAsync(cancellationToken);
            }
            catch (ApiValidationException)
            {
                // 422 "Reference does not exist": already released.
            }
            catch (NotFoundException)
            {
            }
        }
    }
}
