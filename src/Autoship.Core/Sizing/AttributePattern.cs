namespace Autoship.Core;

/// <summary>
/// A <c>.gitattributes</c> pattern as attr.c matches it: without a slash it is matched against the file name at any
/// depth; with one (leading, inner) against the whole path from the root, <c>*</c> not crossing <c>/</c>
/// (<see cref="WildMatch"/>); a trailing slash names a directory only, so it never matches a file.
/// </summary>
internal sealed record AttributePattern(string Glob, bool BaseNameOnly)
{
    /// <summary>Null for a pattern that can match no file: negative (<c>!x</c>, refused by git) or a directory (<c>x/</c>).</summary>
    public static AttributePattern? Parse(string pattern)
    {
        if (pattern.Length == 0 || pattern[0] == '!' || pattern.EndsWith('/'))
        {
            return null;
        }

        return pattern.Contains('/', StringComparison.Ordinal)
            ? new AttributePattern(pattern[0] == '/' ? pattern[1..] : pattern, false)
            : new AttributePattern(pattern, true);
    }

    public bool Matches(string path)
    {
        if (!BaseNameOnly)
        {
            return WildMatch.IsMatch(Glob, path);
        }

        var slash = path.LastIndexOf('/');
        return WildMatch.IsMatch(Glob, slash < 0 ? path : path[(slash + 1)..], pathname: false);
    }
}
