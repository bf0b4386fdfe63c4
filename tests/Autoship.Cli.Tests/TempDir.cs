namespace Autoship.Cli.Tests;

/// <summary>A temporary directory removed when disposed.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
        : this(System.IO.Path.GetTempPath())
    {
    }

    private TempDir(string root)
    {
        Path = System.IO.Path.Combine(root, "autoship-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    /// <summary>
    /// Below the user's cache, not /tmp: gemini ignores a settings file under a world-writable directory, and its
    /// preset refuses to start there (GeminiPreset.FailIfIgnored), so real-CLI runs keep their state here.
    /// </summary>
    public static TempDir OutsideTmp()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home) || !Directory.Exists(home))
        {
            return new TempDir();
        }

        var root = System.IO.Path.Combine(home, ".cache", "autoship-cli-tests");
        Directory.CreateDirectory(root);
        return new TempDir(root);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
