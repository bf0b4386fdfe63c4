using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Autoship.Cli.Context;

/// <summary>
/// Which repository a command talks to when <c>--forge</c>/<c>-R</c> is not given, the way <c>gh</c> decides:
/// <c>GH_REPO</c> (<c>[HOST/]OWNER/REPO</c>), else the GitHub remote of the git checkout in the working directory
/// (<c>upstream</c>, <c>github</c>, <c>origin</c>, then any other), on <c>github.com</c> or on <c>GH_HOST</c>.
/// </summary>
internal static partial class RepoInference
{
    private static readonly string[] PreferredRemotes = ["upstream", "github", "origin"];

    /// <summary>A <c>--forge</c> value for <paramref name="given"/>: <c>KIND:TARGET</c> as is, <c>[HOST/]OWNER/REPO</c> as GitHub, a local forge directory as local.</summary>
    public static string? Normalize(string? given)
    {
        if (string.IsNullOrWhiteSpace(given))
        {
            return null;
        }

        var text = given.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return text;
        }

        if (Autoship.Forge.Local.LocalForge.Exists(text))
        {
            return $"{Autoship.Forge.ForgeSpec.Local}:{text}";
        }

        return OwnerRepo().IsMatch(text) ? $"{Autoship.Forge.ForgeSpec.GitHub}:{text}" : text;
    }

    /// <summary><c>GH_REPO</c>, else the checkout's GitHub remote, as a <c>--forge</c> value; null when there is none.</summary>
    public static string? Infer(Func<string, string?> env, string workingDirectory)
    {
        if (Normalize(env("GH_REPO")) is { } fromEnv)
        {
            return fromEnv;
        }

        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "github.com" };
        if (env("GH_HOST") is { Length: > 0 } host)
        {
            hosts.Add(host.Trim());
        }

        var remotes = Remotes(workingDirectory);
        foreach (var name in PreferredRemotes.Concat(remotes.Keys.Order(StringComparer.Ordinal)))
        {
            if (remotes.TryGetValue(name, out var url) && ParseRemote(url) is { } repo && hosts.Contains(repo.Host))
            {
                var prefix = string.Equals(repo.Host, "github.com", StringComparison.OrdinalIgnoreCase) ? string.Empty : repo.Host + "/";
                return $"{Autoship.Forge.ForgeSpec.GitHub}:{prefix}{repo.Owner}/{repo.Name}";
            }
        }

        return null;
    }

    /// <summary>Host, owner and name of a git remote URL (https, ssh, scp-like), or null.</summary>
    public static (string Host, string Owner, string Name)? ParseRemote(string url)
    {
        var m = RemoteUrl().Match(url.Trim());
        if (!m.Success)
        {
            return null;
        }

        var name = m.Groups["name"].Value;
        name = name.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
        return name.Length == 0 ? null : (m.Groups["host"].Value, m.Groups["owner"].Value, name);
    }

    private static Dictionary<string, string> Remotes(string workingDirectory)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var psi = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "config", "--get-regexp", @"^remote\..*\.url$" })
            {
                psi.ArgumentList.Add(a);
            }

            using var git = Process.Start(psi);
            if (git is null)
            {
                return result;
            }

            var text = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0 && line[..space] is var key && key.StartsWith("remote.", StringComparison.Ordinal) && key.EndsWith(".url", StringComparison.Ordinal))
                {
                    result.TryAdd(key["remote.".Length..^".url".Length], line[(space + 1)..]);
                }
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on PATH: nothing to infer from.
        }

        return result;
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9.-]+/)?[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex OwnerRepo();

    [GeneratedRegex(@"^(?:(?:https?|ssh|git)://(?:[^@/]+@)?(?<host>[^/:]+)(?::\d+)?/|(?:[^@/]+@)?(?<host>[^/:]+):)(?<owner>[A-Za-z0-9_.-]+)/(?<name>[A-Za-z0-9_.-]+?)/?$")]
    private static partial Regex RemoteUrl();
}
