using System.Net;
using System.Text.RegularExpressions;

namespace Autoship.Server.Tests.Html;

/// <summary>Checks rendered HTML the way a browser would read it: every tag is a harmless one, no event handler, no script URL.</summary>
internal static partial class SafeHtml
{
    private static readonly HashSet<string> Harmless =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "code", "em", "strong", "del",
        "a", "table", "thead", "tbody", "tr", "th", "td", "input", "span", "div",
    ];

    public static void ShouldBeInert(string html)
    {
        foreach (Match tag in Tag().Matches(html))
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            Harmless.ShouldContain(name, $"tag <{name}> in {html}");
            foreach (Match attribute in Attribute().Matches(tag.Groups["rest"].Value))
            {
                var key = attribute.Groups["key"].Value.ToLowerInvariant();
                key.ShouldNotStartWith("on", Case.Insensitive, $"event handler {attribute.Value} in {html}");
                key.ShouldNotBe("style", $"style attribute in {html}");
                if (key is "href" or "src" or "action" or "formaction")
                {
                    var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
                    var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    compact.ShouldNotStartWith("javascript:", Case.Insensitive, html);
                    compact.ShouldNotStartWith("data:", Case.Insensitive, html);
                    compact.ShouldNotStartWith("vbscript:", Case.Insensitive, html);
                }
            }
        }
    }

    [GeneratedRegex(@"<(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<rest>[^>]*)>")]
    private static partial Regex Tag();

    [GeneratedRegex("(?<key>[^\\s=\"'/]+)\\s*=\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex Attribute();
}
