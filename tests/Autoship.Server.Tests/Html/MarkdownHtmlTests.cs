using Autoship.Server.Html;

namespace Autoship.Server.Tests.Html;

public sealed class MarkdownHtmlTests
{
    public static TheoryData<string> Hostile() => new()
    {
        "<script>alert(1)</script>",
        "hello <script src=https://evil.example/x.js></script> there",
        "<img src=x onerror=alert(1)>",
        "![pic](x\" onerror=\"alert(1))",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java\tscript:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "![img](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "```\n</code></pre><script>alert(1)</script>\n```",
        "```js\" onclick=\"alert(1)\nx\n```",
        "| a | b |\n|---|---|\n| <script>x</script> | [y](javascript:y) |",
        "<style>body{display:none}</style>",
        "<svg><script>alert(1)</script></svg>",
        "<!-- comment --><form action=https://evil.example><input name=p></form>",
        "- [x] <b onclick=alert(1)>task</b>",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Block_HostileMarkdown_NothingExecutable(string markdown)
    {
        var html = MarkdownHtml.Block(markdown);

        SafeHtml.ShouldBeInert(html);
        html.ShouldNotContain("<script", Case.Insensitive);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Inline_HostileMarkdown_NothingExecutable(string markdown) => SafeHtml.ShouldBeInert(MarkdownHtml.Inline(markdown));

    [Fact]
    public void Block_RawHtml_IsShownAsText()
    {
        var html = MarkdownHtml.Block("<img src=x onerror=alert(1)>");

        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
    }

    [Fact]
    public void Block_JavascriptLink_KeepsItsTextButNotItsTarget()
    {
        var html = MarkdownHtml.Block("see [the docs](javascript:alert(1))");

        html.ShouldContain(">the docs</a>");
        html.ShouldContain("href=\"#unsafe-link-removed\"");
        html.ShouldNotContain("javascript", Case.Insensitive);
    }

    [Fact]
    public void Block_OrdinaryMarkdown_RendersHeadingsListsCodeAndLinks()
    {
        var html = MarkdownHtml.Block("""
            ## Steps

            1. run `make test`
            2. read **the log**

            - one
            - two

            ```bash
            echo "a < b"
            ```

            See [the guide](https://example.com/guide?a=1&b=2) and mail [us](mailto:team@example.com) or [here](/items/3).
            """);

        html.ShouldContain("<h2>Steps</h2>");
        html.ShouldContain("<ol>");
        html.ShouldContain("<li>run <code>make test</code></li>");
        html.ShouldContain("<strong>the log</strong>");
        html.ShouldContain("<ul>");
        html.ShouldContain("<pre><code class=\"language-bash\">echo &quot;a &lt; b&quot;");
        html.ShouldContain("href=\"https://example.com/guide?a=1&amp;b=2\"");
        html.ShouldContain("rel=\"nofollow noopener noreferrer\"");
        html.ShouldContain("href=\"mailto:team@example.com\"");
        html.ShouldContain("href=\"/items/3\"");
        SafeHtml.ShouldBeInert(html);
    }

    [Fact]
    public void Block_Image_BecomesALinkSoThePageLoadsNothingFromElsewhere()
    {
        var html = MarkdownHtml.Block("![diagram](https://evil.example/track.png)");

        html.ShouldNotContain("<img");
        html.ShouldContain("<a href=\"https://evil.example/track.png\"");
    }

    [Fact]
    public void Block_Mention_StaysPlainText()
    {
        var html = MarkdownHtml.Block("cc @octocat and @org/team");

        html.ShouldBe("<p>cc @octocat and @org/team</p>\n");
    }

    [Fact]
    public void Block_HugeInput_IsCutAndSaysSo()
    {
        var html = MarkdownHtml.Block(string.Concat(Enumerable.Repeat("word <script>x</script> ", 200_000)));

        html.ShouldContain("cut at 64 KiB");
        html.Length.ShouldBeLessThan(MarkdownHtml.MaxLength * 3);
        SafeHtml.ShouldBeInert(html);
    }

    [Theory]
    [InlineData('>')]
    [InlineData('[')]
    [InlineData('*')]
    [InlineData('-')]
    public void Block_DeeplyNested_RendersWithoutExhaustingTheStack(char c)
    {
        var markdown = string.Join(' ', Enumerable.Repeat(c.ToString(), 20_000)) + " x";

        var html = MarkdownHtml.Block(markdown + "\n\n<script>alert(1)</script>");

        html.ShouldNotBeEmpty();
        html.ShouldNotContain("<script", Case.Insensitive);
        SafeHtml.ShouldBeInert(html);
    }

    [Fact]
    public void Inline_Reason_RendersCodeButKeepsGlobsAndNumbersLiteral()
    {
        var html = MarkdownHtml.Inline("path src/**/gen/** matches `never`; 1. snake_case_name #12");

        html.ShouldBe("path src/**/gen/** matches <code>never</code>; 1. snake_case_name #12");
    }

    [Theory]
    [InlineData("https://example.com", true)]
    [InlineData("mailto:a@example.com", true)]
    [InlineData("/items/3", true)]
    [InlineData("#top", true)]
    [InlineData("docs/a:b.md", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JAVASCRIPT:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("file:///etc/passwd", false)]
    public void IsSafeUrl_Schemes_OnlyWebAndMail(string url, bool safe) => MarkdownHtml.IsSafeUrl(url).ShouldBe(safe);
}
