using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Autoship.Server.Html;

/// <summary>
/// Markdown from the forge (issue and PR bodies, review comments, reasons) as HTML that cannot run anything: raw HTML
/// is shown as text, links keep only http, https, mailto and relative targets, images become plain links (the page
/// loads nothing from elsewhere), and input past <see cref="MaxLength"/> characters is cut with a note.
/// </summary>
internal static class MarkdownHtml
{
    /// <summary>The longest text rendered; a body longer than this is cut (the forge shows the whole of it).</summary>
    public const int MaxLength = 64 * 1024;

    private const string Neutralised = "#unsafe-link-removed";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder
    {
        // Deeply nested quotes or lists from a hostile body stop nesting here instead of exhausting the stack.
        MaximumNestingDepth = 32,
    }
        .DisableHtml()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .UseReferralLinks(["nofollow", "noopener", "noreferrer"])
        .Build();

    // Reasons and human actions are one line written by Autoship around forge text (globs, paths, log lines): code
    // spans and links render, but "**/x" or "snake_case" never turn into emphasis and "1." or "#" never start a block.
    private static readonly MarkdownPipeline LinePipeline = LineBuilder().Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>A block of Markdown (paragraphs, lists, code) as HTML; empty text gives an empty string.</summary>
    public static string Block(string? markdown) => Render(markdown, Pipeline);

    private static string Render(string? markdown, MarkdownPipeline pipeline)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var cut = markdown.Length > MaxLength;
        var text = cut ? markdown[..MaxLength] : markdown;
        string html;
        try
        {
            var document = Markdown.Parse(text, pipeline);
            Neutralise(document);
            html = document.ToHtml(pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested deeper than MaximumNestingDepth: show the text as it is, encoded.
            html = "<p class=\"muted small\">(nested too deeply to render as Markdown; shown as text)</p><pre>" + System.Net.WebUtility.HtmlEncode(text) + "</pre>";
        }

        return cut ? html + $"<p class=\"muted small\">(cut at {MaxLength / 1024} KiB: the forge shows the whole text)</p>" : html;
    }

    /// <summary>One line of Markdown (a reason, a human action) without the paragraph around it: code spans and links only.</summary>
    public static string Inline(string? markdown)
    {
        var html = Render(markdown, LinePipeline).TrimEnd('\n');
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }

    /// <summary>Whether a link target is one the dashboard may point at: http(s), mailto, or relative to this site.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        // Browsers drop whitespace and control characters inside a scheme ("java\tscript:"), so compare without them.
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var end = compact.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (end >= 0 && end < colon))
        {
            return true;
        }

        return SafeSchemes.Contains(compact[..colon], StringComparer.OrdinalIgnoreCase);
    }

    private static MarkdownPipelineBuilder LineBuilder()
    {
        var builder = new MarkdownPipelineBuilder { MaximumNestingDepth = 32 }.DisableHtml().UseAutoLinks().UseReferralLinks(["nofollow", "noopener", "noreferrer"]);
        builder.InlineParsers.TryRemove<EmphasisInlineParser>();
        builder.BlockParsers.RemoveAll(p => p is not ParagraphBlockParser);
        return builder;
    }

    private static void Neutralise(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            link.IsImage = false;
            if (!IsSafeUrl(link.Url))
            {
                link.Url = Neutralised;
                link.Title = "link removed: only http, https and mailto links are shown";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafeUrl(link.Url))
            {
                link.Url = Neutralised;
            }
        }
    }
}
