using System.Globalization;
using System.Net;
using System.Text;

namespace Autoship.Server.Html;

/// <summary>The page frame and the escaping every page goes through: all text from the forge, store or user is encoded.</summary>
internal static class Html
{
    private const string Css = """
        :root{--fg:#1d2330;--muted:#5c6577;--line:#dde2ea;--bg:#f6f7f9;--card:#fff;--ok:#1a7f37;--warn:#9a6700;--bad:#cf222e;--info:#0969da}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        header{background:#1d2330;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:baseline}
        header a{color:#fff;text-decoration:none}header .repo{font-weight:600}header nav a{margin-right:1rem;opacity:.85}
        main{max-width:1100px;margin:0 auto;padding:1rem}
        h1{font-size:1.35rem;margin:.2rem 0 .6rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}h3{font-size:1rem;margin:.2rem 0}
        .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;margin:.5rem 0}
        .muted{color:var(--muted)}.small{font-size:.85rem}
        .badge{display:inline-block;padding:0 .5rem;border-radius:999px;font-size:.8rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
        .ok{color:var(--ok)}.warn{color:var(--warn)}.bad{color:var(--bad)}.info{color:var(--info)}
        .banner{border-left:5px solid var(--ok)}.banner.paused{border-left-color:var(--bad)}.banner .state{font-size:1.1rem;font-weight:600}
        .lanes{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:.6rem}
        .lane.paused{border-color:var(--bad);background:#fff5f5}
        ul.reasons{margin:.3rem 0;padding-left:1.2rem}ul.reasons li{margin:.15rem 0}
        .human{background:#fff8e1;border-radius:6px;padding:.3rem .6rem;margin-top:.4rem}
        .meta{display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.85rem;color:var(--muted);margin:.2rem 0}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        .scroll{overflow-x:auto}
        button,input,select{font:inherit}button{border:1px solid var(--line);background:#fff;border-radius:6px;padding:.3rem .8rem;cursor:pointer}
        button.danger{border-color:var(--bad);color:var(--bad)}button.go{border-color:var(--ok);color:var(--ok)}
        form.inline{display:inline}.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        input[type=text],input[type=search],input[type=password]{padding:.3rem .5rem;border:1px solid var(--line);border-radius:6px;max-width:100%}
        a{color:var(--info)}
        .markdown pre{background:var(--bg);padding:.5rem;border-radius:6px;overflow-x:auto}.markdown code{font-size:.9em}.markdown img{max-width:100%}
        .markdown blockquote{margin:.3rem 0;padding-left:.8rem;border-left:3px solid var(--line);color:var(--muted)}
        """;

    public static string H(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Url(string? text) => Uri.EscapeDataString(text ?? string.Empty);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Age(TimeSpan age) => age.TotalMinutes < 1 ? "just now" : Autoship.Core.Config.Durations.Human(age);

    public static string Page(string title, string repository, string body)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        page.Append("<title>").Append(H(title)).Append(" · Autoship</title><style>").Append(Css).Append("</style></head><body>");
        page.Append("<header><a class=\"repo\" href=\"/\">Autoship · ").Append(H(repository)).Append("</a>");
        page.Append("<nav><a href=\"/\">Overview</a><a href=\"/events\">Events</a><a href=\"/api/status\">JSON</a></nav></header><main>");
        page.Append(body);
        page.Append("</main></body></html>");
        return page.ToString();
    }

    public static string Csrf(string token) => $"<input type=\"hidden\" name=\"{Access.DashboardAccess.CsrfField}\" value=\"{H(token)}\">";
}
