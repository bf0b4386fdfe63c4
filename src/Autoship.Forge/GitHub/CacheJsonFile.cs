using System.Text.Json;

namespace Autoship.Forge.GitHub;

/// <summary>
/// A JSON file under the cache directory that the workflow keeps between scheduled runs: written atomically (a
/// temporary file, then a rename), and read as nothing when it is missing, unreadable or not what was written. A cache
/// file only ever saves requests, so neither way fails the tick.
/// </summary>
internal static class CacheJsonFile
{
    public static T? Load<T>(string file)
        where T : class
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<T>(File.ReadAllBytes(file)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    public static void Save<T>(string file, T value)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var temp = file + ".tmp";
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(value));
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a cost: the next run asks again.
        }
    }
}
