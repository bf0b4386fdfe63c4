using Autoship.Agents;
using Autoship.Core;

namespace Autoship.Engine.Explain;

/// <summary>
/// Reads what a failure's log says (<see cref="LogTail"/> of it, redacted like run logs): an author run whose
/// validation failed (the part of its log after the validation command started), or a failing check whose log is a
/// local file (the local forge's CI). A check whose log is elsewhere (GitHub) is a link with its description.
/// </summary>
public static class FailureLogs
{
    private const int MaxRead = 256 * 1024;

    /// <summary>The failure of an author run whose validation command exited non-zero; null for any other run.</summary>
    public static async Task<FailureDetail?> FromRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        if (run.Role != AgentRole.Author || run.ValidationCommand is not { } command || run.ValidationExitCode is null or 0 || run.LogPath is not { } path)
        {
            return null;
        }

        var text = await ReadAsync(path, cancellationToken);
        var tail = text is null ? [] : LogTail.Of(Redact(AfterValidationStarted(text, command)));
        return new FailureDetail(FailureDetail.Validation, command, tail, path) { Attempt = run.Attempt };
    }

    /// <summary>The failure of a finished, non-green check: its log's tail when the log is a local file, else its description.</summary>
    public static async Task<FailureDetail?> FromCheckAsync(CheckSnapshot check, CancellationToken cancellationToken)
    {
        if (check.IsGreen || !check.IsFinished)
        {
            return null;
        }

        return await FromLogAsync(check.Name, check.Url, check.Description, cancellationToken);
    }

    /// <summary>A failed check named <paramref name="name"/> whose log is at <paramref name="url"/> (read when it is a local file).</summary>
    public static async Task<FailureDetail> FromLogAsync(string name, string? url, string? description, CancellationToken cancellationToken)
    {
        var local = LocalPath(url);
        var text = local is null ? null : await ReadAsync(local, cancellationToken);
        var tail = text is not null ? LogTail.Of(Redact(text))
            : description is { Length: > 0 } d ? LogTail.Of(Redact(d))
            : [];
        return new FailureDetail(FailureDetail.Ci, name, tail, local ?? url ?? "(the check reported no log)");
    }

    /// <summary>The first failing check with something to say, among a pull request's checks on its head.</summary>
    public static async Task<FailureDetail?> FromChecksAsync(IEnumerable<CheckSnapshot> checks, string headSha, CancellationToken cancellationToken)
    {
        foreach (var check in checks.Where(c => c.Sha == headSha))
        {
            if (await FromCheckAsync(check, cancellationToken) is { } failure)
            {
                return failure;
            }
        }

        return null;
    }

    /// <summary>The whole log of <paramref name="failure"/> (its last 256 KiB), redacted, when it is a file on this machine; null otherwise.</summary>
    public static async Task<string?> ReadWholeAsync(FailureDetail failure, CancellationToken cancellationToken)
    {
        // Both kinds of local log are recorded as absolute paths; a check's URL elsewhere is not one.
        return Path.IsPathFullyQualified(failure.Log) && await ReadAsync(failure.Log, cancellationToken) is { } text ? Redact(text) : null;
    }

    private static string? LocalPath(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : null;

    private static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (file.Length > MaxRead)
            {
                file.Seek(-MaxRead, SeekOrigin.End);
            }

            using var reader = new StreamReader(file);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>What the validation printed: the log after the last command line that ran it (the agent's own output comes before).</summary>
    private static string AfterValidationStarted(string text, string command)
    {
        var lines = text.Split('\n');
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (lines[i].StartsWith("$ ", StringComparison.Ordinal) && lines[i].Contains(command, StringComparison.Ordinal))
            {
                return string.Join('\n', lines.Skip(i + 1).Where(l => !l.StartsWith("# cwd: ", StringComparison.Ordinal)));
            }
        }

        return text;
    }

    // The logs on disk are redacted when written; this catches tokens that reached a check's log some other way.
    private static string Redact(string text) => new SecretRedactor(AgentEnvironment.Current()).Redact(text);
}
