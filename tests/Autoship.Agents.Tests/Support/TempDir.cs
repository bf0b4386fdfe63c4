namespace Autoship.Agents.Tests;

public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(Base, "autoship-agents-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>
    /// Below the user's cache, not /tmp: gemini ignores a settings file under a world-writable directory, and its
    /// preset refuses to start there (see GeminiPreset.FailIfIgnored).
    /// </summary>
    public static string Base { get; } = SecureBase();

    private static string SecureBase()
    {
        var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home) || !Directory.Exists(home))
        {
            return System.IO.Path.GetTempPath();
        }

        var dir = System.IO.Path.Combine(home, ".cache", "autoship-agents-tests");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public string Sub(string name)
    {
        var p = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(p);
        return p;
    }

    public void Dispose() => WorktreeManager.DeleteDirectory(Path);
}
