using System.Globalization;
using System.Text;

namespace Autoship.Core;

/// <summary>Names of the branches Autoship owns: <c>autoship/&lt;issue&gt;-&lt;slug&gt;</c>.</summary>
public static class BranchNames
{
    public const string Prefix = "autoship/";

    public static string For(int issue, string title) => $"{Prefix}{issue.ToString(CultureInfo.InvariantCulture)}-{Slug(title)}";

    /// <summary>The issue number a branch belongs to, or null when it is not an Autoship branch.</summary>
    public static int? IssueOf(string branch)
    {
        if (!branch.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = branch.AsSpan(Prefix.Length);
        var dash = rest.IndexOf('-');
        var digits = dash < 0 ? rest : rest[..dash];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public static string Slug(string title)
    {
        var sb = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }

            if (sb.Length >= 40)
            {
                break;
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "item" : slug;
    }
}
