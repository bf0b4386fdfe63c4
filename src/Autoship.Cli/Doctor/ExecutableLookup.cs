namespace Autoship.Cli.Doctor;

internal static class ExecutableLookup
{
    /// <summary>The full path of an executable found on <paramref name="pathVariable"/>, or null.</summary>
    public static string? Find(string name, string? pathVariable)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(name) ? name : null;
        }

        foreach (var dir in (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
