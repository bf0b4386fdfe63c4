using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autoship.Core;

/// <summary>
/// Writes the work order into the PR body (a readable table plus a hidden JSON copy) and reads it back, so the
/// forge alone says who owns and reviews a PR even when the store is gone.
/// </summary>
public static class WorkOrderCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <param name="validation">The harness's validation result line, e.g. "scripts/test.sh exited 0".</param>
    /// <param name="evidence">The verification evidence text (from the issue or the agent), or null.</param>
    public static string RenderPullRequestBody(WorkOrder order, string validation, string? evidence)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Fixes #{order.Issue}\n\n");
        sb.Append("Opened by Autoship for the work order below. The agent had no forge token; the harness checked the diff against the guardrails before pushing.\n\n");
        sb.Append("| work order | |\n|---|---|\n");
        sb.Append(CultureInfo.InvariantCulture, $"| issue | #{order.Issue} {Escape(order.Title)} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| lane | {order.Lane.Letter()} ({order.Lane.Name()}) |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| area / risk | area:{order.Area} / {order.Risk} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| owner (author agent) | {order.Owner} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| reviewer agent | {order.Reviewer}{(order.ReviewerLogin is null ? string.Empty : $" (@{order.ReviewerLogin})")} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| allowed paths | {Escape(string.Join(", ", order.AllowedPaths))} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| guardrails | at most {order.Guardrails.MaxFiles} files, {order.Guardrails.MaxLines} changed lines; never: {Escape(string.Join(", ", order.Never))} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| validation | `{order.ValidationCommand}`: {Escape(validation)} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| attempt | {order.Attempt} (work order `{order.Id}`) |\n\n");
        sb.Append("## Verification evidence\n\n");
        sb.Append(string.IsNullOrWhiteSpace(evidence)
            ? "<!-- Lane C needs targeted verification evidence here before a human approval can merge it. -->\n\n"
            : evidence.Trim() + "\n\n");
        sb.Append(HiddenJson.Encode("work-order", order, Json)).Append('\n');
        return sb.ToString();
    }

    // Bodies parsed before, keyed by the body text itself (a string cannot change): a PR is planned every tick, and its
    // body rarely changes. Bounded: cleared when full, so a flood of distinct bodies costs parsing, never memory.
    private const int ParsedLimit = 20_000;
    private static readonly ConcurrentDictionary<string, WorkOrder?> Parsed = new(StringComparer.Ordinal);

    /// <summary>The work order embedded in a PR body, or null.</summary>
    public static WorkOrder? TryParse(string? body)
    {
        if (body is null)
        {
            return null;
        }

        if (Parsed.TryGetValue(body, out var known))
        {
            return known;
        }

        if (Parsed.Count >= ParsedLimit)
        {
            Parsed.Clear();
        }

        return Parsed[body] = HiddenJson.Decode<WorkOrder>("work-order", body, Json);
    }

    // Text from the issue goes into a table cell: no pipes, no line breaks, and no HTML comment that could pose as ours.
    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal);
}
