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
            return ForgeClaim.Read(claim.Text, claim.Generation) with { Created = true };
        }
        catch (ApiValidationException)
        {
            // 422: the ref exists. Whose is the highest generation of the key?
        }

        var found = await MatchingRefsAsync(claim.KeyRef["refs/".Length..], cancellationToken);
        var top = found.Select(r => (Ref: r, Generation: claim.GenerationOf(r.Ref))).Where(r => r.Generation is not null)
            .OrderByDescending(r => r.Generation).FirstOrDefault();
        if (top.Ref is null)
        {
            // Released between our create and our read: nobody may assume it won; the next tick tries again.
            throw new ForgeException("claim-failed", $"could not create {claim.Ref}: it existed, then was gone");
        }

        if (top.Ref.Object.Type.Value != TaggedType.Tag)
        {
            return new ClaimResult(false, null) { Generation = top.Generation!.Value };
        }

        var theirs = await _author.Git.Tag.Get(Owner, Repo, top.Ref.Object.Sha).WaitAsync(cancellationToken);
        return ForgeClaim.Read(theirs.Message, top.Generation!.Value);
    }

    /// <summary>
    /// A heartbeat: reads the ref and its tag (it must still name the holder), makes a new tag object with the renewed
    /// text and moves the ref to it (<c>PATCH /git/refs/{ref}</c>, which never creates a ref: a released claim stays
    /// released). Only the holder writes its generation's ref; a takeover creates the next one.
    /// </summary>
    public async Task<bool> RenewClaimAsync(ForgeClaim claim, CancellationToken cancellationToken)
    {
        Reference current;
        try
        {
            current = await GetRefAsync(claim.Ref["refs/".Length..], cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (current.Object.Type.Value != TaggedType.Tag)
        {
            return false;
        }

        var theirs = await _author.Git.Tag.Get(Owner, Repo, current.Object.Sha).WaitAsync(cancellationToken);
        if (!string.Equals(ForgeClaim.HolderOf(theirs.Message), claim.Holder, StringComparison.Ordinal))
        {
            return false;
        }

        var tag = await _author.Git.Tag.Create(Owner, Repo, new NewTag
        {
            Tag = $"autoship-claim-{claim.Issue}-{claim.Key}",
            Message = claim.Text,
            Object = theirs.Object.Sha,
            Type = TaggedType.Commit,
        }).WaitAsync(cancellationToken);
        try
        {
            await _author.Git.Reference.Update(Owner, Repo, claim.Ref["refs/".Length..], new ReferenceUpdate(tag.Sha, force: true)).WaitAsync(cancellationToken);
            return true;
        }
        catch (ApiValidationException)
        {
            // 422 "Reference does not exist": released meanwhile.
            return false;
        }
    }

    /// <summary><c>GET /git/matching-refs/{prefix}</c>: every ref whose name starts with <paramref name="prefix"/> (without <c>refs/</c>).</summary>
    private Task<IReadOnlyList<Reference>> MatchingRefsAsync(string prefix, CancellationToken cancellationToken) =>
        new ApiConnection(_author.Connection).GetAll<Reference>(new Uri($"repos/{Owner}/{Repo}/git/matching-refs/{prefix}", UriKind.Relative)).WaitAsync(cancellationToken);

    /// <summary><c>GET /git/ref/{ref}</c> (one ref); Octokit's Get calls the older <c>/git/refs/{ref}</c>, which the description no longer has.</summary>
    private Task<Reference> GetRefAsync(string name, CancellationToken cancellationToken) =>
        new ApiConnection(_author.Connection).Get<Reference>(new Uri($"repos/{Owner}/{Repo}/git/ref/{name}", UriKind.Relative)).WaitAsync(cancellationToken);

    public async Task ReleaseClaimsAsync(int issue, CancellationToken cancellationToken)
    {
        var refs = await MatchingRefsAsync(ForgeClaim.IssuePrefix(issue)["refs/".Length..], cancellationToken);
        // Highest generation first: a release killed half-way leaves generations 0..k, never a gap below the holder.
        foreach (var r in refs.OrderByDescending(r => ForgeClaim.GenerationOfAny(r.Ref)))
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
