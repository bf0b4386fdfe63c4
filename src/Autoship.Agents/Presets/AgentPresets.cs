using System.Reflection;

namespace Autoship.Agents;

/// <summary>
/// The presets by name. Every public <see cref="IAgentPreset"/> of this assembly is one (a new preset is its own class
/// and its name in the configuration's vocabulary, <c>AgentSections.Presets</c>; a test keeps the two in step).
/// <c>builtin</c> has no command line: its agents run in-process (see <see cref="Builtin"/>).
/// </summary>
public static class AgentPresets
{
    public const string Builtin = "builtin";

    private static readonly IReadOnlyDictionary<string, IAgentPreset> External = Discover(typeof(AgentPresets).Assembly);

    public static IReadOnlyList<string> Names { get; } = [Builtin, .. External.Keys.Order(StringComparer.Ordinal)];

    public static bool IsBuiltin(string preset) => string.Equals(preset, Builtin, StringComparison.OrdinalIgnoreCase);

    /// <summary>The external preset, or null for <c>builtin</c> and unknown names.</summary>
    public static IAgentPreset? Find(string preset) => External.GetValueOrDefault(preset);

    /// <summary>One instance of every public, concrete preset class in <paramref name="assembly"/>, by name.</summary>
    public static IReadOnlyDictionary<string, IAgentPreset> Discover(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAgentPreset).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (IAgentPreset)Activator.CreateInstance(t)!)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
}
