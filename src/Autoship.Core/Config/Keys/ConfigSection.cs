namespace Autoship.Core.Config;

/// <summary>One mapping of the configuration (a <c>$defs</c> entry of the schema): its keys in declaration order.</summary>
internal sealed record ConfigSection(string Name, string Path, string Description, IReadOnlyList<KeySpec> Keys)
{
    public IReadOnlyList<string> KeyNames { get; } = Keys.Select(k => k.Name).ToList();

    public KeySpec Key(string name) => Keys.Single(k => k.Name == name);
}
