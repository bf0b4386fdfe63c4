namespace Autoship.Agents;

/// <summary>The presets by name. <c>builtin</c> has no command line: its agents run in-process (see <see cref="Builtin"/>).</summary>
public static class AgentPresets
{
    public const string Builtin = "builtin";

    private static readonly IReadOnlyDictionary<string, IAgentPreset> External = new IAgentPreset[]
    {
        new ClaudePreset(), new CodexPreset(), new AiderPreset(), new OpenCodePreset(), new GeminiPreset(), new QwenPreset(), new CommandPreset(),
    }.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Names { get; } = [Builtin, .. External.Keys];

    public static bool IsBuiltin(string preset) => string.Equals(preset, Builtin, StringComparison.OrdinalIgnoreCase);

    /// <summary>The external preset, or null for <c>builtin</c> and unknown names.</summary>
    public static IAgentPreset? Find(string preset) => External.GetValueOrDefault(preset);
}
