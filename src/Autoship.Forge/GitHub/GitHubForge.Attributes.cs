using System.Text;
using System.Text.Json;
using Autoship.Core;

namespace Autoship.Forge.GitHub;

public sealed partial class GitHubForge
{
    /// <summary>Blobs per attributes query: well inside GitHub's node limit, and a handful covers most trees.</summary>
    private const int AttributeBlobsPerQuery = 50;

    private readonly AttributeFileMemo _attributeMemo = new();

    /// <summary>
    /// The default branch's <c>.gitattributes</c> files that can decide attributes of <paramref name="paths"/>: the root's
    /// (read with the observation) and each directory's above them, read in one GraphQL query of aliased
    /// <c>object(expression:)</c> lookups at <paramref name="commit"/>. A file at a commit never changes, so answers are
    /// remembered for the commit (and kept under <see cref="GitHubForgeOptions.CacheDirectory"/> between scheduled runs):
    /// an unchanged main costs no request.
    /// </summary>
    private async Task<GitAttributeFiles> AttributeFilesAsync(string commit, string? rootText, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var nested = GitAttributeFiles.DirectoriesAbove(paths).Where(d => d.Length > 0).Select(GitAttributeFiles.PathIn).ToList();
        var found = new List<KeyValuePair<string, string?>> { KeyValuePair.Create(GitAttributeFiles.FileName, rootText) };
        if (nested.Count == 0 || commit.Length == 0)
        {
            return GitAttributeFiles.FromFiles(found);
        }

        var memo = _attributeMemo.For(commit, AttributeCacheFile);
        var unread = nested.Where(p => !memo.ContainsKey(p)).ToList();
        foreach (var chunk in unread.Chunk(AttributeBlobsPerQuery))
        {
            var variables = new Dictionary<string, object?> { ["owner"] = Owner, ["name"] = Repo };
            for (var i = 0; i < chunk.Length; i++)
            {
                variables["e" + i] = commit + ":" + chunk[i];
            }

            var data = await GraphQlAsync(AttributesQuery(chunk.Length), variables, cancellationToken);
            if (!data.TryGetProperty("repository", out var repository) || repository.ValueKind != JsonValueKind.Object)
            {
                // Not remembered, and read as no file: every line then counts, the stricter reading.
                continue;
            }

            for (var i = 0; i < chunk.Length; i++)
            {
                memo[chunk[i]] = GraphQlMapping.BlobText(repository, "a" + i);
            }
        }

        if (unread.Count > 0)
        {
            _attributeMemo.Save(commit, AttributeCacheFile);
        }

        found.AddRange(nested.Select(p => KeyValuePair.Create(p, memo.GetValueOrDefault(p))));
        return GitAttributeFiles.FromFiles(found);
    }

    private string? AttributeCacheFile =>
        _options.CacheDirectory is null ? null : Path.Combine(_options.CacheDirectory, $"github-{_options.Owner}-{_options.Repository}.attributes.json");

    /// <summary>The attributes query for <paramref name="count"/> files: <c>a0 … aN</c> looked up by <c>$e0 … $eN</c>.</summary>
    internal static string AttributesQuery(int count)
    {
        var text = new StringBuilder("query Attributes($owner: String!, $name: String!");
        for (var i = 0; i < count; i++)
        {
            text.Append(", $e").Append(i).Append(": String!");
        }

        text.Append(") {\n  repository(owner: $owner, name: $name) {\n");
        for (var i = 0; i < count; i++)
        {
            text.Append("    a").Append(i).Append(": object(expression: $e").Append(i).Append(") { ... on Blob { text } }\n");
        }

        return text.Append("  }\n}\n").ToString();
    }

    /// <summary>What was read at one commit (null: no such file), for this process and, with a cache directory, the next.</summary>
    private sealed class AttributeFileMemo
    {
        private string? _commit;
        private Dictionary<string, string?> _files = new(StringComparer.Ordinal);

        public Dictionary<string, string?> For(string commit, string? file)
        {
            if (_commit != commit)
            {
                _commit = commit;
                _files = Load(commit, file);
            }

            return _files;
        }

        public void Save(string commit, string? file)
        {
            if (file is not null)
            {
                CacheJsonFile.Save(file, new Stored(commit, _files));
            }
        }

        // A file for another commit (or none, or a broken one) is an empty memo.
        private static Dictionary<string, string?> Load(string commit, string? file) =>
            file is not null && CacheJsonFile.Load<Stored>(file) is { Files: { } files } stored && stored.Commit == commit
                ? new Dictionary<string, string?>(files, StringComparer.Ordinal)
                : new Dictionary<string, string?>(StringComparer.Ordinal);

        private sealed record Stored(string Commit, Dictionary<string, string?> Files);
    }
}
