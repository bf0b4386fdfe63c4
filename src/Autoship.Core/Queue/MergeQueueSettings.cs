namespace Autoship.Core.Queue;

/// <summary>How a lane batches: at most <see cref="BatchSize"/> pull requests per candidate, and how long the oldest waits for company.</summary>
public sealed record MergeQueueSettings(int BatchSize, TimeSpan Wait)
{
    public static readonly MergeQueueSettings Serial = new(1, TimeSpan.Zero);
}
