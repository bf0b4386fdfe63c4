using System.Text;
using Autoship.Server.Loop;
using Microsoft.AspNetCore.Http;

namespace Autoship.Server.Fleet;

/// <summary>
/// The repositories this server manages, each under a URL key (<c>/repos/KEY/…</c> scopes every page and API call to
/// it). With one repository the unprefixed paths are that repository's, as before; with several they must be chosen.
/// </summary>
public sealed class RepositoryRegistry
{
    public const string ItemKey = "autoship.repository";
    public const string PathPrefix = "/repos";

    private readonly Dictionary<string, RepositoryLoop> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<RepositoryLoop, string> keyOf = [];

    public RepositoryRegistry(IReadOnlyList<RepositoryLoop> loops)
    {
        ArgumentNullException.ThrowIfNull(loops);
        if (loops.Count == 0)
        {
            throw new ArgumentException("a server needs at least one repository", nameof(loops));
        }

        var names = loops.Select(l => l.Name).GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (names is not null)
        {
            throw new ArgumentException($"repository {names.Key} is listed twice", nameof(loops));
        }

        Loops = loops;
        foreach (var loop in loops)
        {
            var key = KeyFor(loop.Name);
            for (var n = 2; byKey.ContainsKey(key); n++)
            {
                key = KeyFor(loop.Name) + "-" + n;
            }

            byKey[key] = loop;
            keyOf[loop] = key;
        }
    }

    public IReadOnlyList<RepositoryLoop> Loops { get; }

    public bool IsMulti => Loops.Count > 1;

    /// <summary>The repository of a single-repository server, else the first one (what unscoped service lookups get).</summary>
    public RepositoryLoop Default => Loops[0];

    public string Key(RepositoryLoop loop) => keyOf[loop];

    public RepositoryLoop? Find(string key) => byKey.GetValueOrDefault(key);

    /// <summary>The repository a request is scoped to (<c>/repos/KEY/…</c>), or <see cref="Default"/>.</summary>
    public RepositoryLoop Current(HttpContext? context) =>
        context?.Items[ItemKey] as RepositoryLoop ?? Default;

    /// <summary>The repositories a GitHub delivery for <paramref name="fullName"/> (<c>owner/name</c>) concerns; every one when the server has one.</summary>
    public IReadOnlyList<RepositoryLoop> ForWebhook(string? fullName) =>
        !IsMulti ? Loops : Loops.Where(l => fullName is not null && string.Equals(l.Name, "github:" + fullName, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary><c>github:octo/app</c> → <c>github-octo-app</c>: letters, digits, '.', '_' and '-' only, lower case.</summary>
    public static string KeyFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
            if (keep || (key.Length > 0 && key[^1] != '-'))
            {
                key.Append(keep ? c : '-');
            }
        }

        var text = key.ToString().Trim('-', '.');
        return text.Length == 0 ? "repo" : text;
    }
}
