using System.Diagnostics;
using System.Text;

namespace Autoship.Forge.Local;

/// <summary>
/// Runs a repository script with <c>bash</c> under a time limit. The script is code from a pushed branch (possibly
/// an agent's), so it gets a scrubbed environment: no tokens or secrets of the process that pushed it.
/// </summary>
internal static class LocalScriptRunner
{
    public sealed record Outcome(int ExitCode, bool TimedOut, TimeSpan Elapsed);

    public static async Task<Outcome> RunAsync(
        string workDirectory, string script, IReadOnlyDictionary<string, string> env, TimeSpan timeout, string logPath, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(script);
        psi.Environment.Clear();
        psi.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        psi.Environment["HOME"] = workDirectory;
        psi.Environment["TMPDIR"] = Path.GetTempPath();
        psi.Environment["LANG"] = "C.UTF-8";
        psi.Environment["CI"] = "true";
        psi.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var log = new StringBuilder();
        var started = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token);
            process.WaitForExit(); // flushes the asynchronous output readers
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            timedOut = true;
            Append(log, $"autoship: {script} exceeded its time limit of {timeout} and was killed");
        }

        lock (log)
        {
            File.WriteAllText(logPath, log.ToString());
        }

        return new Outcome(timedOut ? -1 : process.ExitCode, timedOut, started.Elapsed);
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
