namespace Autoship.Agents;

/// <summary>Tokens, money and turns one run spent, as the CLI reported them (null fields: not reported).</summary>
public sealed record RunUsage(long? InputTokens, long? OutputTokens, decimal? CostUsd, int? Turns)
{
    public long TotalTokens => (InputTokens ?? 0) + (OutputTokens ?? 0);
}
