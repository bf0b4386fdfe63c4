namespace Autoship.Core.Config;

/// <summary>
/// Everything said about one key, once: name, type, default (as JSON text), constraints and help.
/// The loader, the key lists, the JSON Schema and the README table all read it.
/// </summary>
internal sealed record KeySpec(string Name, KeyType Type, string Description)
{
    public bool Required { get; init; }

    /// <summary>The default as compact JSON (<c>3</c>, <c>"2h"</c>, <c>[]</c>); null when there is none.</summary>
    public string? DefaultJson { get; init; }

    /// <summary>Defaults that differ per lane (keys of <c>lanes.&lt;lane&gt;</c>), as JSON text.</summary>
    public IReadOnlyDictionary<Lane, string>? LaneDefaults { get; init; }

    public long? Minimum { get; init; }

    public bool NonEmpty { get; init; }

    public bool Nullable { get; init; }

    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>A regex every value (or every list item) must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>The section a <see cref="KeyType.Section"/>, <see cref="KeyType.List"/> or <see cref="KeyType.Map"/> key holds.</summary>
    public string? Ref { get; init; }

    /// <summary>The pattern of the names in a <see cref="KeyType.Map"/>.</summary>
    public string? KeyPattern { get; init; }
}
