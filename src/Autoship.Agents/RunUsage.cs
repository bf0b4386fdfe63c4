using System.Globalization;

namespace Autoship.Agents;

/// <summary>Tokens, money and turns one run spent, as the CLI reported them (null fields: not reported).</summary>
public sealed record RunUsage(long? InputTokens, long? OutputTokens, decimal? CostUsd, int? Turns)
{
    public long TotalTokens => (InputTokens ?? 0) + (OutputTokens ?? 0);

    /// <summary>One line for <c>explain</c> and the dashboard: <c>12,345 tokens (10,000 in, 2,345 out) · $0.0123 · 4 turns</c>; "—" when nothing was reported.</summary>
    public static string Describe(RunUsage? usage)
    {
        if (usage is null)
        {
            return "—";
        }

        var parts = new List<string>();
        if (usage.InputTokens is not null || usage.OutputTokens is not null)
        {
            parts.Add($"{usage.TotalTokens.ToString("N0", CultureInfo.InvariantCulture)} tokens ({(usage.InputTokens ?? 0).ToString("N0", CultureInfo.InvariantCulture)} in, {(usage.OutputTokens ?? 0).ToString("N0", CultureInfo.InvariantCulture)} out)");
        }

        if (usage.CostUsd is { } cost)
        {
            parts.Add("$" + cost.ToString("0.00##", CultureInfo.InvariantCulture));
        }

        if (usage.Turns is { } turns)
        {
            parts.Add($"{turns.ToString(CultureInfo.InvariantCulture)} turn{(turns == 1 ? string.Empty : "s")}");
        }

        return parts.Count == 0 ? "—" : string.Join(" · ", parts);
    }
}
