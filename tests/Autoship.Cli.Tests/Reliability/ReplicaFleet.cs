using System.Diagnostics;
using System.Globalization;
using System.Text;
using Autoship.Engine.Store;
using Npgsql;

namespace Autoship.Cli.Tests.Reliability;

/// <summary>
/// Real <c>autoship serve</c> replicas over many local forges and one PostgreSQL database: each replica is its own
/// process with its own state directory, started with the same repository list and store, as replicas on several
/// machines would be. What they did is read back from the store (ticks, leases, runs) and from the forges.
/// </summary>
public sealed class ReplicaFleet : IAsyncDisposable
{
    private readonly TempDir dir = new();
    private readonly List<(Process Process, StringBuilder Log)> replicas = [];

    private ReplicaFleet(string connection, IReadOnlyList<CampaignForge> forges, IStateStore store)
    {
        Connection = connection;
        Forges = forges;
        Store = store;
    }

    public string Connection { get; }

    public IReadOnlyList<CampaignForge> Forges { get; }

    public IStateStore Store { get; }

    public IReadOnlyList<string> Names => Forges.Select(f => "local:" + Path.GetFullPath(f.Directory)).ToList();

    public IReadOnlyList<Process> Processes => replicas.Select(r => r.Process).ToList();

    /// <summary>A new database on <paramref name="admin"/>'s cluster and <paramref name="forges"/> forges with <paramref name="issues"/> lane A issues each.</summary>
    public static async Task<ReplicaFleet> CreateAsync(string admin, int forges, int issues)
    {
        var name = "autoship_rep_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var url = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        var list = new List<CampaignForge>();
        for (var i = 0; i < forges; i++)
        {
            list.Add(await CampaignForge.CreateAsync(issues));
        }

        var store = await StoreFactory.OpenAsync(url, CancellationToken.None);
        return new ReplicaFleet(url, list, store);
    }

    /// <summary>Starts one more replica: <c>serve --repos FILE --store PG --every EVERY --lease-ttl TTL</c> on a free loopback port.</summary>
    public Process Start(TimeSpan every, TimeSpan ttl)
    {
        var file = dir.Combine("repos.yml");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, "repositories:\n" + string.Concat(Names.Select(n => $"  - forge: {n}\n")));
        }

        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["exec", CliRunner.CliDll, "serve", "--repos", file, "--store", Connection, "--urls", "http://127.0.0.1:0",
            "--every", Seconds(every), "--lease-ttl", Seconds(ttl)])
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["AUTOSHIP_STATE_DIR"] = dir.Combine($"state-{replicas.Count}");
        psi.Environment.Remove("GITHUB_TOKEN");
        psi.Environment.Remove("GH_TOKEN");
        var process = Process.Start(psi)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        replicas.Add((process, log));
        return process;
    }

    /// <summary>Which replica process (by pid) holds each repository now; a repository nobody holds is absent.</summary>
    public async Task<IReadOnlyDictionary<string, int>> HoldersAsync()
    {
        var leases = await Store.ListLeasesAsync("repo:", DateTimeOffset.UtcNow, CancellationToken.None);
        return leases.ToDictionary(l => l.Repository["repo:".Length..], l => int.Parse(l.Holder.Split('/')[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary>Every tick the store recorded for <paramref name="repository"/>, oldest first.</summary>
    public async Task<IReadOnlyList<TickRecord>> TicksAsync(string repository) =>
        (await Store.RecentTicksAsync(repository, 10_000, CancellationToken.None)).OrderBy(t => t.StartedAt).ToList();

    /// <summary>Agent runs recorded more than once for the same issue, attempt and role (a replica killed mid-run re-runs it).</summary>
    public async Task<int> RepeatedRunsAsync()
    {
        var repeated = 0;
        foreach (var name in Names)
        {
            var runs = await Store.ListRunsAsync(name, null, null, CancellationToken.None);
            repeated += runs.GroupBy(r => (r.Run.Issue, r.Run.Attempt, r.Run.Role)).Sum(g => g.Count() - 1);
        }

        return repeated;
    }

    public string Logs() => string.Join("\n", replicas.Select((r, i) => $"--- replica {i} (pid {Pid(r.Process)})\n{Tail(r.Log)}"));

    public static string Seconds(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Ceiling(t.TotalSeconds)}s");

    public async ValueTask DisposeAsync()
    {
        foreach (var (process, _) in replicas)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        await Store.DisposeAsync();
        foreach (var forge in Forges)
        {
            forge.Dispose();
        }

        dir.Dispose();
    }

    private static int Pid(Process p)
    {
        try
        {
            return p.Id;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
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

    private static string Tail(StringBuilder log)
    {
        lock (log)
        {
            var text = log.ToString();
            return text.Length > 4000 ? text[^4000..] : text;
        }
    }
}
