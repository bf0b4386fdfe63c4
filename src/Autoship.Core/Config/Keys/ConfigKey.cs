namespace Autoship.Core.Config;

/// <summary>A declared key with its typed default and how to read it from a <see cref="MapView"/>.</summary>
internal sealed class ConfigKey<T>
{
    private readonly Func<MapView, string, T, T> read;
    private readonly Func<T, string?>? check;
    private readonly SectionBuilder owner;
    private readonly Dictionary<Lane, T> laneDefaults = [];

    internal ConfigKey(SectionBuilder owner, KeySpec spec, T fallback, Func<MapView, string, T, T> read, Func<T, string?>? check)
    {
        this.owner = owner;
        this.read = read;
        this.check = check;
        Spec = spec;
        Default = fallback;
    }

    public KeySpec Spec { get; private set; }

    public string Name => Spec.Name;

    public T Default { get; }

    /// <summary>The value written, or the default; a written value that fails the key's check is an error at it.</summary>
    public T Read(MapView view) => Read(view, Default);

    public T Read(MapView view, Lane lane) => Read(view, laneDefaults.TryGetValue(lane, out var d) ? d : Default);

    public T Read(MapView view, T fallback)
    {
        var value = read(view, Name, fallback);
        if (check is not null && view.Has(Name) && check(value) is { } problem)
        {
            view.Error(Name, problem);
        }

        return value;
    }

    /// <summary>Gives a key of <c>lanes.&lt;lane&gt;</c> its seed value in each lane.</summary>
    public ConfigKey<T> PerLane(T safe, T staging, T human, Func<T, string> json)
    {
        (laneDefaults[Lane.Safe], laneDefaults[Lane.Staging], laneDefaults[Lane.Human]) = (safe, staging, human);
        var spec = Spec with
        {
            DefaultJson = null,
            LaneDefaults = new Dictionary<Lane, string> { [Lane.Safe] = json(safe), [Lane.Staging] = json(staging), [Lane.Human] = json(human) },
        };
        owner.Replace(Spec, spec);
        Spec = spec;
        return this;
    }
}
