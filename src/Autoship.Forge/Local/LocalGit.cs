using System.Globalization;
using System.Text;
using Autoship.Forge.Git;

namespace Autoship.Forge.Local;

/// <summary>
/// The forge's bare repository. Reads of several objects go through one <c>git cat-file --batch</c>; what two
/// commits say about each other (<see cref="LocalCommitPairs"/>) is computed once per pair of SHAs.
/// </summary>
internal sealed class LocalGit(LocalContext context) : IDisposable
{
    private readonly Lazy<GitRefReader> _refs = new(() => new GitRefReader(Path.Combine(context.Directory, "repo.git")));

    public string BareRepository { get; } = Path.Combine(context.Directory, "repo.git");

    /// <summary>Ends the long-lived ref reader, if one was started.</summary>
    public void Dispose()
    {
        if (_refs.IsValueCreated)
        {
            _refs.Value.Dispose();
        }
    }

    public static string BranchRef(string branch) => "refs/heads/" + branch;

    public Task<string> GitAsync(IEnumerable<string> args, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? env = null, string? stdin = null) =>
        GitCli.RunAsync(BareRepository, args, env, stdin, cancellationToken);

    public Task<GitCli.Result> TryGitAsync(IEnumerable<string> args, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? env = null) =>
        GitCli.TryRunAsync(BareRepository, args, env, null, cancellationToken);

    /// <summary>
    /// The commit a ref names, or null when it does not exist: asked of one long-lived <c>cat-file --batch-check</c>
    /// (<see cref="GitRefReader"/>), else of a <c>rev-parse</c> of its own.
    /// </summary>
    public async Task<string?> ResolveAsync(string gitRef, CancellationToken cancellationToken)
    {
        if (await _refs.Value.CommitAsync(gitRef, cancellationToken) is { } answer)
        {
            return answer == GitRefReader.Missing ? null : answer;
        }

        var result = await TryGitAsync(["rev-parse", "--verify", "--quiet", gitRef + "^{commit}"], cancellationToken);
        return result.Ok ? result.Stdout.Trim() : null;
    }

    /// <summary>Every branch and its commit, in one process.</summary>
    public async Task<IReadOnlyDictionary<string, string>> BranchesAsync(CancellationToken cancellationToken)
    {
        var text = await GitAsync(["for-each-ref", "--format=%(objectname) %(refname)", "refs/heads/"], cancellationToken);
        var branches = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            branches[line[(space + 1)..]["refs/heads/".Length..]] = line[..space];
        }

        return branches;
    }

    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken) =>
        (await TryGitAsync(["merge-base", "--is-ancestor", ancestor, descendant], cancellationToken)).Ok;

    public async Task<string?> ShowAsync(string gitRef, string path, CancellationToken cancellationToken) =>
        (await ShowManyAsync(gitRef, [path], cancellationToken))[0];

    /// <summary>
    /// The text of each path at a ref (null where it does not exist), read by one <c>git cat-file --batch</c>. At a
    /// commit named by its full SHA a file never changes, so what was found there is remembered and not read again
    /// (the observation reads the configuration at main's commit every pass). A miss is remembered only when the
    /// caller knows the commit exists (<paramref name="existingCommit"/>: its SHA came from a ref); otherwise the commit
    /// may not have been pushed yet.
    /// </summary>
    public async Task<IReadOnlyList<string?>> ShowManyAsync(string gitRef, IReadOnlyList<string> paths, CancellationToken cancellationToken, bool existingCommit = false)
    {
        var specs = paths.Select(p => $"{gitRef}:{p.TrimStart('/')}").ToArray();
        var texts = new string?[specs.Length];
        var immutable = IsFullSha(gitRef);
        var unread = new List<int>(specs.Length);
        for (var i = 0; i < specs.Length; i++)
        {
            if (immutable && _blobsAtCommits.TryGetValue(specs[i], out var known))
            {
                texts[i] = known;
            }
            else
            {
                unread.Add(i);
            }
        }

        if (unread.Count == 0)
        {
            return texts;
        }

        var read = await GitBlobBatch.ReadAsync(BareRepository, [.. unread.Select(i => specs[i])], cancellationToken);
        if (immutable && _blobsAtCommits.Count > MaxRemembered)
        {
            _blobsAtCommits.Clear();
        }

        for (var j = 0; j < unread.Count; j++)
        {
            texts[unread[j]] = read?[j];
            if (immutable && read is not null && (read[j] is not null || existingCommit))
            {
                _blobsAtCommits[specs[unread[j]]] = read[j];
            }
        }

        return texts;
    }

    private const int MaxRemembered = 256;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _blobsAtCommits = new(StringComparer.Ordinal);

    private static bool IsFullSha(string gitRef) =>
        gitRef.Length is 40 or 64 && gitRef.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>Commits are authored by the acting user at the clock's time, so a simulated clock gives stable history.</summary>
    public Dictionary<string, string> CommitEnv(string login)
    {
        var date = context.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
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

    /// <summary>Makes <c>main</c> one commit holding <paramref name="seedDirectory"/> (the empty tree when null).</summary>
    public async Task CommitSeedAsync(string? seedDirectory, string ownerLogin, CancellationToken cancellationToken)
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
        await GitAsync(["update-ref", BranchRef(LocalForge.DefaultBranch), commit], cancellationToken);
    }
}
