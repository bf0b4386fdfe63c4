using Autoship.Forge.Git;

namespace Autoship.Engine.Demo;

/// <summary>Turns each demo edit into a real unified diff against the sample, with git, so patches always apply.</summary>
internal static class DemoDiffs
{
    public static async Task<Dictionary<string, string>> BuildAsync(string seedDirectory, IEnumerable<DemoIssue> issues, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "autoship-demo-diff-" + Guid.NewGuid().ToString("N")[..8]);
        CopyDirectory(seedDirectory, scratch);
        try
        {
            await GitCli.RunAsync(scratch, ["init", "--quiet", "-b", "main"], null, null, cancellationToken);
            await GitCli.RunAsync(scratch, ["add", "-A"], null, null, cancellationToken);
            await GitCli.RunAsync(scratch, ["commit", "--quiet", "-m", "sample"], null, null, cancellationToken);
            var diffs = new Dictionary<string, string>();
            foreach (var issue in issues)
            {
                foreach (var edit in issue.Edits)
                {
                    var path = Path.Combine(scratch, edit.Path);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    var text = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : string.Empty;
                    if (edit.Find.Length > 0 && !text.Contains(edit.Find, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"demo edit for {issue.Key}: '{edit.Find}' not found in {edit.Path}");
                    }

                    await File.WriteAllTextAsync(path, edit.Find.Length == 0 ? edit.Replace : text.Replace(edit.Find, edit.Replace, StringComparison.Ordinal), cancellationToken);
                }

                await GitCli.RunAsync(scratch, ["add", "-A"], null, null, cancellationToken);
                diffs[issue.Key] = await GitCli.RunAsync(scratch, ["diff", "--cached"], null, null, cancellationToken) + "\n";
                await GitCli.RunAsync(scratch, ["reset", "--quiet", "--hard", "HEAD"], null, null, cancellationToken);
            }

            return diffs;
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(file));
            }
        }
    }

    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
