using System.Text.Json;
using Entry = Autoship.Forge.GitHub.ETagCacheHandler.Entry;

namespace Autoship.Forge.GitHub;

/// <summary>
/// The ETag cache on disk (one JSON file per identity), kept between scheduled runs by the workflow's
/// <c>actions/cache</c> step. It holds answers GitHub gave this identity (never a token: no request header is
/// stored). A missing, unreadable or foreign file is an empty cache: the cost is one full request each.
/// </summary>
internal static class ETagCacheFile
{
    private const int Version = 1;
    private const int MaxEntries = 20_000;

    private sealed record Stored(string Key, string ETag, byte[] Body, Dictionary<string, string[]> Headers, Dictionary<string, string[]> ContentHeaders);

    private sealed record Document(int Version, List<Stored> Entries);

    public static IEnumerable<KeyValuePair<string, Entry>> Load(string file) =>
        CacheJsonFile.Load<Document>(file) is { Version: Version, Entries: { } entries }
            ? entries.Select(e => KeyValuePair.Create(e.Key, new Entry(e.ETag, e.Body, Pairs(e.Headers), Pairs(e.ContentHeaders)))).ToList()
            : [];

    public static void Save(string file, IEnumerable<KeyValuePair<string, Entry>> entries) =>
        CacheJsonFile.Save(file, new Document(Version, entries.Take(MaxEntries).Select(p => new Stored(p.Key, p.Value.ETag, p.Value.Body,
            p.Value.Headers.ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            p.Value.ContentHeaders.ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase))).ToList()));

    private static IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> Pairs(Dictionary<string, string[]> headers) =>
        [.. headers.Select(h => KeyValuePair.Create(h.Key, (IEnumerable<string>)h.Value))];
}
