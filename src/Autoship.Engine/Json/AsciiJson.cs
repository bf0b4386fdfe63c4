using System.Globalization;
using System.Text;

namespace Autoship.Engine.Json;

/// <summary>
/// JSON text in 7-bit ASCII: every character above U+007E becomes <c>\uXXXX</c> (UTF-16 units, so astral characters
/// are a surrogate pair), which any JSON reader decodes to the same string and any terminal or log shows intact.
/// Outside strings JSON is ASCII already, so escaping the whole text is exact.
/// </summary>
public static class AsciiJson
{
    public static string Escape(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var first = json.AsSpan().IndexOfAnyExceptInRange('\0', '\u007e');
        if (first < 0)
        {
            return json;
        }

        var text = new StringBuilder(json.Length + 64).Append(json, 0, first);
        foreach (var c in json.AsSpan(first))
        {
            if (c > '\u007e')
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
