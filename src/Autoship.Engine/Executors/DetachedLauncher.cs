using System.Diagnostics;
using System.Globalization;

namespace Autoship.Engine.Executors;

/// <summary>
/// For <c>autoship tick</c> under cron: each job is a supervisor process in its own session (<c>setsid</c>), its
/// standard streams on the job's log, so it survives the tick that started it. The worker writes its pid and start
/// time first (so a recycled pid is not taken for it) and its result last.
/// </summary>
/// <param name="command">The worker's command line without the job argument, e.g. <c>[autoship, work, --job]</c>.</param>
public sealed class DetachedLauncher(IReadOnlyList<string> command) : IJobLauncher
{
    /// <summary>How long a started worker may take to write its pid before it counts as dead.</summary>
    public static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(60);

    public string? Start(JobDirectory job)
    {
        File.WriteAllText(job.Launched, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        // sh puts the worker in the background in a new session and exits at once; the tick does not wait for it.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true };
        foreach (var arg in (string[])["-c", "setsid \"$@\" </dev/null >>\"$AUTOSHIP_JOB_LOG\" 2>&1 &", "sh", .. command, job.Path])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AUTOSHIP_JOB_LOG"] = job.Log;
        // The worker never talks to the forge: it gets no forge credential (the agent's own allow-list applies below it).
        foreach (var name in start.Environment.Keys.Where(IsForgeCredential).ToList())
        {
            start.Environment.Remove(name);
        }

        using var shell = Process.Start(start) ?? throw new InvalidOperationException("could not start /bin/sh for the job's worker");
        shell.StandardInput.Close();
        shell.WaitForExit();
        return null;
    }

    /// <summary>Forge credentials a worker must not inherit: GitHub tokens and app keys, Actions' own tokens.</summary>
    public static bool IsForgeCredential(string name) =>
        name.StartsWith("GITHUB_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("GH_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ACTIONS_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("AUTOSHIP_GITHUB", StringComparison.OrdinalIgnoreCase);

    public bool IsAlive(JobDirectory job, DateTimeOffset now)
    {
        if (WorkerPid.Read(job) is not { } pid)
        {
            // Not started yet, or it died before it wrote its pid.
            return File.Exists(job.Launched)
                && DateTimeOffset.TryParse(File.ReadAllText(job.Launched), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var launched)
                && now - launched < StartGrace;
        }

        return WorkerPid.Running(pid);
    }

    public void Stop(JobDirectory job)
    {
        if (WorkerPid.Read(job) is { } pid && WorkerPid.Running(pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid.Id);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }
}

/// <summary>A worker's pid and start time, written by the worker itself (<c>autoship work</c>).</summary>
public sealed record WorkerPid(int Id, long StartTicks)
{
    public static void WriteForThisProcess(JobDirectory job)
    {
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(job.Pid, $"{self.Id} {self.StartTime.ToUniversalTime().Ticks}");
    }

    public static WorkerPid? Read(JobDirectory job)
    {
        if (!File.Exists(job.Pid))
        {
            return null;
        }

        var parts = File.ReadAllText(job.Pid).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks)
            ? new WorkerPid(id, ticks)
            : null;
    }

    /// <summary>True when a process with this pid runs and started when the worker did (not a recycled pid).</summary>
    public static bool Running(WorkerPid pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid.Id);
            return !process.HasExited && Math.Abs(process.StartTime.ToUniversalTime().Ticks - pid.StartTicks) < TimeSpan.TicksPerSecond;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
