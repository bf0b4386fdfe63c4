using System.Globalization;
using Autoship.Forge.Git;

namespace Autoship.Forge.Local;

public sealed partial class LocalForge
{
    private Task<string> GitAsync(IEnumerable<string> args, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? env = null, string? stdin = null) =>
        GitCli.RunAsync(BareRepository, args, env, stdin, cancellationToken);

    private Task<GitCli.Result> TryGitAsync(IEnumerable<string> args, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? env = null) =>
        GitCli.TryRunAsync(BareRepository, args, env, null, cancellationToken);

    /// <summary>The commit a ref names, or null when it does not exist.</summary>
    private async Task<string?> ResolveAsync(string gitRef, CancellationToken cancellationToken)
    {
        var result = await TryGitAsync(["rev-parse", "--verify", "--quiet", gitRef + "^{commit}"], cancellationToken);
        return result.Ok ? result.Stdout.Trim() : null;
    }

    private static string BranchRef(string branch) => "refs/heads/" + branch;

    private async Task<string?> ShowAsync(string gitRef, string path, CancellationToken cancellationToken)
    {
        var result = await TryGitAsync(["show", $"{gitRef}:{path.TrimStart('/')}"], cancellationToken);
        return result.Ok ? result.Stdout : null;
    }

    /// <summary>Commits are authored by the acting user at the clock's time, so a simulated clock gives stable history.</summary>
    private Dictionary<string, string> CommitEnv(string login)
    {
        var date = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        var email = login.Replace("[bot]", string.Empty, StringComparison.Ordinal) + "@local.forge";
        return new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = login,
            ["GIT_AUTHOR_EMAIL"] = email,
            ["GIT_COMMITTER_NAME"] = login,
            ["GIT_COMMITTER_EMAIL"] = email,
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_DATE"] = date,
        };
    }

    private async Task CommitSeedAsync(string? seedDirectory, string ownerLogin, CancellationToken cancellationToken)
    {
        string tree;
        if (seedDirectory is not null)
        {
            // A throwaway index lets us write the seed's tree straight into the bare repository, keeping file modes.
            var index = Path.Combine(Path.GetTempPath(), "autoship-index-" + Guid.NewGuid().ToString("N"));
            var workTree = Path.GetFullPath(seedDirectory);
            var env = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = index, ["GIT_DIR"] = BareRepository, ["GIT_WORK_TREE"] = workTree };
            try
            {
                await GitCli.RunAsync(workTree, ["add", "-A", "."], env, null, cancellationToken);
                tree = await GitCli.RunAsync(workTree, ["write-tree"], env, null, cancellationToken);
            }
            finally
            {
                File.Delete(index);
            }
        }
        else
        {
            // The empty tree exists in every repository by name, but commit-tree needs the object itself.
            tree = await GitAsync(["mktree"], cancellationToken, stdin: string.Empty);
        }

        var commit = await GitAsync(["commit-tree", tree, "-m", "Initial commit"], cancellationToken, CommitEnv(ownerLogin));
        await GitAsync(["update-ref", BranchRef(DefaultBranch), commit], cancellationToken);
    }
}
