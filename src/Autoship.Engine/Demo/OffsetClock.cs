namespace Autoship.Engine.Demo;

/// <summary>Real time plus an offset that the demo advances to show time-outs (stale claims) without waiting.</summary>
public sealed class OffsetClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;

    public void Advance(TimeSpan by) => offset += by;
}
