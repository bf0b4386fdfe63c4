using System.Text.Json;
using Autoship.Core;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

/// <summary>Branch protection as stored, and what it still needs before a pull request may merge.</summary>
internal static class LocalProtection
{
    public static async Task<BranchProtection?> OfAsync(SqliteConnection c, string branch, CancellationToken cancellationToken)
    {
        var json = (string?)await LocalDb.ScalarAsync(c, "SELECT json FROM protections WHERE branch = $b", cancellationToken, ("$b", branch));
        return json is null ? null : JsonSerializer.Deserialize<BranchProtection>(json, LocalContext.Json);
    }

    /// <summary>What the base branch's protection still needs, checked on the head commit only.</summary>
    public static async Task<IReadOnlyList<Reason>> ReasonsAsync(SqliteConnection c, LocalPullRows.Row pull, string head, CancellationToken cancellationToken)
    {
        var protection = await OfAsync(c, pull.Base, cancellationToken);
        if (protection is null)
        {
            return [];
        }

        var reasons = new List<Reason>();
        var author = (await LocalIssueRows.RequireAsync(c, pull.Number, cancellationToken)).Author;
        var latest = await LocalDb.QueryAsync(
            c,
            """
            SELECT r.login, r.state, r.commit_sha, u.role FROM reviews r LEFT JOIN users u ON u.login = r.login
            WHERE r.pr = $n AND r.state <> 'Commented' AND r.id = (SELECT MAX(id) FROM reviews x WHERE x.pr = r.pr AND x.login = r.login AND x.state <> 'Commented')
            """,
            r => (Login: r.GetString(0), State: r.GetString(1), Sha: r.GetString(2), Permission: LocalRole.ToPermission(LocalDb.NullableString(r, 3))),
            cancellationToken,
            ("$n", pull.Number));
        var counted = latest.Where(r => r.Permission >= Permission.Write && !string.Equals(r.Login, author, StringComparison.OrdinalIgnoreCase)).ToList();
        var approvals = counted.Count(r => r.State == nameof(ReviewState.Approved) && r.Sha == head);
        if (approvals < protection.RequiredApprovals)
        {
            reasons.Add(new Reason("required-review-missing", $"{pull.Base} needs {Plural.Of(protection.RequiredApprovals, "approval")} on {LocalContext.Short(head)} from writers other than {author}; has {approvals}"));
        }

        if (protection.RequiredApprovals > 0 && counted.FirstOrDefault(r => r.State == nameof(ReviewState.ChangesRequested)) is { Login: { } blocker })
        {
            reasons.Add(new Reason("changes-requested", $"{blocker} requested changes"));
        }

        foreach (var check in protection.RequiredChecks)
        {
            var state = (string?)await LocalDb.ScalarAsync(c, "SELECT state FROM statuses WHERE sha = $s AND context = $c", cancellationToken, ("$s", head), ("$c", check));
            if (state is null || state == nameof(CheckState.Pending))
            {
                reasons.Add(new Reason("required-check-missing", $"required check '{check}' has not passed on {LocalContext.Short(head)} yet"));
            }
            else if (state is not (nameof(CheckState.Success) or nameof(CheckState.Neutral) or nameof(CheckState.Skipped)))
            {
                reasons.Add(new Reason("required-check-failed", $"required check '{check}' is {state.ToLowerInvariant()} on {LocalContext.Short(head)}"));
            }
        }

        return reasons;
    }
}
