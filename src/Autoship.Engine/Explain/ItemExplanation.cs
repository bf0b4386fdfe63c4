using System.Text.Json.Serialization;
using Autoship.Core.Planning;
using Autoship.Engine.Store;

namespace Autoship.Engine.Explain;

/// <summary>
/// Everything about one item in plain words: what <c>autoship explain</c> and the dashboard's item page show — the
/// item's <see cref="ItemView"/>, a one-line summary, its history and its agent runs. Serialized flat (the view's
/// fields with <c>summary</c> after <c>phase</c>, then <c>history</c> and <c>runs</c>).
/// </summary>
[JsonConverter(typeof(ItemExplanationJsonConverter))]
public sealed record ItemExplanation(
    ItemView View,
    string Summary,
    IReadOnlyList<StoredEvent> History,
    IReadOnlyList<StoredRun> Runs);
