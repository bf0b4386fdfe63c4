using System.Diagnostics;

namespace Autoship.Cli.Tests;

/// <summary>Real git for the tests' own setup and checks (a fixed author), failing the test when git fails.</summary>
public static class TestGit
{
    public static async Task<string> RunAsync(string cwd, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["GIT_AUTHOR_NAME"] = psi.Environment["GIT_COMMITTER_NAME"] = "t";
        psi.Environment["GIT_AUTHOR_EMAIL"] = psi.Environment["GIT_COMMITTER_EMAIL"] = "t@example.com";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"git {string.Join(' ', args)}: {await stderr}");
        return await stdout;
    }

    /// <summary>
    /// Changes a file on a local forge's <c>main</c> as a maintainer would: clones its repository into
    /// <paramref name="workDir"/>/clone, applies <paramref name="edit"/> to the file, commits and pushes to main.
    /// </summary>
    public static async Task EditOnMainAsync(string workDir, string forge, string path, Func<string, string> edit, string message)
    {
        var clone = Path.Combine(workDir, "clone");
        await RunAsync(workDir, "clone", "-q", Path.Combine(forge, "repo.git"), clone);
        var file = Path.Combine(clone, path);
        var before = await File.ReadAllTextAsync(file);
        var after = edit(before);
        after.ShouldNotBe(before, $"the edit of {path} changed nothing");
        await File.WriteAllTextAsync(file, after);
        await RunAsync(clone, "commit", "-q", "-am", message);
        await RunAsync(clone, "push", "-q", "origin", "HEAD:main");
    }

    /// <summary>Whether <paramref name="name"/> is an executable on PATH (the doctor's own lookup).</summary>
    public static bool OnPath(string name) => Doctor.ExecutableLookup.Find(name, Environment.GetEnvironmentVariable("PATH")) is not null;
}
