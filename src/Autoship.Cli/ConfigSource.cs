using Autoship.Core.Config;

namespace Autoship.Cli;

/// <summary>Finds and loads the configuration: <c>--config FILE</c>, else <c>.github/autoship.yml</c> of the enclosing repository.</summary>
internal static class ConfigSource
{
    /// <summary>The file that would be used, whether or not it exists.</summary>
    public static string Resolve(FileInfo? explicitFile, string workingDirectory)
    {
        if (explicitFile is not null)
        {
            return explicitFile.FullName;
        }

        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, AutoshipConfig.DefaultPath);
            if (File.Exists(candidate) || Directory.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return candidate;
            }
        }

        return Path.Combine(workingDirectory, AutoshipConfig.DefaultPath);
    }

    /// <summary>Loads the configuration; errors are returned with <c>file:line:col</c>, a missing file as one error.</summary>
    public static ConfigLoadResult Load(FileInfo? explicitFile, string workingDirectory)
    {
        var path = Resolve(explicitFile, workingDirectory);
        var display = Path.GetRelativePath(workingDirectory, path);
        if (!File.Exists(path))
        {
            return new ConfigLoadResult(null, [new ConfigError(display, 1, 1, $"configuration file not found (run 'autoship init' to write one, or pass --config FILE)")]);
        }

        return ConfigLoader.Load(File.ReadAllBytes(path), display);
    }
}
