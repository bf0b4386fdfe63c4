using System.Data.Common;

namespace Autoship.Engine.Store;

/// <summary>The few things SQLite and PostgreSQL spell differently; everything else is shared SQL.</summary>
public abstract class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>The column definition of an auto-incrementing 64-bit primary key.</summary>
    public abstract string IdentityColumn { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>Per-connection settings (journal mode, busy timeout…).</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A statement that, inside the migration transaction, keeps other migrators out until it commits; null when the
    /// transaction itself does (SQLite's transactions take the write lock when they begin).
    /// </summary>
    public virtual string? MigrationLock => null;

    /// <summary>Ordered schema migrations; index + 1 is the schema version.</summary>
    public IReadOnlyList<string> Migrations =>
    [
        $"""
        CREATE TABLE events (
            id {IdentityColumn},
            at TEXT NOT NULL, repo TEXT NOT NULL, tick_id TEXT NOT NULL,
            issue INTEGER NULL, pr INTEGER NULL, kind TEXT NOT NULL, message TEXT NOT NULL,
            reasons TEXT NOT NULL, outcome TEXT NOT NULL);
        CREATE INDEX events_repo_issue ON events (repo, issue);
        CREATE TABLE runs (
            id TEXT PRIMARY KEY, repo TEXT NOT NULL, issue INTEGER NOT NULL, attempt INTEGER NOT NULL,
            agent TEXT NOT NULL, role TEXT NOT NULL, work_order_id TEXT NOT NULL, command_line TEXT NOT NULL,
            started_at TEXT NOT NULL, ended_at TEXT NOT NULL, exit_reason TEXT NOT NULL, exit_code INTEGER NULL,
            diff_stat TEXT NOT NULL, diff_digest TEXT NULL, validation_command TEXT NULL, validation_exit_code INTEGER NULL,
            log_path TEXT NULL, outcome TEXT NOT NULL);
        CREATE INDEX runs_repo_issue ON runs (repo, issue);
        CREATE TABLE work_orders (repo TEXT NOT NULL, issue INTEGER NOT NULL, attempt INTEGER NOT NULL, body TEXT NOT NULL, issued_at TEXT NOT NULL,
            PRIMARY KEY (repo, issue, attempt));
        CREATE TABLE leases (repo TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL);
        CREATE TABLE deliveries (id TEXT PRIMARY KEY, event TEXT NOT NULL, received_at TEXT NOT NULL);
        CREATE TABLE controls (repo TEXT PRIMARY KEY, kill_switch INTEGER NOT NULL, paused_lanes TEXT NOT NULL);
        CREATE TABLE ticks (id TEXT PRIMARY KEY, repo TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT NOT NULL,
            rounds INTEGER NOT NULL, actions INTEGER NOT NULL, requests INTEGER NOT NULL, rate_remaining INTEGER NULL,
            outcome TEXT NOT NULL, summary TEXT NOT NULL);
        CREATE INDEX ticks_repo ON ticks (repo, started_at);
        CREATE TABLE settings (repo TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (repo, name));
        """,

        // 2: what each run spent (tokens, cost, turns; JSON) and what its egress proxy refused (JSON list), for budgets and explain.
        """
        ALTER TABLE runs ADD COLUMN usage TEXT NULL;
        ALTER TABLE runs ADD COLUMN egress_refused TEXT NULL
        """,
    ];
}
