namespace Autoship.Core.Queue;

/// <summary>The commit status a merge queue reports on each queued head: its position, its batch, or why it left.</summary>
public static class MergeQueueStatus
{
    public const string Context = "autoship/queue";

    /// <summary>Commit status descriptions are at most 140 characters.</summary>
    public static string Fit(string text) => text.Length <= 140 ? text : text[..139] + "…";
}
