namespace Autoship.Core.Config;

/// <summary>
/// Declares the keys of one section. Each call registers its key in order (static fields initialise in text order),
/// so a section file lists each key once and <see cref="Build"/> is the section's schema, key list and docs.
/// </summary>
internal sealed class SectionBuilder(string name, string path, string description)
{
    private readonly List<KeySpec> keys = [];

    public ConfigSection Build() => new(name, path, description, keys.ToList());

    public ConfigKey<string> String(string key, string fallback, string help, bool required = false, bool nonEmpty = false, string? pattern = null, Func<string, string?>? check = null) =>
        Add<string>(new KeySpec(key, KeyType.String, help) { Required = required, NonEmpty = nonEmpty, Pattern = pattern, DefaultJson = required || fallback.Length == 0 && !nonEmpty ? null : KeyJson.Of(fallback) },
            fallback, (v, k, d) => v.String(k, d, required), check);

    public ConfigKey<string?> NullableString(string key, string help) =>
        Add<string?>(new KeySpec(key, KeyType.String, help) { Nullable = true, DefaultJson = "null" }, null, (v, k, d) => v.Present(k) ? v.NullableString(k) : d, null);

    public ConfigKey<bool> Bool(string key, bool fallback, string help) =>
        Add(new KeySpec(key, KeyType.Boolean, help) { DefaultJson = KeyJson.Of(fallback) }, fallback, (v, k, d) => v.Bool(k, d), null);

    public ConfigKey<int> Int(string key, int fallback, int min, string help, bool required = false) =>
        Add(new KeySpec(key, KeyType.Integer, help) { Minimum = min, Required = required, DefaultJson = required ? null : KeyJson.Of(fallback) },
            fallback, (v, k, d) => v.Int(k, d, min, required), null);

    public ConfigKey<long> Long(string key, long fallback, long min, string help) =>
        Add(new KeySpec(key, KeyType.Integer, help) { Minimum = min, DefaultJson = KeyJson.Of(fallback) }, fallback, (v, k, d) => v.Long(k, d, min), null);

    public ConfigKey<TimeSpan> Duration(string key, string fallback, string help, Func<TimeSpan, string?>? check = null)
    {
        var value = Durations.TryParse(fallback, out var parsed) ? parsed : throw new ArgumentException($"bad default duration '{fallback}'", nameof(fallback));
        return Add(new KeySpec(key, KeyType.Duration, help) { DefaultJson = KeyJson.Of(fallback) }, value, (v, k, d) => v.Duration(k, d), check);
    }

    public ConfigKey<string> Choice(string key, string fallback, IReadOnlyList<string> choices, string kind, string help) =>
        Add(new KeySpec(key, KeyType.Choice, help) { Choices = choices, DefaultJson = KeyJson.Of(fallback) }, fallback, (v, k, d) => v.Choice(k, d, choices, kind), null);

    public ConfigKey<IReadOnlyList<string>> Strings(string key, IReadOnlyList<string> fallback, string help, string? itemPattern = null, Func<IReadOnlyList<string>, string?>? check = null) =>
        Add(new KeySpec(key, KeyType.Strings, help) { Pattern = itemPattern, DefaultJson = KeyJson.Of(fallback) }, fallback, (v, k, d) => v.Strings(k, d), check);

    public ConfigKey<IReadOnlyList<string>> Globs(string key, IReadOnlyList<string> fallback, string help, bool required = false) =>
        Add<IReadOnlyList<string>>(new KeySpec(key, KeyType.Globs, help) { Required = required, DefaultJson = required ? null : KeyJson.Of(fallback) }, fallback, (v, k, d) => v.Globs(k, d, required), null);

    public ConfigKey<Lane> Lane(string key, Lane fallback, string help, bool required = false) =>
        Add(new KeySpec(key, KeyType.Lane, help) { Required = required, DefaultJson = required ? null : KeyJson.Of(fallback) }, fallback, (v, k, d) => v.Lane(k, d, required), null);

    public ConfigKey<IReadOnlyList<Lane>> Lanes(string key, string help) =>
        Add<IReadOnlyList<Lane>>(new KeySpec(key, KeyType.Lanes, help) { DefaultJson = "[]" }, [], (v, k, d) => v.Present(k) ? v.Lanes(k) : d, null);

    /// <summary>A nested mapping declared by its own section file (<paramref name="section"/> is its <c>$defs</c> name).</summary>
    public KeySpec Section(string key, string section, string help) => Register(new KeySpec(key, KeyType.Section, help) { Ref = section });

    /// <summary>A list of mappings; <paramref name="emptyByDefault"/> false when an omitted list is filled in by the reader (said in the help).</summary>
    public KeySpec List(string key, string section, string help, bool emptyByDefault = true) => Register(new KeySpec(key, KeyType.List, help) { Ref = section, DefaultJson = emptyByDefault ? "[]" : null });

    public KeySpec Map(string key, string section, string keyPattern, string help) => Register(new KeySpec(key, KeyType.Map, help) { Ref = section, KeyPattern = keyPattern, DefaultJson = "{}" });

    public KeySpec Const(string key, int value, string help) => Register(new KeySpec(key, KeyType.Const, help) { Required = true, DefaultJson = KeyJson.Of(value) });

    internal void Replace(KeySpec old, KeySpec replacement) => keys[keys.IndexOf(old)] = replacement;

    private KeySpec Register(KeySpec spec)
    {
        if (keys.Any(k => k.Name == spec.Name))
        {
            throw new InvalidOperationException($"key '{spec.Name}' is declared twice in section '{name}'");
        }

        keys.Add(spec);
        return spec;
    }

    private ConfigKey<T> Add<T>(KeySpec spec, T fallback, Func<MapView, string, T, T> read, Func<T, string?>? check) =>
        new(this, Register(spec), fallback, read, check);
}
