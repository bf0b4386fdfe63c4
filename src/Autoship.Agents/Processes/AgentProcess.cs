using System.Diagnostics;
using System.Text;

namespace Autoship.Agents;

/// <summary>
/// Starts an untrusted process and supervises it: total time limit, inactivity limit (no output), output limit,
/// cancellation. Whatever happens, the whole process tree and its process group are killed before returning,
/// and the (redacted) log is written.
/// </summary>
public static class AgentProcess
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task<ProcessOutcome> RunAsync(ProcessSpec spec, TimeProvider time, CancellationToken cancellationToken)
    {
        var exe = ExecutableResolver.Resolve(spec.Argv[0], spec.Environment.GetValueOrDefault("PATH"));
        if (exe is null)
        {
            return Finish(spec, new ProcessOutcome(ProcessEnd.StartFailed, null, string.Empty, string.Empty, 0, $"{spec.Argv[0]} was not found on the agent's PATH"));
        }

        // setsid puts the agent in its own session and process group, so its grandchildren can be killed with it.
        var setsid = ExecutableResolver.Resolve("setsid", "/usr/bin:/bin");
        var psi = new ProcessStartInfo(setsid ?? exe)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (setsid is not null)
        {
            psi.ArgumentList.Add("--wait");
            psi.ArgumentList.Add(exe);
        }

        foreach (var a in spec.Argv.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Clear();
        foreach (var (k, v) in spec.Environment)
        {
            psi.Environment[k] = v;
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new InvalidOperationException("the process did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return Finish(spec, new ProcessOutcome(ProcessEnd.StartFailed, null, string.Empty, string.Empty, 0, $"could not start {spec.Argv[0]}: {e.Message}"));
        }

        using (process)
        {
            _ = FeedStdinAsync(process, spec.Stdin);
            var sink = new OutputSink(spec.OutputLimitBytes, time, spec.OnLine is { } onLine ? () => new OutputLines(spec.Redactor, onLine) : null);
            var pumps = new[] { sink.PumpAsync(process.StandardOutput.BaseStream, isStdout: true), sink.PumpAsync(process.StandardError.BaseStream, isStdout: false) };
            var exited = process.WaitForExitAsync(CancellationToken.None);
            var started = time.GetUtcNow();
            var abort = spec.Abort ?? new TaskCompletionSource<string>().Task;
            ProcessEnd end;
            string detail;
            while (true)
            {
                await Task.WhenAny(exited, sink.LimitReached, abort, Task.Delay(Poll, time, CancellationToken.None));
                var now = time.GetUtcNow();
                if (exited.IsCompleted)
                {
                    (end, detail) = (ProcessEnd.Exited, $"exited with code {process.ExitCode}");
                    break;
                }

                if (sink.LimitReached.IsCompleted)
                {
                    (end, detail) = (ProcessEnd.OutputLimit, $"printed more than {spec.OutputLimitBytes} bytes; stopped");
                    break;
                }

                if (abort.IsCompletedSuccessfully)
                {
                    (end, detail) = (ProcessEnd.Aborted, $"was stopped: {abort.Result}");
                    break;
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    (end, detail) = (ProcessEnd.Cancelled, "cancelled");
                    break;
                }

                if (now - started >= spec.TimeLimit)
                {
                    (end, detail) = (ProcessEnd.TimedOut, $"ran longer than its time limit of {spec.TimeLimit}");
                    break;
                }

                if (now - sink.LastActivity >= spec.Inactivity)
                {
                    (end, detail) = (ProcessEnd.Inactive, $"printed nothing for {spec.Inactivity} (inactivity limit)");
                    break;
                }
            }

            await KillAllAsync(process);
            // Orphaned grandchildren holding the pipes are dead now, so the pumps finish; bound the wait anyway.
            await Task.WhenAny(Task.WhenAll(pumps), Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
            int? code = end == ProcessEnd.Exited ? process.ExitCode : null;
            var (stdout, all) = sink.Text();
            return Finish(spec, new ProcessOutcome(end, code, spec.Redactor.Redact(stdout), spec.Redactor.Redact(all), sink.Bytes, detail));
        }
    }

    private static async Task KillAllAsync(Process process)
    {
        int pid;
        try
        {
            pid = process.Id;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        // The group first: it also reaches children that were re-parented away from the tree.
        await KillGroupAsync(pid);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            // Already gone.
        }
    }

    private static async Task KillGroupAsync(int pid)
    {
        var kill = ExecutableResolver.Resolve("kill", "/usr/bin:/bin");
        if (kill is null)
        {
            return;
        }

        try
        {
            using var k = Process.Start(new ProcessStartInfo(kill) { ArgumentList = { "-KILL", "--", $"-{pid}" }, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
            if (k is not null)
            {
                await k.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException or InvalidOperationException)
        {
            // No group (setsid missing) or already gone: Kill(entireProcessTree) below still runs.
        }
    }

    private static async Task FeedStdinAsync(Process process, string? stdin)
    {
        try
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The agent exited or closed its stdin early; its exit is what the supervisor reports.
        }
    }

    private static ProcessOutcome Finish(ProcessSpec spec, ProcessOutcome outcome)
    {
        if (spec.LogPath is not null)
        {
            var header = $"$ {string.Join(' ', spec.Argv.Select(Quote))}\n# cwd: {spec.WorkingDirectory}\n";
            var footer = $"\n# {outcome.Detail}\n";
            File.AppendAllText(spec.LogPath, spec.Redactor.Redact(header) + outcome.Output + footer, Encoding.UTF8);
        }

        return outcome;
    }

    private static string Quote(string arg)
    {
        var shown = arg.Length > 200 ? arg[..200] + "…" : arg;
        return shown.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? $"'{shown.Replace("'", "'\\''", StringComparison.Ordinal)}'" : shown;
    }
}
