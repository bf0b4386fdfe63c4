using System.Text.Json.Serialization;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Store;

namespace Autoship.Engine.Explain;

/// <summary>
/// Everything about one item in plain words: what <c>autoship explain</c> and the dashboard's item page show — the
/// item's <see cref="ItemView"/>, a one-line summary, its history and its agent runs. Serialized flat (the view's
/// fields with <c>summary</c> after <c>phase</c>, then <c>history</c>, <c>runs</c> and <c>failure</c>).
/// </summary>
[JsonConverter(typeof(ItemExplanationJsonConverter))]
public sealed record ItemExplanation(
    ItemView View,
    string Summary,
    IReadOnlyList<StoredEvent> History,
    IReadOnlyList<StoredRun> Runs)
{
    /// <summary>The latest failure's log tail (validation of the latest attempt, or a failing check on the PR's head); null when nothing failed.</summary>
    public FailureDetail? Failure { get; init; }
}
