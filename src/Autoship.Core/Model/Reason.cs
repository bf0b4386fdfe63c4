namespace Autoship.Core;

/// <summary>One reason behind a decision: a stable machine code and a plain message for people.</summary>
public sealed record Reason(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
