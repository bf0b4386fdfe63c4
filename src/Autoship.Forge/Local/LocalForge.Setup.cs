using System.Text.Json;
using Autoship.Core.Config;
using Microsoft.Data.Sqlite;

namespace Autoship.Forge.Local;

public sealed partial class LocalForge
{
    public async Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        return await LocalDb.QueryAsync(
            c, "SELECT name, color, description FROM labels ORDER BY name", r => new LabelDefinition(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken);
    }

    public async Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "manage labels", cancellationToken);
        await LocalDb.ExecAsync(
            c,
            "INSERT INTO labels(name, color, description) VALUES ($n, $c, $d) ON CONFLICT(name) DO UPDATE SET name = $n, color = $c, description = $d",
            cancellationToken,
            ("$n", label.Name), ("$c", label.Color.TrimStart('#')), ("$d", label.Description));
        await RecordAsync(c, "label.upserted", "label:" + label.Name, new { label.Color, label.Description }, cancellationToken);
    }

    public async Task DeleteLabelAsync(string name, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        await RequireWriteAsync(c, "manage labels", cancellationToken);
        await LocalDb.ExecAsync(c, "DELETE FROM issue_labels WHERE label = $n", cancellationToken, ("$n", name));
        if (await LocalDb.ExecAsync(c, "DELETE FROM labels WHERE name = $n", cancellationToken, ("$n", name)) > 0)
        {
            await RecordAsync(c, "label.deleted", "label:" + name, new { }, cancellationToken);
        }
    }

    public async Task<BranchProtection?> GetBranchProtectionAsync(string branch, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        return await ProtectionOfAsync(c, branch, cancellationToken);
    }

    public async Task SetBranchProtectionAsync(string branch, BranchProtection protection, CancellationToken cancellationToken)
    {
        await using var c = await ConnectAsync(cancellationToken);
        if (LocalRole.ToPermission(await RoleOfAsync(c, ActingAs, cancellationToken)) < Core.Permission.Admin)
        {
            throw new ForgeException("forbidden", $"{ActingAs} needs admin access (the owner role) to protect branches");
        }

        var json = JsonSerializer.Serialize(protection, Json);
        await LocalDb.ExecAsync(c, "INSERT INTO protections(branch, json) VALUES ($b, $j) ON CONFLICT(branch) DO UPDATE SET json = $j", cancellationToken, ("$b", branch), ("$j", json));
        await RecordAsync(c, "protection.set", "branch:" + branch, protection, cancellationToken);
    }

    private static async Task<BranchProtection?> ProtectionOfAsync(SqliteConnection c, string branch, CancellationToken cancellationToken)
    {
        var json = (string?)await LocalDb.ScalarAsync(c, "SELECT json FROM protections WHERE branch = $b", cancellationToken, ("$b", branch));
        return json is null ? null : JsonSerializer.Deserialize<BranchProtection>(json, Json);
    }
}
