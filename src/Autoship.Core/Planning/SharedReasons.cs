namespace Autoship.Core.Planning;

/// <summary>
/// The waiting reasons of one dispatch pass, built once and shared by every item they apply to: thousands of queued
/// items wait for the same "no slot" reason, and a reason list is immutable once it is in a view, so one instance
/// (and one one-element list per reason) serves them all. Private to a single plan.
/// </summary>
internal sealed class SharedReasons
{
    private readonly Dictionary<(string Code, string Key), Reason> reasons = [];

    private readonly Dictionary<Reason, IReadOnlyList<Reason>> alone = new(ReferenceEqualityComparer.Instance);

    /// <summary>The reason <paramref name="code"/> for <paramref name="key"/> (a lane, an agent, an area), its message formatted once.</summary>
    public Reason Get<TState>(string code, string key, TState state, Func<TState, string> message)
    {
        if (!reasons.TryGetValue((code, key), out var reason))
        {
            reason = new Reason(code, message(state));
            reasons[(code, key)] = reason;
        }

        return reason;
    }

    /// <summary><paramref name="first"/> then <paramref name="notes"/>; the same list for every item without notes.</summary>
    public IReadOnlyList<Reason> With(Reason first, IReadOnlyList<Reason> notes)
    {
        if (notes.Count > 0)
        {
            return [first, .. notes];
        }

        if (!alone.TryGetValue(first, out var list))
        {
            list = [first];
            alone[first] = list;
        }

        return list;
    }
}
