namespace Autoship.Cli.Serve;

/// <summary>One repository <c>autoship serve</c> manages: its forge (<c>github:OWNER/REPO</c>, <c>local:DIR</c>) and an optional fixed tick interval.</summary>
internal sealed record ServedRepository(string Forge, TimeSpan? Every = null);
