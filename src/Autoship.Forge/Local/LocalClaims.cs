using Autoship.Forge.Git;

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
            await context.WriteAsync(c => context.RecordAsync(c, "claimed", claim.Ref, new { holder = claim.Holder }, cancellationToken), cancellationToken);
            return new ClaimResult(true, claim.Holder);
        }

        var existing = await git.TryGitAsync(["cat-file", "-p", claim.Ref], cancellationToken);
        if (!existing.Ok)
        {
            // Not there yet it failed for another reason (a lock held by a concurrent update): nobody may assume it won.
            throw new ForgeException("claim-failed", $"could not create {claim.Ref}: {created.Stderr.Trim()}");
        }

        return new ClaimResult(false, ForgeClaim.HolderOf(existing.Stdout));
    }

    public async Task ReleaseAsync(int issue, CancellationToken cancellationToken)
    {
        context.Count();
        var refs = await git.GitAsync(["for-each-ref", "--format=%(refname)", ForgeClaim.IssuePrefix(issue)], cancellationToken);
        foreach (var name in refs.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await git.TryGitAsync(["update-ref", "-d", name], cancellationToken);
        }
    }
}
