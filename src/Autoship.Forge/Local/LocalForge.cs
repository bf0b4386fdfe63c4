using System.Text.Json;
using Autoship.Core;
using Autoship.Forge.Git;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>
/// The embedded forge: a real bare git repository (<c>repo.git</c>), issues, pull requests, reviews, checks and
/// deployments in SQLite (<c>forge.db</c>), CI logs under <c>ci/</c>. Everything it writes is authored by the
/// user it acts as; time comes from the injected clock so that a simulated demo stays deterministic.
/// </summary>
public sealed partial class LocalForge : IForge
{
    public const string HarnessLogin = "autoship[bot]";
    public const string ReviewerLogin = "autoship-reviewer[bot]";
    public const string DefaultBranch = "main";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly LocalDb db;
    private readonly TimeProvider clock;
    private readonly LocalForgeOptions options;
    private int requests;

    private LocalForge(string directory, string actingAs, TimeProvider clock, LocalForgeOptions options)
    {
        Directory = Path.GetFullPath(directory);
        ActingAs = actingAs;
        this.clock = clock;
        this.options = options;
        db = new LocalDb(Path.Combine(Directory, "forge.db"));
    }

    public string Directory { get; }

    public string ActingAs { get; }

    public string BareRepository => Path.Combine(Directory, "repo.git");

    public string CiDirectory => Path.Combine(Directory, "ci");

    public string Name => "local:" + Directory;

    public ForgeUsage Usage => new(Volatile.Read(ref requests), null, null);

    public static bool Exists(string directory) =>
        File.Exists(Path.Combine(directory, "forge.db")) && System.IO.Directory.Exists(Path.Combine(directory, "repo.git"));

    public static Task<LocalForge> InitAsync(string directory, string ownerLogin, TimeProvider clock, CancellationToken cancellationToken) =>
        InitAsync(directory, ownerLogin, clock, null, cancellationToken);

    /// <summary>Creates a forge whose <c>main</c> starts with one commit holding <paramref name="seedDirectory"/> (empty when null).</summary>
    public static async Task<LocalForge> InitAsync(string directory, string ownerLogin, TimeProvider clock, string? seedDirectory, CancellationToken cancellationToken)
    {
        if (Exists(directory))
        {
            throw new ForgeException("exists", $"a local forge already exists at {directory}");
        }

        System.IO.Directory.CreateDirectory(directory);
        var forge = new LocalForge(directory, ownerLogin, clock, LocalForgeOptions.Default);
        System.IO.Directory.CreateDirectory(forge.CiDirectory);
        await GitCli.RunAsync(forge.Directory, ["init", "--bare", "--quiet", "--initial-branch", DefaultBranch, "repo.git"], null, null, cancellationToken);
        await forge.CommitSeedAsync(seedDirectory, ownerLogin, cancellationToken);

        await forge.db.MigrateAsync(cancellationToken);
        await using var c = await forge.db.OpenAsync(cancellationToken);
        await LocalDb.ExecAsync(c, "INSERT INTO meta(key, value) VALUES ('name', $n), ('owner', $o)", cancellationToken,
            ("$n", new DirectoryInfo(forge.Directory).Name), ("$o", ownerLogin));
        foreach (var (login, role) in new[] { (ownerLogin, LocalRole.Owner), (HarnessLogin, LocalRole.Writer), (ReviewerLogin, LocalRole.Writer) })
        {
            await LocalDb.ExecAsync(c, "INSERT OR IGNORE INTO users(login, role) VALUES ($l, $r)", cancellationToken, ("$l", login), ("$r", role));
        }

        await forge.RecordAsync(c, "forge.created", "repo", new { owner = ownerLogin }, cancellationToken);
        return forge;
    }

    public static Task<LocalForge> OpenAsync(string directory, string actingAs, TimeProvider clock, CancellationToken cancellationToken) =>
        OpenAsync(directory, actingAs, clock, LocalForgeOptions.Default, cancellationToken);

    public static async Task<LocalForge> OpenAsync(string directory, string actingAs, TimeProvider clock, LocalForgeOptions options, CancellationToken cancellationToken)
    {
        if (!Exists(directory))
        {
            throw new ForgeException("no-forge", $"no local forge at {directory}: create one with 'autoship local init {directory}'");
        }

        var forge = new LocalForge(directory, actingAs, clock, options);
        await forge.db.MigrateAsync(cancellationToken);
        await using var c = await forge.db.OpenAsync(cancellationToken);
        if (await RoleOfAsync(c, actingAs, cancellationToken) is null)
        {
            throw new ForgeException("unknown-user", $"no user '{actingAs}' on the local forge at {directory}: add one with 'autoship local user add {actingAs} --role writer'");
        }

        return forge;
    }

    /// <summary>The owner named at init.</summary>
    public static async Task<string> OwnerOfAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Exists(directory))
        {
            throw new ForgeException("no-forge", $"no local forge at {directory}: create one with 'autoship local init {directory}'");
        }

        var db = new LocalDb(Path.Combine(directory, "forge.db"));
        await using var c = await db.OpenAsync(cancellationToken);
        return (string?)await LocalDb.ScalarAsync(c, "SELECT value FROM meta WHERE key = 'owner'", cancellationToken) ?? HarnessLogin;
    }

    public ValueTask DisposeAsync()
    {
        db.ReleaseFiles();
        return ValueTask.CompletedTask;
    }

    private DateTimeOffset Now => clock.GetUtcNow();

    private void Count() => Interlocked.Increment(ref requests);

    private Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Count();
        return db.OpenAsync(cancellationToken);
    }

    private async Task RecordAsync(SqliteConnection c, string kind, string target, object payload, CancellationToken cancellationToken) =>
        await LocalDb.ExecAsync(c, "INSERT INTO events(actor, at, kind, target, payload) VALUES ($a, $t, $k, $g, $p)", cancellationToken,
            ("$a", ActingAs), ("$t", LocalDb.Time(Now)), ("$k", kind), ("$g", target), ("$p", JsonSerializer.Serialize(payload, Json)));

    private static async Task<string?> RoleOfAsync(SqliteConnection c, string login, CancellationToken cancellationToken) =>
        (string?)await LocalDb.ScalarAsync(c, "SELECT role FROM users WHERE login = $l", cancellationToken, ("$l", login));

    /// <summary>Refuses a write the acting user may not make, in GitHub's words.</summary>
    private async Task RequireWriteAsync(SqliteConnection c, string action, CancellationToken cancellationToken)
    {
        var permission = LocalRole.ToPermission(await RoleOfAsync(c, ActingAs, cancellationToken));
        if (permission < Permission.Write)
        {
            throw new ForgeException("forbidden", $"{ActingAs} needs write access to the repository to {action} (has {permission.ToString().ToLowerInvariant()})");
        }
    }
}
