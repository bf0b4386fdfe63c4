using Autoship.Core;

namespace Autoship.Engine.Reconcile;

/// <summary>
/// Appends the tail of a failing check's log to its fix-forward feedback when the harness can read the log (a
/// <c>file:</c> URL, as the local forge's CI writes); other logs stay links. The text stays bounded by
/// <see cref="FixFeedback.MaxText"/> (its tail is kept: where a test run says what failed).
/// </summary>
internal static class CiLogTail
{
    public const int Lines = 60;

    public static async Task<WorkOrder> AppendAsync(WorkOrder order, CancellationToken cancellationToken)
    {
        if (!order.Feedback.Any(f => f.Source == FixFeedback.Ci && f.Url is not null))
        {
            return order;
        }

        var feedback = new List<FixFeedback>();
        foreach (var f in order.Feedback)
        {
            var tail = f.Source == FixFeedback.Ci ? await TailAsync(f.Url, cancellationToken) : null;
            feedback.Add(tail is null ? f : FixFeedback.Of(f.Source, f.From, $"{f.Text}\n\nlast lines of the log:\n{tail}") with { Url = f.Url });
        }

        return order with { Feedback = feedback };
    }

    /// <summary>The last lines of a check's log when its URL is a readable local file (the local CI's logs); null otherwise.</summary>
    public static Task<string?> ReadAsync(string? url, CancellationToken cancellationToken) => TailAsync(url, cancellationToken);

    private static async Task<string?> TailAsync(string? url, CancellationToken cancellationToken)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsFile || !File.Exists(uri.LocalPath))
        {
            return null;
        }

        var lines = await File.ReadAllLinesAsync(uri.LocalPath, cancellationToken);
        return string.Join('\n', lines.TakeLast(Lines));
    }
}
