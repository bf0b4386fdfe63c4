namespace Autoship.Cli;

/// <summary>How to open a forge: who acts (local forge <c>--as</c>), GitHub token variable and API URL.</summary>
internal sealed record ForgeOpenOptions(string? ActAs = null, string? TokenEnv = null, string? ApiUrl = null, TimeProvider? Clock = null);
