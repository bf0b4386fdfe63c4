using System.Text.Json;

namespace Autoship.Core;

/// <summary>
/// A JSON value kept inside an HTML comment (<c>&lt;!-- autoship:NAME {…} --&gt;</c>) in a comment or PR body, so that
/// the forge itself carries Autoship's state. <c>--</c> is escaped so the JSON can never end the comment.
/// </summary>
internal static class HiddenJson
{
    private const string Close = " -->";

    public static string Encode<T>(string name, T value, JsonSerializerOptions options) =>
        $"<!-- autoship:{name} " + JsonSerializer.Serialize(value, options).Replace("--", "\\u002d\\u002d", StringComparison.Ordinal) + Close;

    /// <summary>
    /// The value named <paramref name="name"/> in <paramref name="text"/>, or null when absent or unreadable. The last
    /// block wins: Autoship writes its own at the end, after any text that people or issue titles put in.
    /// </summary>
    public static T? Decode<T>(string name, string? text, JsonSerializerOptions options)
        where T : class
    {
        var open = $"<!-- autoship:{name} ";
        var start = text?.LastIndexOf(open, StringComparison.Ordinal) ?? -1;
        if (start < 0)
        {
            return null;
        }

        start += open.Length;
        var end = text!.IndexOf(Close, start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text[start..end], options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
