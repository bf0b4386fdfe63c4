using System.Globalization;
using System.Text.Json;
using Autoship.Agents;
using Autoship.Core;

namespace Autoship.Engine.Store;

public sealed partial class SqlStateStore
{
    public async Task SaveRunAsync(string repository, RunRecord run, string outcome, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO runs (id, repo, issue, attempt, agent, role, work_order_id, command_line, started_at, ended_at, exit_reason, exit_code,
                              diff_stat, diff_digest, validation_command, validation_exit_code, log_path, outcome, usage, egress_refused)
            VALUES (@id, @repo, @issue, @attempt, @agent, @role, @wo, @cmd, @start, @end, @reason, @code, @stat, @digest, @vcmd, @vcode, @log, @outcome, @usage, @egress)
            ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at, exit_reason = excluded.exit_reason, outcome = excluded.outcome, usage = excluded.usage, egress_refused = excluded.egress_refused
            """, new()
        {
            ["id"] = run.Id, ["repo"] = repository, ["issue"] = run.Issue, ["attempt"] = run.Attempt, ["agent"] = run.Agent, ["role"] = run.Role.Wire(),
            ["wo"] = run.WorkOrderId, ["cmd"] = JsonSerializer.Serialize(run.CommandLine, Json), ["start"] = Time(run.StartedAt), ["end"] = Time(run.EndedAt),
            ["reason"] = run.ExitReason, ["code"] = run.ExitCode, ["stat"] = run.DiffStat, ["digest"] = run.DiffDigest, ["vcmd"] = run.ValidationCommand,
            ["vcode"] = run.ValidationExitCode, ["log"] = run.LogPath, ["outcome"] = outcome,
            ["usage"] = run.Usage is null ? null : JsonSerializer.Serialize(run.Usage, Json),
            ["egress"] = run.EgressRefused.Count == 0 ? null : JsonSerializer.Serialize(run.EgressRefused, Json),
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredRun>> ListRunsAsync(string repository, int? issue, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var sql = """
            SELECT id, repo, issue, attempt, agent, role, work_order_id, command_line, started_at, ended_at, exit_reason, exit_code,
                   diff_stat, diff_digest, validation_command, validation_exit_code, log_path, outcome, usage, egress_refused
            FROM runs WHERE repo = @repo
            """;
        var args = new Dictionary<string, object?> { ["repo"] = repository };
        if (issue is { } n)
        {
            sql += " AND issue = @issue";
            args["issue"] = n;
        }

        if (since is { } s)
        {
            sql += " AND started_at >= @since";
            args["since"] = Time(s);
        }

        sql += " ORDER BY started_at";
        return await QueryAsync(connection, sql, args, r => new StoredRun(r.GetString(1), new RunRecord(
                r.GetString(0), Int(r, 2)!.Value, Int(r, 3)!.Value, r.GetString(4), WireNames.TryParse<AgentRole>(r.GetString(5), out var role) ? role : AgentRole.Author,
                r.GetString(6), JsonSerializer.Deserialize<List<string>>(r.GetString(7), Json) ?? [], ParseTime(r.GetString(8)), ParseTime(r.GetString(9)), r.GetString(10),
                Int(r, 11), r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13), r.IsDBNull(14) ? null : r.GetString(14), Int(r, 15),
                r.IsDBNull(16) ? null : r.GetString(16))
            {
                Usage = r.IsDBNull(18) ? null : JsonSerializer.Deserialize<RunUsage>(r.GetString(18), Json),
                EgressRefused = r.IsDBNull(19) ? [] : JsonSerializer.Deserialize<List<string>>(r.GetString(19), Json) ?? [],
            }, r.GetString(17)),
            cancellationToken);
    }

    public async Task SaveTickAsync(TickRecord tick, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """
            INSERT INTO ticks (id, repo, started_at, ended_at, rounds, actions, requests, rate_remaining, outcome, summary)
            VALUES (@id, @repo, @start, @end, @rounds, @actions, @requests, @remaining, @outcome, @summary)
            ON CONFLICT (id) DO NOTHING
            """, new()
        {
            ["id"] = tick.Id, ["repo"] = tick.Repository, ["start"] = Time(tick.StartedAt), ["end"] = Time(tick.EndedAt), ["rounds"] = tick.Rounds,
            ["actions"] = tick.Actions, ["requests"] = tick.Requests, ["remaining"] = tick.RateLimitRemaining, ["outcome"] = tick.Outcome, ["summary"] = tick.Summary,
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<TickRecord>> RecentTicksAsync(string repository, int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await QueryAsync(connection, """
            SELECT id, repo, started_at, ended_at, rounds, actions, requests, rate_remaining, outcome, summary
            FROM ticks WHERE repo = @repo ORDER BY started_at DESC LIMIT @limit
            """, new() { ["repo"] = repository, ["limit"] = count }, r => new TickRecord(
            r.GetString(0), r.GetString(1), ParseTime(r.GetString(2)), ParseTime(r.GetString(3)), Int(r, 4)!.Value, Int(r, 5)!.Value, Int(r, 6)!.Value,
            Int(r, 7), r.GetString(8), r.GetString(9)), cancellationToken);
    }

    private static int? Int(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
}
