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
        if (env is not null)
        {
            foreach (var (k, v) in env.Where(e => !e.Key.StartsWith("GIT_CONFIG_", StringComparison.Ordinal) || e.Key is "GIT_CONFIG_NOSYSTEM" or "GIT_CONFIG_GLOBAL"))
            {
                psi.Environment[k] = v;
            }
        }

        // git's automatic housekeeping (a `maintenance run --auto` after each fetch, a `gc --auto` after each receive)
        // is one more process per push or fetch; GitHousekeeping makes the same threshold check without one. A
        // caller's own GIT_CONFIG_KEY_n entries (a remote's auth header) come after these, numbered on.
        string[] config = ["maintenance.auto", "false", "receive.autogc", "false", .. CallerConfig(env)];
        psi.Environment["GIT_CONFIG_COUNT"] = (config.Length / 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < config.Length / 2; i++)
        {
            psi.Environment[$"GIT_CONFIG_KEY_{i}"] = config[2 * i];
            psi.Environment[$"GIT_CONFIG_VALUE_{i}"] = config[(2 * i) + 1];
        }

        return psi;
    }

    // The key/value pairs a caller passes as GIT_CONFIG_COUNT / GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n, in order.
    private static IEnumerable<string> CallerConfig(IReadOnlyDictionary<string, string>? env)
    {
        if (env is null || !env.TryGetValue("GIT_CONFIG_COUNT", out var text) || !int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            yield break;
        }

        for (var i = 0; i < count; i++)
        {
            yield return env.GetValueOrDefault($"GIT_CONFIG_KEY_{i}", string.Empty);
            yield return env.GetValueOrDefault($"GIT_CONFIG_VALUE_{i}", string.Empty);
        }
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
