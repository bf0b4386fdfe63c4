using System.Globalization;
using Autoship.Engine.Store;
using Microsoft.AspNetCore.Http;

namespace Autoship.Server.Endpoints;

/// <summary>Reads <c>?issue=&amp;kind=&amp;q=&amp;limit=</c> into an <see cref="EventQuery"/>; null when <c>issue</c> is not a number.</summary>
internal static class EventFilter
{
    public static EventQuery? Parse(string repository, IQueryCollection query)
    {
        int? issue = null;
        var issueText = query["issue"].ToString().Trim().TrimStart('#');
        if (issueText.Length > 0)
        {
            if (!int.TryParse(issueText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                return null;
            }

            issue = n;
        }

        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? Math.Clamp(l, 1, 1000) : 200;
        return new EventQuery(repository, issue, Blank(query["kind"]), Blank(query["q"]), limit);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
