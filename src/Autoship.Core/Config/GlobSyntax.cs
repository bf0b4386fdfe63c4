namespace Autoship.Core.Config;

/// <summary>
/// Checks a path glob (repository-relative, <c>/</c>-separated, <c>*</c>, <c>**</c>, <c>?</c>, <c>[abc]</c>).
/// The glob library accepts almost anything, so the mistakes people make are caught here.
/// </summary>
public static class GlobSyntax
{
    /// <summary>Null when the glob is fine, otherwise why it is not.</summary>
    public static string? Problem(string glob)
    {
        if (string.IsNullOrWhiteSpace(glob))
        {
            return "a glob may not be empty";
        }

        if (glob.StartsWith('/'))
        {
            return "globs are relative to the repository root; remove the leading '/'";
        }

        if (glob.Contains('\\'))
        {
            return "use '/' as the path separator in globs, not '\\'";
        }

        if (glob.StartsWith('!'))
        {
            return "negated globs ('!') are not supported; use a 'never' entry or a narrower glob";
        }

        if (glob.Contains('{') || glob.Contains('}'))
        {
            return "brace alternatives ('{a,b}') are not supported; list each glob separately";
        }

        if (glob.EndsWith('/'))
        {
            return $"a glob ending in '/' matches no file; write '{glob}**'";
        }

        foreach (var segment in glob.Split('/'))
        {
            if (segment is "." or "..")
            {
                return $"'{segment}' segments are not allowed in globs";
            }

            if (segment.Length == 0)
            {
                return "empty path segment ('//') in glob";
            }

            if (segment.Contains("**") && segment != "**")
            {
                return "'**' must be a whole path segment (like 'a/**/b'), not part of a name";
            }
        }

        return UnbalancedBrackets(glob) ? "unclosed '[' in glob" : null;
    }

    private static bool UnbalancedBrackets(string glob)
    {
        var open = false;
        foreach (var c in glob)
        {
            if (c == '[')
            {
                if (open)
                {
                    return true;
                }

                open = true;
            }
            else if (c == ']')
            {
                if (!open)
                {
                    return true;
                }

                open = false;
            }
        }

        return open;
    }
}
