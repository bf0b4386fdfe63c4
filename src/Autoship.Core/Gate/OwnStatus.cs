namespace Autoship.Core;

/// <summary>
/// The commit statuses Autoship itself publishes (<c>autoship/gate</c>, <c>autoship/queue</c>, <c>autoship/review</c>):
/// outputs of its decisions, never CI. The gate must not wait for them — with no named required checks, "every check on
/// the head" would otherwise include the gate's own pending status, and a held pull request would wait for itself
/// forever once a human unblocked it.
/// </summary>
public static class OwnStatus
{
    public const string Prefix = "autoship/";

    public static bool Is(string context) => context.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
