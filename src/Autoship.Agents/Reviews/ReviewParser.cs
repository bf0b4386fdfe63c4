using System.Text.Json;
using System.Text.RegularExpressions;
using Autoship.Forge;

namespace Autoship.Agents;

/// <summary>
/// Reads a reviewer agent's verdict: the last <c>```json</c> block of its output holding
/// <c>{"verdict":"approve"|"request_changes","findings":[…]}</c>. Anything else is an error, and the caller
/// fails closed (not approved).
/// </summary>
public static partial class ReviewParser
{
    public sealed record Parsed(ReviewVerdict Verdict, IReadOnlyList<Finding> Findings);

    /// <summary>The verdict, or the reason it could not be read.</summary>
    public static (Parsed? Result, string? Error) Parse(string output)
    {
        var blocks = JsonBlock().Matches(output.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (blocks.Count == 0)
        {
            return (null, "the reviewer printed no ```json verdict block");
        }

        try
        {
            using var doc = JsonDocument.Parse(blocks[^1].Groups["json"].Value);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("verdict", out var v) || v.ValueKind != JsonValueKind.String)
            {
                return (null, "the verdict block has no \"verdict\" string");
            }

            ReviewVerdict? verdict = v.GetString() switch
            {
                "approve" => ReviewVerdict.Approve,
                "request_changes" => ReviewVerdict.RequestChanges,
                _ => null,
            };
            if (verdict is null)
            {
                return (null, $"unknown verdict \"{v.GetString()}\" (expected approve or request_changes)");
            }

            var findings = new List<Finding>();
            if (root.TryGetProperty("findings", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    return (null, "\"findings\" is not a list");
                }

                foreach (var f in list.EnumerateArray())
                {
                    if (f.ValueKind != JsonValueKind.Object)
                    {
                        return (null, "a finding is not an object");
                    }

                    findings.Add(new Finding(Str(f, "rubric") ?? "general", Str(f, "severity") ?? "error", Str(f, "message") ?? string.Empty, Str(f, "path")));
                }
            }

            return (new Parsed(verdict.Value, findings), null);
        }
        catch (JsonException e)
        {
            return (null, $"the verdict block is not valid JSON: {e.Message}");
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex(@"```json[ \t]*\n(?<json>.*?)\n[ \t]*```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
