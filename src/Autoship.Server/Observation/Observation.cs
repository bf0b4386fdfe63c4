using Autoship.Core;
using Autoship.Core.Planning;

namespace Autoship.Server.Observation;

/// <summary>One read of the forge, planned but not acted on: what the overview shows.</summary>
public sealed record Observation(
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<Reason> Notices,
    IReadOnlyDictionary<int, DateTimeOffset> ClaimedAt,
    DateTimeOffset At,
    string Source);
