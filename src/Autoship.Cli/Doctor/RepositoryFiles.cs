using System.Globalization;
using Autoship.Forge;
using Autoship.Forge.Git;
using Autoship.Forge.GitHub;

namespace Autoship.Cli.Doctor;

/// <summary>Lists files through GitHub's GraphQL, or through <c>git</c> when the forge's remote is a local repository.</summary>
internal sealed class RepositoryFiles(IForge forge) : IRepositoryFiles
{
    public async Task<IReadOnlyList<TreeEntry>?> ListAsync(string directory, CancellationToken cancellationToken)
    {
        if (forge is GitHubForge github)
        {
            return await github.GetTreeAsync(directory, cancellationToken);
        }

        var remote = await forge.GetGitRemoteAsync(cancellationToken);
        var path = Uri.TryCreate(remote.Url, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : remote.Url;
        if (!Directory.Exists(path))
        {
            return null;
        }

        var listing = await GitCli.TryRunAsync(path, ["ls-tree", "-z", "HEAD", directory.TrimEnd('/') + "/"], remote.Environment, null, cancellationToken);
        if (!listing.Ok)
        {
            return [];
        }

        var entries = new List<TreeEntry>();
        foreach (var line in listing.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <sha>\t<path>"
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var meta = line[..tab].Split(' ');
            var name = Path.GetFileName(line[(tab + 1)..]);
            var text = meta[1] == "blob" ? (await GitCli.TryRunAsync(path, ["cat-file", "-p", meta[2]], remote.Environment, null, cancellationToken)).Stdout : null;
            entries.Add(new TreeEntry(name, Convert.ToInt32(meta[0], 8), text));
        }

        return entries;
    }

    public async Task<IReadOnlyList<string>?> ListPathsAsync(CancellationToken cancellationToken)
    {
        var (directory, args, env) = forge is GitHubForge
            ? (Directory.GetCurrentDirectory(), new[] { "ls-files", "-z" }, (IReadOnlyDictionary<string, string>?)null)
            : await LocalTreeAsync(cancellationToken);
        if (directory is null || !Directory.Exists(directory))
        {
            return null;
        }

        var listing = await GitCli.TryRunAsync(directory, args, env, null, cancellationToken);
        return listing.Ok ? listing.Stdout.Split('\0', StringSplitOptions.RemoveEmptyEntries) : null;
    }

    private async Task<(string? Directory, string[] Args, IReadOnlyDictionary<string, string>? Env)> LocalTreeAsync(CancellationToken cancellationToken)
    {
        var remote = await forge.GetGitRemoteAsync(cancellationToken);
        var path = Uri.TryCreate(remote.Url, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : remote.Url;
        return (path, ["ls-tree", "-r", "-z", "--name-only", "HEAD"], remote.Environment);
    }

    public static string Octal(int mode) => Convert.ToString(mode, 8).PadLeft(6, '0').ToString(CultureInfo.InvariantCulture);
}
