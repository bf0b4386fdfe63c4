namespace Autoship.Core;

/// <summary>
/// Collects what raises a lane, grouping the files of one rule into one reason so that a change touching fifty
/// files under <c>infra/</c> explains itself in one line.
/// </summary>
internal sealed class LaneRaises
{
    private readonly List<(Lane Lane, string Code, string Source, string Why, List<string> Paths)> _raises = [];

    public Lane Lane { get; private set; } = Lane.Safe;

    public void Add(Lane lane, string code, string source, string? path, string why)
    {
        Lane = LaneNames.Max(Lane, lane);

        // Lane A is the floor: saying that something keeps a change in lane A explains nothing.
        if (lane == Lane.Safe)
        {
            return;
        }

        var existing = -1;
        for (var i = 0; i < _raises.Count && existing < 0; i++)
        {
            var r = _raises[i];
            existing = r.Code == code && r.Source == source && r.Lane == lane ? i : -1;
        }

        if (existing < 0)
        {
            _raises.Add((lane, code, source, why, path is null ? [] : [path]));
        }
        else if (path is not null && !_raises[existing].Paths.Contains(path))
        {
            _raises[existing].Paths.Add(path);
        }
    }

    public LaneDecision ToDecision()
    {
        var reasons = _raises
            .OrderByDescending(r => r.Lane)
            .Select(r => new Reason(r.Code, Message(r.Lane, r.Source, r.Why, r.Paths)))
            .ToList();
        if (reasons.Count == 0)
        {
            reasons.Add(new Reason("lane-safe", "no label, path or content rule raises the change above lane A (safe)"));
        }

        return new LaneDecision(Lane, reasons);
    }

    private static string Message(Lane lane, string source, string why, IReadOnlyCollection<string> paths)
    {
        var files = paths.Count == 0 ? string.Empty : $" ({Lists.Few(paths)})";
        return $"{source}{files} puts the change in lane {lane.Letter()} ({lane.Name()}): {why}";
    }
}
