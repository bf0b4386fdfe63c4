namespace Autoship.Core;

/// <summary>What the gate found, by severity; the verdict is the most severe non-empty kind.</summary>
internal sealed class GateFindings
{
    private readonly List<Reason> _rejects = [];
    private readonly List<Reason> _holds = [];
    private readonly List<Reason> _waits = [];
    private readonly List<string> _actions = [];
    private readonly List<Reason> _met = [];

    /// <summary>A requirement that is satisfied: listed as a reason when the gate says merge, so a merge explains itself.</summary>
    public void Met(string code, string message) => _met.Add(new(code, message));

    public void Reject(string code, string message) => _rejects.Add(new(code, message));

    public void Reject(Reason reason) => _rejects.Add(reason);

    public void Hold(string code, string message, string action)
    {
        _holds.Add(new(code, message));
        if (!_actions.Contains(action))
        {
            _actions.Add(action);
        }
    }

    public void Wait(string code, string message) => _waits.Add(new(code, message));

    public GateDecision ToDecision(Lane lane, string ready)
    {
        // Reject > Hold > Wait > Merge; every reason is listed, the most severe first.
        var verdict = _rejects.Count > 0 ? GateVerdict.Reject
            : _holds.Count > 0 ? GateVerdict.Hold
            : _waits.Count > 0 ? GateVerdict.Wait
            : GateVerdict.Merge;
        IReadOnlyList<Reason> reasons = verdict == GateVerdict.Merge
            ? [new Reason("ready-to-merge", ready), .. _met]
            : [.. _rejects, .. _holds, .. _waits];
        IReadOnlyList<string> actions = verdict == GateVerdict.Hold ? [.. _actions] : [];
        return new GateDecision(verdict, lane, reasons, actions);
    }
}
