using System.Text.Json;
using Autoship.Core.Config;

namespace Autoship.Forge.Local;

/// <summary>Repository setup on the local forge: users, labels and branch protection.</summary>
internal sealed class LocalSetup(LocalContext context)
{
    public Task AddUserAsync(string login, string role, CancellationToken cancellationToken)
    {
        if (!LocalRole.IsValid(role))
        {
            throw new ForgeException("bad-role", $"'{role}' is not a role: expected owner, writer or reader");
        }

        return context.WriteAsync(async c =>
        {
            await context.RequireAdminAsync(c, "add users", cancellationToken);
            await LocalDb.ExecAsync(c, "INSERT INTO users(login, role) VALUES ($l, $r) ON CONFLICT(login) DO UPDATE SET role = $r", cancellationToken, ("$l", login), ("$r", role));
            await context.RecordAsync(c, "user.added", "user:" + login, new { role }, cancellationToken);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        return await LocalDb.QueryAsync(
            c, "SELECT name, color, description FROM labels ORDER BY name", r => new LabelDefinition(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken);
    }

    public Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "manage labels", cancellationToken);
            await LocalDb.ExecAsync(
                c,
                "INSERT INTO labels(name, color, description) VALUES ($n, $c, $d) ON CONFLICT(name) DO UPDATE SET name = $n, color = $c, description = $d",
                cancellationToken,
                ("$n", label.Name), ("$c", label.Color.TrimStart('#')), ("$d", label.Description));
            await context.RecordAsync(c, "label.upserted", "label:" + label.Name, new { label.Color, label.Description }, cancellationToken);
        }, cancellationToken);

    public Task DeleteLabelAsync(string name, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireWriteAsync(c, "manage labels", cancellationToken);
            await LocalDb.ExecAsync(c, "DELETE FROM issue_labels WHERE label = $n", cancellationToken, ("$n", name));
            if (await LocalDb.ExecAsync(c, "DELETE FROM labels WHERE name = $n", cancellationToken, ("$n", name)) > 0)
            {
                await context.RecordAsync(c, "label.deleted", "label:" + name, new { }, cancellationToken);
            }
        }, cancellationToken);

    public async Task<BranchProtection?> GetBranchProtectionAsync(string branch, CancellationToken cancellationToken)
    {
        await using var c = await context.ConnectAsync(cancellationToken);
        return await LocalProtection.OfAsync(c, branch, cancellationToken);
    }

    public Task SetBranchProtectionAsync(string branch, BranchProtection protection, CancellationToken cancellationToken) =>
        context.WriteAsync(async c =>
        {
            await context.RequireAdminAsync(c, "protect branches", cancellationToken);
            var json = JsonSerializer.Serialize(protection, LocalContext.Json);
            await LocalDb.ExecAsync(c, "INSERT INTO protections(branch, json) VALUES ($b, $j) ON CONFLICT(branch) DO UPDATE SET json = $j", cancellationToken, ("$b", branch), ("$j", json));
            await context.RecordAsync(c, "protection.set", "branch:" + branch, protection, cancellationToken);
        }, cancellationToken);
}
