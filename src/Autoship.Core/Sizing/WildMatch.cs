namespace Autoship.Core;

/// <summary>
/// Git's <c>wildmatch</c> (wildmatch.c), as <c>.gitattributes</c> and <c>.gitignore</c> patterns use it: <c>*</c>,
/// <c>?</c>, <c>[...]</c> (with <c>!</c>/<c>^</c>, ranges, <c>[:class:]</c>), backslash escapes, and with
/// <paramref name="pathname"/> set <c>*</c> stops at <c>/</c> while <c>**</c> between slashes spans directories.
/// </summary>
public static class WildMatch
{
    private const int Match = 0;
    private const int NoMatch = 1;
    private const int AbortAll = -1;
    private const int AbortToStarStar = -2;

    public static bool IsMatch(string pattern, string text, bool pathname = true)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);
        return Wild(pattern, 0, text, 0, pathname) == Match;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsGlobSpecial(char c) => c is '*' or '?' or '[' or '\\';

    private static int Wild(string p, int pi, string t, int ti, bool pathname)
    {
        for (; At(p, pi) != '\0'; ti++, pi++)
        {
            var pch = p[pi];
            var tch = At(t, ti);
            if (tch == '\0' && pch != '*')
            {
                return AbortAll;
            }

            switch (pch)
            {
                case '\\':
                    pch = At(p, ++pi);
                    if (tch != pch)
                    {
                        return NoMatch;
                    }

                    continue;
                case '?':
                    if (pathname && tch == '/')
                    {
                        return NoMatch;
                    }

                    continue;
                case '*':
                    bool matchSlash;
                    if (At(p, ++pi) == '*')
                    {
                        var prev = pi - 2;
                        while (At(p, ++pi) == '*')
                        {
                        }

                        if ((prev < 0 || p[prev] == '/') && (At(p, pi) == '\0' || At(p, pi) == '/' || (At(p, pi) == '\\' && At(p, pi + 1) == '/')))
                        {
                            if (At(p, pi) == '/' && Wild(p, pi + 1, t, ti, pathname) == Match)
                            {
                                return Match;
                            }

                            matchSlash = true;
                        }
                        else
                        {
                            matchSlash = !pathname;
                        }
                    }
                    else
                    {
                        matchSlash = !pathname;
                    }

                    if (At(p, pi) == '\0')
                    {
                        return !matchSlash && t.IndexOf('/', ti) >= 0 ? NoMatch : Match;
                    }

                    if (!matchSlash && At(p, pi) == '/')
                    {
                        var slash = t.IndexOf('/', ti);
                        if (slash < 0)
                        {
                            return NoMatch;
                        }

                        ti = slash;
                        break;
                    }

                    while (true)
                    {
                        if (tch == '\0')
                        {
                            break;
                        }

                        if (!IsGlobSpecial(At(p, pi)))
                        {
                            var literal = At(p, pi);
                            while ((tch = At(t, ti)) != '\0' && (matchSlash || tch != '/'))
                            {
                                if (tch == literal)
                                {
                                    break;
                                }

                                ti++;
                            }

                            if (tch != literal)
                            {
                                return matchSlash ? AbortAll : AbortToStarStar;
                            }
                        }

                        var matched = Wild(p, pi, t, ti, pathname);
                        if (matched != NoMatch)
                        {
                            if (!matchSlash || matched != AbortToStarStar)
                            {
                                return matched;
                            }
                        }
                        else if (!matchSlash && tch == '/')
                        {
                            return AbortToStarStar;
                        }

                        tch = At(t, ++ti);
                    }

                    return AbortAll;
                case '[':
                    if (Bracket(p, ref pi, tch) is not { } hit)
                    {
                        return AbortAll;
                    }

                    if (!hit || (pathname && tch == '/'))
                    {
                        return NoMatch;
                    }

                    continue;
                default:
                    if (tch != pch)
                    {
                        return NoMatch;
                    }

                    continue;
            }
        }

        return ti < t.Length ? NoMatch : Match;
    }

    // A bracket expression starting at p[pi] == '['; leaves pi on its closing ']'. Null: malformed (git aborts).
    private static bool? Bracket(string p, ref int pi, char tch)
    {
        var pch = At(p, ++pi);
        if (pch == '^')
        {
            pch = '!';
        }

        var negated = pch == '!';
        if (negated)
        {
            pch = At(p, ++pi);
        }

        var prev = '\0';
        var matched = false;
        do
        {
            if (pch == '\0')
            {
                return null;
            }

            if (pch == '\\')
            {
                pch = At(p, ++pi);
                if (pch == '\0')
                {
                    return null;
                }

                matched |= tch == pch;
            }
            else if (pch == '-' && prev != '\0' && At(p, pi + 1) != '\0' && At(p, pi + 1) != ']')
            {
                pch = At(p, ++pi);
                if (pch == '\\')
                {
                    pch = At(p, ++pi);
                    if (pch == '\0')
                    {
                        return null;
                    }
                }

                matched |= tch <= pch && tch >= prev;
                pch = '\0';
            }
            else if (pch == '[' && At(p, pi + 1) == ':')
            {
                var start = pi += 2;
                while ((pch = At(p, pi)) != '\0' && pch != ']')
                {
                    pi++;
                }

                if (pch == '\0')
                {
                    return null;
                }

                var length = pi - start - 1;
                if (length < 0 || p[pi - 1] != ':')
                {
                    // No ":]": an ordinary '[' in the set.
                    pi = start - 2;
                    pch = '[';
                    matched |= tch == pch;
                }
                else
                {
                    if (Class(p.Substring(start, length), tch) is not { } inClass)
                    {
                        return null;
                    }

                    matched |= inClass;
                    pch = '\0';
                }
            }
            else
            {
                matched |= tch == pch;
            }

            prev = pch;
            pch = At(p, ++pi);
        }
        while (pch != ']');

        return matched != negated;
    }

    private static bool? Class(string name, char c) => name switch
    {
        "alnum" => char.IsAsciiLetterOrDigit(c),
        "alpha" => char.IsAsciiLetter(c),
        "blank" => c is ' ' or '\t',
        "cntrl" => c < 0x20 || c == 0x7f,
        "digit" => char.IsAsciiDigit(c),
        "graph" => c > 0x20 && c < 0x7f,
        "lower" => char.IsAsciiLetterLower(c),
        "print" => c >= 0x20 && c < 0x7f,
        "punct" => c > 0x20 && c < 0x7f && !char.IsAsciiLetterOrDigit(c),
        "space" => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v',
        "upper" => char.IsAsciiLetterUpper(c),
        "xdigit" => char.IsAsciiHexDigit(c),
        _ => null,
    };
}
