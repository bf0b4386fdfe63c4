using System.Globalization;
using System.Text.Json;
using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>
/// What every collaborator of a <see cref="LocalForge"/> shares: the database, the acting user, the clock, the
/// options and the request counter. Each write goes through <see cref="WriteAsync{T}"/>: one SQLite transaction,
/// taken before the first read (<c>BEGIN IMMEDIATE</c>), so that a kill leaves either all of it or none of it and
/// two processes never both see "not there yet".
/// </summary>
internal sealed class LocalContext(string directory, string actingAs, TimeProvider clock, LocalForgeOptions options)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private int requests;

    public string Directory { get; } = directory;

    public string ActingAs { get; } = actingAs;

    public LocalForgeOptions Options { get; } = options;

    public LocalDb Db { get; } = new(Path.Combine(directory, "forge.db"));

    public string CiDirectory => Path.Combine(Directory, "ci");

    public DateTimeOffset Now => clock.GetUtcNow();

    public int Requests => Volatile.Read(ref requests);

    public void Count() => Interlocked.Increment(ref requests);

    /// <summary>A counted connection: one "request" to the forge.</summary>
    public Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Count();
        return Db.OpenAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction on a counted connection.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await using var tx = c.BeginTransaction(deferred: false);
        var result = await work(c);
        await tx.CommitAsync(cancellationToken);
        return result;
    }

    public Task WriteAsync(Func<SqliteConnection, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(async c =>
        {
            await work(c);
            return true;
        }, cancellationToken);

    public async Task RecordAsync(SqliteConnection c, string kind, string target, object payload, CancellationToken cancellationToken) =>
        await LocalDb.ExecAsync(c, "INSERT INTO events(actor, at, kind, target, payload) VALUES ($a, $t, $k, $g, $p)", cancellationToken,
            ("$a", ActingAs), ("$t", LocalDb.Time(Now)), ("$k", kind), ("$g", target), ("$p", JsonSerializer.Serialize(payload, Json)));

    public static async Task<string?> RoleOfAsync(SqliteConnection c, string login, CancellationToken cancellationToken) =>
        (string?)await LocalDb.ScalarAsync(c, "SELECT role FROM users WHERE login = $l", cancellationToken, ("$l", login));

    public async Task<Permission> PermissionAsync(SqliteConnection c, CancellationToken cancellationToken) =>
        LocalRole.ToPermission(await RoleOfAsync(c, ActingAs, cancellationToken));

    /// <summary>Refuses a write the acting user may not make, in GitHub's words.</summary>
    public async Task RequireWriteAsync(SqliteConnection c, string action, CancellationToken cancellationToken)
    {
        var permission = await PermissionAsync(c, cancellationToken);
        if (permission < Permission.Write)
        {
            throw new ForgeException("forbidden", $"{ActingAs} needs write access to the repository to {action} (has {permission.ToString().ToLowerInvariant()})");
        }
    }

    public async Task RequireAdminAsync(SqliteConnection c, string action, CancellationToken cancellationToken)
    {
        if (await PermissionAsync(c, cancellationToken) < Permission.Admin)
        {
            throw new ForgeException("forbidden", $"{ActingAs} needs admin access (the owner role) to {action}");
        }
    }

    public static string Target(int number) => "#" + number.ToString(CultureInfo.InvariantCulture);

    public static string Short(string? sha) => sha is null ? "(none)" : sha[..Math.Min(7, sha.Length)];
}
