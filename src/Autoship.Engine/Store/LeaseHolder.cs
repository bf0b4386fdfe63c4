using System.Globalization;

namespace Autoship.Engine.Store;

/// <summary>
/// Who holds a lease, precise enough to prove the holder dead: <c>host/pid/start/id[/role]</c>, where <c>start</c> is
/// the process's start time (field 22 of <c>/proc/PID/stat</c>, so a reused pid is told apart) and <c>id</c> is unique
/// per process. On the same host, a holder whose process is gone (or whose pid now runs another process) is dead
/// and its lease is taken over at once; elsewhere only the lease's short TTL, renewed by a heartbeat, decides.
/// </summary>
public static class LeaseHolder
{
    private static readonly string Id = Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// A TEST HOOK: <c>AUTOSHIP_TEST_HOST</c> names the host in this process's holder and orchestrator ids instead of
    /// the machine's name, so tests on one machine can run orchestrators that count as being on other hosts (their
    /// processes are then never provably dead to each other; only the claim heartbeat tells).
    /// </summary>
    public const string HostVariable = "AUTOSHIP_TEST_HOST";

    /// <summary>The host this process counts as: the machine's name, or <see cref="HostVariable"/>.</summary>
    public static string Host { get; } = Environment.GetEnvironmentVariable(HostVariable) is { Length: > 0 } host && !host.Contains('/', StringComparison.Ordinal)
        ? host
        : Environment.MachineName;

    /// <summary>This process's holder name, with an optional role suffix (e.g. <c>serve</c>, <c>reader</c>).</summary>
    public static string ForThisProcess(string? role = null) => For(Host, Environment.ProcessId, Id, role);

    /// <summary>The holder name of process <paramref name="pid"/> on this host (tests name other real processes).</summary>
    public static string For(string host, int pid, string id, string? role = null)
    {
        var start = StartTime(pid) ?? "?";
        var name = string.Create(CultureInfo.InvariantCulture, $"{host}/{pid}/{start}/{id}");
        return role is null ? name : name + "/" + role;
    }

    /// <summary>
    /// True only when <paramref name="holder"/> names a process on this host that no longer runs (or whose pid runs a
    /// process started at another time). Unknown formats, other hosts and platforms without <c>/proc</c> are never dead.
    /// </summary>
    public static bool IsProvablyDead(string holder)
    {
        var parts = holder.Split('/');
        if (parts.Length < 4 || !string.Equals(parts[0], Host, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || parts[2] == "?" || !Directory.Exists("/proc/self"))
        {
            return false;
        }

        if (pid == Environment.ProcessId)
        {
            // This process: alive; another holder id in it is another reconciler of ours, not a dead one.
            return false;
        }

        var now = StartTime(pid);
        return now is null || !string.Equals(now, parts[2], StringComparison.Ordinal);
    }

    /// <summary>The start time (clock ticks since boot) of <paramref name="pid"/>, or null when it does not run.</summary>
    internal static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
