using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Planning;

namespace Autoship.Engine.Store;

/// <summary>The state store over SQLite or PostgreSQL: shared SQL, dialect-specific connection and identity column.</summary>
public sealed partial class SqlStateStore(SqlDialect dialect) : IStateStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How long a webhook delivery id is remembered to recognise a redelivery.</summary>
    public static readonly TimeSpan DeliveryRetention = TimeSpan.FromDays(7);

    public SqlDialect Dialect { get; } = dialect;

    /// <summary>What opening the store had to repair (a quarantined corrupt file), or null.</summary>
    public string? Notice { get; internal set; }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Two processes may open a fresh store at once (two `tick`s, two replicas): each step takes the migration
        // lock BEFORE creating anything (PostgreSQL's concurrent CREATE TABLE IF NOT EXISTS collides on its catalog)
        // and re-reads the version inside that transaction, so a migration is applied exactly once.
        while (true)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            if (Dialect.MigrationLock is { } lockSql)
            {
                await ExecuteAsync(connection, lockSql, null, cancellationToken, tx);
            }

            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", null, cancellationToken, tx);

            var current = Convert.ToInt32(await ScalarAsync(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version", null, cancellationToken, tx), CultureInfo.InvariantCulture);
            if (current >= Dialect.Migrations.Count)
            {
                await tx.CommitAsync(cancellationToken);
                migrated = true;
                return;
            }

            foreach (var statement in Dialect.Migrations[current].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                await ExecuteAsync(connection, statement, null, cancellationToken, tx);
            }

            await ExecuteAsync(connection, "INSERT INTO schema_version (version) VALUES (@v)", new() { ["v"] = current + 1 }, cancellationToken, tx);
            await tx.CommitAsync(cancellationToken);
        }
    }

    public async Task<bool> TryAcquireLeaseAsync(string repository, string holder, DateTimeOffset now, TimeSpan ttl, CancellationToken cancellationToken)
    {
        // One atomic upsert: insert, or take over only when the old lease expired or is ours.
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await ExecuteAsync(connection, """
            INSERT INTO leases (repo, holder, expires_at) VALUES (@repo, @holder, @expires)
            ON CONFLICT (repo) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.expires_at < @now OR leases.holder = @holder
            """, new() { ["repo"] = repository, ["holder"] = holder, ["expires"] = Time(now + ttl), ["now"] = Time(now) }, cancellationToken);
        if (rows > 0)
        {
            return true;
        }

        // Busy: a holder killed with -9 on this host never released it. Take it over at once, but only from that
        // very holder (compare-and-set), so two takers cannot both win.
        var current = await GetLeaseAsync(repository, cancellationToken);
        if (current is null || !LeaseHolder.IsProvablyDead(current.Holder))
        {
            return false;
        }

        rows = await ExecuteAsync(connection, "UPDATE leases SET holder = @holder, expires_at = @expires WHERE repo = @repo AND holder = @dead",
            new() { ["repo"] = repository, ["holder"] = holder, ["expires"] = Time(now + ttl), ["dead"] = current.Holder }, cancellationToken);
        return rows > 0;
    }

    public async Task ReleaseLeaseAsync(string repository, string holder, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM leases WHERE repo = @repo AND holder = @holder", new() { ["repo"] = repository, ["holder"] = holder }, cancellationToken);
    }

    public async Task<LeaseInfo?> GetLeaseAsync(string repository, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await QueryAsync(connection, "SELECT repo, holder, expires_at FROM leases WHERE repo = @repo", new() { ["repo"] = repository },
            r => new LeaseInfo(r.GetString(0), r.GetString(1), ParseTime(r.GetString(2))), cancellationToken);
        return rows.FirstOrDefault();
    }

    public async Task<IReadOnlyList<LeaseInfo>> ListLeasesAsync(string prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await using var connection = await OpenAsync(cancellationToken);
        // A prefix match without LIKE (whose wildcards a name could hold): the first characters compared as text.
        var rows = await QueryAsync(connection, "SELECT repo, holder, expires_at FROM leases WHERE substr(repo, 1, @length) = @prefix AND expires_at >= @now ORDER BY repo",
            new() { ["length"] = prefix.Length, ["prefix"] = prefix, ["now"] = Time(now) },
            r => new LeaseInfo(r.GetString(0), r.GetString(1), ParseTime(r.GetString(2))), cancellationToken);
        return rows.Where(l => !LeaseHolder.IsProvablyDead(l.Holder)).ToList();
    }

    public async Task AppendEventAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO events (at, repo, tick_id, issue, pr, kind, message, reasons, outcome)
            VALUES (@at, @repo, @tick, @issue, @pr, @kind, @message, @reasons, @outcome)
            """, new()
        {
            ["at"] = Time(stored.At), ["repo"] = stored.Repository, ["tick"] = stored.TickId, ["issue"] = stored.Issue, ["pr"] = stored.PullRequest,
            ["kind"] = stored.Kind, ["message"] = stored.Message, ["reasons"] = JsonSerializer.Serialize(stored.Reasons, Json), ["outcome"] = stored.Outcome,
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var sql = "SELECT id, at, repo, tick_id, issue, pr, kind, message, reasons, outcome FROM events WHERE repo = @repo";
        var args = new Dictionary<string, object?> { ["repo"] = query.Repository, ["limit"] = query.Limit };
        if (query.Issue is { } issue)
        {
            sql += " AND issue = @issue";
            args["issue"] = issue;
        }

        if (!string.IsNullOrEmpty(query.Kind))
        {
            sql += " AND kind = @kind";
            args["kind"] = query.Kind;
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            sql += " AND (LOWER(message) LIKE @text OR LOWER(reasons) LIKE @text)";
            args["text"] = "%" + query.Text.ToLowerInvariant() + "%";
        }

        if (query.BeforeId is { } before)
        {
            sql += " AND id < @before";
            args["before"] = before;
        }

        sql += " ORDER BY id DESC LIMIT @limit";
        var rows = await QueryAsync(connection, sql, args, r => new StoredEvent(
            r.GetInt64(0), ParseTime(r.GetString(1)), r.GetString(2), r.GetString(3),
            r.IsDBNull(4) ? null : Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture),
            r.IsDBNull(5) ? null : Convert.ToInt32(r.GetValue(5), CultureInfo.InvariantCulture),
            r.GetString(6), r.GetString(7), JsonSerializer.Deserialize<List<Reason>>(r.GetString(8), Json) ?? [], r.GetString(9)), cancellationToken);
        return rows;
    }

    public async Task SaveWorkOrderAsync(WorkOrder order, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO work_orders (repo, issue, attempt, body, issued_at) VALUES (@repo, @issue, @attempt, @body, @at)
            ON CONFLICT (repo, issue, attempt) DO UPDATE SET body = excluded.body, issued_at = excluded.issued_at
            """, new() { ["repo"] = order.Repository, ["issue"] = order.Issue, ["attempt"] = order.Attempt, ["body"] = JsonSerializer.Serialize(order, Json), ["at"] = Time(order.IssuedAt) }, cancellationToken);
    }

    public async Task<RuntimeControls> GetControlsAsync(string repository, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await QueryAsync(connection, "SELECT kill_switch, paused_lanes FROM controls WHERE repo = @repo", new() { ["repo"] = repository },
            r => new RuntimeControls(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture) != 0,
                r.GetString(1).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => LaneNames.TryParse(s, out var l) ? l : (Lane?)null).OfType<Lane>().ToList()),
            cancellationToken);
        return rows.FirstOrDefault() ?? RuntimeControls.None;
    }

    public async Task SetControlsAsync(string repository, RuntimeControls controls, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO controls (repo, kill_switch, paused_lanes) VALUES (@repo, @kill, @lanes)
            ON CONFLICT (repo) DO UPDATE SET kill_switch = excluded.kill_switch, paused_lanes = excluded.paused_lanes
            """, new() { ["repo"] = repository, ["kill"] = controls.KillSwitch ? 1 : 0, ["lanes"] = string.Join(',', controls.PausedLanes.Distinct().Order().Select(l => l.Name())) }, cancellationToken);
    }

    public async Task<bool> TryRecordDeliveryAsync(string deliveryId, string eventName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await ExecuteAsync(connection, "INSERT INTO deliveries (id, event, received_at) VALUES (@id, @event, @at) ON CONFLICT (id) DO NOTHING",
            new() { ["id"] = deliveryId, ["event"] = eventName, ["at"] = Time(at) }, cancellationToken);
        // GitHub redelivers within hours, never after days: older ids only grow the table.
        await ExecuteAsync(connection, "DELETE FROM deliveries WHERE received_at < @cutoff", new() { ["cutoff"] = Time(at - DeliveryRetention) }, cancellationToken);
        return rows > 0;
    }

    public async Task<string?> GetSettingAsync(string repository, string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await QueryAsync(connection, "SELECT value FROM settings WHERE repo = @repo AND name = @name", new() { ["repo"] = repository, ["name"] = name }, r => r.GetString(0), cancellationToken);
        return rows.FirstOrDefault();
    }

    public async Task SetSettingAsync(string repository, string name, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO settings (repo, name, value) VALUES (@repo, @name, @value)
            ON CONFLICT (repo, name) DO UPDATE SET value = excluded.value
            """, new() { ["repo"] = repository, ["name"] = name, ["value"] = value }, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
