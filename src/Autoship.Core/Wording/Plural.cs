using System.Globalization;

namespace Autoship.Core;

/// <summary>Plain plurals for rendered text: "1 file", "2 files", never "file(s)".</summary>
public static class Plural
{
    /// <summary>"1 file", "3 files", "2 passes", "2 repositories"; irregular plurals are passed in ("1 person", "2 people").</summary>
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + Word(count, singular, plural);

    /// <summary>The noun alone, in the number <paramref name="count"/> asks for.</summary>
    public static string Word(long count, string singular, string? plural = null) =>
        count == 1 ? singular : plural ?? Regular(singular);

    private static string Regular(string singular)
    {
        if (singular.Length > 1 && singular[^1] == 'y' && !"aeiou".Contains(singular[^2], StringComparison.Ordinal))
        {
            return singular[..^1] + "ies";
        }

        return singular.EndsWith('s') || singular.EndsWith('x') || singular.EndsWith("sh", StringComparison.Ordinal) || singular.EndsWith("ch", StringComparison.Ordinal)
            ? singular + "es"
            : singular + "s";
    }
}
