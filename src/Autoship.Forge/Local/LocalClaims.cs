namespace Autoship.Forge.Local;

/// <summary>
/// Exclusive claims as git refs of the bare repository: <c>git update-ref REF BLOB ""</c> creates the ref only if it
/// does not exist (git's own compare-and-set, under its ref lock), and the blob carries the holder's text.
/// </summary>
internal sealed class LocalClaims(LocalContext context, LocalGit git)
{
    public async Task<ClaimResult> ClaimAsync(ForgeClaim claim, CancellationToken cancellationToken)
    {
        await using (var c = await context.ConnectAsync(cancellationToken))
        {
            await context.RequireWriteAsync(c, "claim work", cancellationToken);
        }

        var blob = await git.GitAsync(["hash-object", "-w", "--stdin"], cancellationToken, stdin: claim.Text);
        var created = await git.TryGitAsync(["update-ref", "-m", "autoship claim", claim.Ref, blob.Trim(), string.Empty], cancellationToken);
        if (created.Ok)
        {
            await context.WriteAsync(c => context.RecordAsync(c, "claimed", claim.Ref, new { holder = claim.Holder, generation = claim.Generation }, cancellationToken), cancellationToken);
            return Won(claim);
        }

        // The highest generation of the key holds the claim.
        var names = await git.GitAsync(["for-each-ref", "--format=%(refname)", ForgeClaim.IssuePrefix(claim.Issue)], cancellationToken);
        var top = names.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(n => (Name: n, Generation: claim.GenerationOf(n)))
            .Where(n => n.Generation is not null)
            .OrderByDescending(n => n.Generation)
            .FirstOrDefault();
        var existing = top.Name is null ? null : await git.TryGitAsync(["cat-file", "-p", top.Name], cancellationToken);
        if (existing is not { Ok: true })
        {
            // Not there yet it failed for another reason (a lock held by a concurrent update): nobody may assume it won.
            throw new ForgeException("claim-failed", $"could not create {claim.Ref}: {created.Stderr.Trim()}");
        }

        return ForgeClaim.Read(existing.Stdout, top.Generation!.Value);
    }

    /// <summary>The result of a claim just made: what its own object says.</summary>
    internal static ClaimResult Won(ForgeClaim claim) => ForgeClaim.Read(claim.Text, claim.Generation) with { Created = true };

    /// <summary>
    /// A heartbeat: <c>git update-ref REF NEW OLD</c>, where OLD is the object just read and checked to be the holder's,
    /// so a ref released or rewritten meanwhile is never brought back or overwritten.
    /// </summary>
    public async Task<bool> RenewAsync(ForgeClaim claim, CancellationToken cancellationToken)
    {
        context.Count();
        var old = await git.TryGitAsync(["rev-parse", "--verify", "--quiet", claim.Ref], cancellationToken);
        if (!old.Ok)
        {
            return false;
        }

        var oid = old.Stdout.Trim();
        var current = await git.TryGitAsync(["cat-file", "-p", oid], cancellationToken);
        if (!current.Ok || !string.Equals(ForgeClaim.HolderOf(current.Stdout), claim.Holder, StringComparison.Ordinal))
        {
            return false;
        }

        var blob = await git.GitAsync(["hash-object", "-w", "--stdin"], cancellationToken, stdin: claim.Text);
        return (await git.TryGitAsync(["update-ref", "-m", "autoship claim renewed", claim.Ref, blob.Trim(), oid], cancellationToken)).Ok;
    }

    public async Task ReleaseAsync(int issue, CancellationToken cancellationToken)
    {
        context.Count();
        var refs = await git.GitAsync(["for-each-ref", "--format=%(refname)", ForgeClaim.IssuePrefix(issue)], cancellationToken);
        // Highest generation first: a release killed half-way leaves generations 0..k, never a gap below the holder.
        foreach (var name in refs.Split('\n', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(ForgeClaim.GenerationOfAny))
        {
            await git.TryGitAsync(["update-ref", "-d", name], cancellationToken);
        }
    }
}
