using Autoship.Core.Config;

namespace Autoship.Cli.Init;

/// <summary>Writes an <see cref="InitPlan"/> into a directory, never replacing a file unless asked to.</summary>
internal static class InitWriter
{
    public static void Apply(string root, IReadOnlyList<InitFile> files, bool dryRun, bool force, TextWriter output)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path);
            var exists = File.Exists(path);
            if (exists && file.OnlyIfMissing)
            {
                output.WriteLine($"kept existing {file.Path} (the repository's own; init only writes it when missing)");
                continue;
            }

            if (exists && !force)
            {
                output.WriteLine($"kept existing {file.Path} (use --force to overwrite)");
                continue;
            }

            if (dryRun)
            {
                output.WriteLine($"would write {file.Path}{(file.Executable ? " (executable)" : string.Empty)}:");
                output.WriteLine(Indent(file.Content));
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
            if (file.Executable && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }

            output.WriteLine($"{(exists ? "overwrote" : "wrote")} {file.Path}");
        }
    }

    private static string Indent(string content) =>
        string.Join('\n', content.TrimEnd('\n').Split('\n').Select(line => line.Length == 0 ? "    |" : "    | " + line));
}
