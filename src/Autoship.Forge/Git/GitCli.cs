using System.Diagnostics;
using System.Text;

namespace Autoship.Forge.Git;

/// <summary>Runs the real <c>git</c> with a clean, predictable environment (no user config, no prompts).</summary>
public static class GitCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public bool Ok => ExitCode == 0;
    }

    /// <summary>Runs git and returns its result whatever the exit code.</summary>
    public static async Task<Result> TryRunAsync(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, string? stdin = null, CancellationToken cancellationToken = default)
    {
        var psi = StartInfo(workingDirectory, args, env, stdin is not null);
        psi.StandardOutputEncoding = Encoding.UTF8;
        psi.StandardErrorEncoding = Encoding.UTF8;
        GitLaunches.Count();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start git");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }

        await WaitAsync(process, cancellationToken);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs git with <paramref name="stdin"/> and returns its raw standard output, or null on a non-zero exit (for <c>cat-file --batch</c>).</summary>
    public static async Task<byte[]?> TryRunBytesAsync(string workingDirectory, IEnumerable<string> args, string stdin, CancellationToken cancellationToken)
    {
        var psi = StartInfo(workingDirectory, args, null, redirectInput: true);
        GitLaunches.Count();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start git");
        using var buffer = new MemoryStream();
        var stdout = process.StandardOutput.BaseStream.CopyToAsync(buffer, cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        await WaitAsync(process, cancellationToken);
        await stdout;
        await stderr;
        return process.ExitCode == 0 ? buffer.ToArray() : null;
    }

    private static async Task WaitAsync(Process process, CancellationToken cancellationToken)
    {
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>How every git process here starts: no user or system config, no prompts, a fixed identity, the C locale.</summary>
    internal static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env, bool redirectInput)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // Never read the user's or system's git config, never prompt for credentials, fixed identity.
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        psi.Environment["GIT_TERMINAL_PROMPT"] = "0";
        psi.Environment["GIT_AUTHOR_NAME"] = "Autoship";
        psi.Environment["GIT_AUTHOR_EMAIL"] = "autoship@localhost";
        psi.Environment["GIT_COMMITTER_NAME"] = "Autoship";
        psi.Environment["GIT_COMMITTER_EMAIL"] = "autoship@localhost";
        psi.Environment["LC_ALL"] = "C";
        // git's automatic housekeeping (a `maintenance run --auto` after each fetch, a `gc --auto` after each receive)
        // is one more process per push or fetch; GitHousekeeping makes the same threshold check without one.
        psi.Environment["GIT_CONFIG_COUNT"] = "2";
        psi.Environment["GIT_CONFIG_KEY_0"] = "maintenance.auto";
        psi.Environment["GIT_CONFIG_VALUE_0"] = "false";
        psi.Environment["GIT_CONFIG_KEY_1"] = "receive.autogc";
        psi.Environment["GIT_CONFIG_VALUE_1"] = "false";
        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }

        return psi;
    }

    /// <summary>Runs git and returns its trimmed standard output; throws <see cref="GitException"/> on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, string? stdin = null, CancellationToken cancellationToken = default)
    {
        var list = args.ToList();
        var result = await TryRunAsync(workingDirectory, list, env, stdin, cancellationToken);
        if (!result.Ok)
        {
            throw new GitException($"git {string.Join(' ', list)} failed ({result.ExitCode}): {result.Stderr.Trim()}");
        }

        return result.Stdout.TrimEnd('\n', '\r');
    }

    public static Task<string> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, args, null, null, CancellationToken.None);
}

public sealed class GitException(string message) : Exception(message);
