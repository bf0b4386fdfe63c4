using System.Text.RegularExpressions;

namespace Autoship.Core.Config;

/// <summary>Names that become labels, branch parts or identities: lowercase, digits and dashes.</summary>
internal static partial class ConfigNames
{
    public static bool IsName(string text) => Name().IsMatch(text);

    public static bool IsEnvName(string text) => EnvName().IsMatch(text);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Name();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvName();
}
